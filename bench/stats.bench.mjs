// `berth stats --no-stream` over 20 running containers against `docker stats --no-stream` (goal: berth's wall at
// most docker's). Both sample every container at once; a sample needs two of the engine's readings, a second
// apart, so the engine's clock dominates. The commands alternate within each round so load slows them alike. The
// containers are made here, labelled, and removed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '../apps/cli/dist/bin/bin.js');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 9);
const COUNT = Number(process.env.BENCH_CONTAINERS ?? 20);
const LABEL = 'berth.bench=stats';
const names = Array.from({ length: COUNT }, (_, index) => `berth-bench-stats-${process.pid}-${index}`);

function wall(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const rows = result.stdout.trim().split('\n').length - 1;
  if (rows !== COUNT) throw new Error(`${command} printed ${rows} rows for ${COUNT} containers`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

if (!existsSync(BIN)) throw new Error(`build berth first: ${BIN} is missing`);
for (const name of names) {
  execFileSync('docker', ['run', '-d', '--label', LABEL, '--name', name, 'busybox:1.29', 'sleep', '600'], {
    stdio: 'ignore',
  });
}
try {
  const lines = [
    { name: 'docker stats --no-stream', command: 'docker', args: ['stats', '--no-stream', ...names] },
    { name: 'berth stats --no-stream', command: process.execPath, args: [BIN, 'stats', '--no-stream', ...names] },
  ];
  const times = new Map(lines.map((line) => [line.name, []]));
  for (let round = 0; round < SAMPLES; round++) {
    for (const line of round % 2 ? [...lines].reverse() : lines)
      times.get(line.name).push(wall(line.command, line.args));
  }
  const [docker, berth] = lines.map((line) => median(times.get(line.name)));
  for (const line of lines) {
    const values = times.get(line.name);
    console.log(
      `${line.name.padEnd(26)} median ${median(values).toFixed(0)} ms  (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}) over ${COUNT} containers`,
    );
  }
  console.log(`berth / docker: ${(berth / docker).toFixed(2)} (goal ≤ 1.00) ${berth <= docker ? 'ok' : 'MISSED'}`);
} finally {
  execFileSync('docker', ['rm', '-f', ...names], { stdio: 'ignore' });
}
