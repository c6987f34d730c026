// `berth logs` of a container that printed 100 MB, against `docker logs` of the same container: throughput (goal: at
// least docker's) and the CLI's peak RSS (goal: under 100 MB), the output sent to /dev/null. The two alternate in
// each round; the container is labelled and removed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '../apps/cli/dist/bin/bin.js');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const BYTES = 100 * 1024 * 1024;
const RSS_GOAL_MB = 100;
const NAME = `berth-bench-logs-${process.pid}`;
const usage = join(tmpdir(), `${NAME}.time`);

/** Wall time and peak RSS of one command, its stdout thrown away (GNU time reports the RSS). */
function measure(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-o', usage, '-f', '%M', command, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, rssMb: Number(readFileSync(usage, 'utf8').trim().split('\n').at(-1)) / 1024 };
}

execFileSync(
  'docker',
  [
    ...['run', '--label', 'berth.bench=cli-logs', '--name', NAME, 'busybox:1.29', 'sh', '-c'],
    `yes 'berth logs benchmark: one line of the hundred megabytes this container prints' | head -c ${BYTES}`,
  ],
  { stdio: 'ignore' },
);
try {
  const sides = {
    docker: () => measure('docker', ['logs', NAME]),
    berth: () => measure(process.execPath, [BIN, 'logs', NAME]),
  };
  const results = { docker: [], berth: [] };
  for (let round = 0; round < SAMPLES; round++) {
    for (const side of round % 2 === 0 ? ['docker', 'berth'] : ['berth', 'docker']) results[side].push(sides[side]());
  }
  const summary = (side) => {
    const ms = median(results[side].map((result) => result.ms));
    const rss = Math.max(...results[side].map((result) => result.rssMb));
    return { ms, rss, throughput: BYTES / 1024 / 1024 / (ms / 1000) };
  };
  const docker = summary('docker');
  const berth = summary('berth');
  console.log(`logs of a container that printed ${BYTES / 1024 / 1024} MB, ${SAMPLES} rounds (median wall, peak RSS)`);
  for (const [side, figures] of [
    ['docker logs', docker],
    ['berth logs', berth],
  ]) {
    console.log(
      `${side.padEnd(12)} ${figures.ms.toFixed(0).padStart(6)} ms  ${figures.throughput.toFixed(0).padStart(5)} MB/s  peak RSS ${figures.rss.toFixed(0)} MB`,
    );
  }
  const ratio = berth.throughput / docker.throughput;
  console.log(`ratio  berth / docker throughput = ${ratio.toFixed(2)} (goal >= 1: ${ratio >= 1 ? 'met' : 'NOT met'})`);
  console.log(`goal   berth peak RSS < ${RSS_GOAL_MB} MB: ${berth.rss < RSS_GOAL_MB ? 'met' : 'NOT met'}`);
} finally {
  execFileSync('docker', ['rm', '-f', NAME], { stdio: 'ignore' });
  rmSync(usage, { force: true });
}
