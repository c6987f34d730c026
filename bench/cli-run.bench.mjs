// `berth run --rm busybox:1.29 true` against `docker run --rm busybox:1.29 true` (goal: at most 1.15× docker's
// median wall time), the two alternating in each round; then both once more through a recording proxy (a unix
// socket in front of the engine's, passing bytes both ways so attach's hijacked stream works), to list the Engine
// requests each sends and the round trips berth makes that docker does not.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, wall } from './timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '../apps/cli/dist/bin/bin.js');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
const GOAL = 1.15;
const LABEL = 'berth.bench=cli-run';
const ARGS = ['run', '--rm', '--label', LABEL, 'busybox:1.29', 'true'];

const sides = {
  docker: () => wall('docker', ARGS),
  berth: () => wall(process.execPath, [BIN, ...ARGS]),
};
for (const run of Object.values(sides)) run(); // one unmeasured round: file and compile caches
const times = { docker: [], berth: [] };
for (let round = 0; round < SAMPLES; round++) {
  const order = round % 2 === 0 ? ['docker', 'berth'] : ['berth', 'docker'];
  for (const side of order) times[side].push(sides[side]());
}
const docker = median(times.docker);
const berth = median(times.berth);
console.log(`${SAMPLES} rounds, medians of wall time`);
console.log(`docker ${ARGS.join(' ')}  ${docker.toFixed(1).padStart(7)} ms`);
console.log(`berth  ${ARGS.join(' ')}  ${berth.toFixed(1).padStart(7)} ms`);
console.log(
  `ratio  berth / docker = ${(berth / docker).toFixed(2)} (goal <= ${GOAL}: ${berth / docker <= GOAL ? 'met' : 'NOT met'})`,
);

// The request lists, ids masked so that the two compare
const REQUEST_LINE = /^(GET|HEAD|POST|PUT|DELETE) (\S+) HTTP\/1\.1\r\n/;
const requestLines = async (command, args) => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-run-'));
  const socket = join(dir, 'engine.sock');
  const seen = [];
  const started = performance.now();
  const proxy = createServer((client) => {
    const engine = connect('/var/run/docker.sock');
    client.on('data', (chunk) => {
      const match = REQUEST_LINE.exec(chunk.toString('latin1', 0, 2048));
      if (!match) return;
      const at = `+${(performance.now() - started).toFixed(0)} ms`.padStart(9);
      seen.push({ at, line: `${match[1]} ${match[2].replace(/^\/v[\d.]+/, '').replace(/[0-9a-f]{64}/g, '<id>')}` });
    });
    client.pipe(engine).pipe(client);
    client.on('error', () => engine.destroy());
    engine.on('error', () => client.destroy());
  });
  await new Promise((resolve) => proxy.listen(socket, resolve));
  try {
    const child = spawn(command, args, { stdio: 'ignore', env: { ...process.env, DOCKER_HOST: `unix://${socket}` } });
    const status = await new Promise((resolve) => child.on('exit', resolve));
    if (status !== 0) throw new Error(`${command} ${args.join(' ')} through the proxy exited ${status}`);
    seen.push({ at: `+${(performance.now() - started).toFixed(0)} ms`.padStart(9), line: '(exit)' });
    return seen;
  } finally {
    proxy.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
const dockerRequests = await requestLines('docker', ARGS);
const berthRequests = await requestLines(process.execPath, [BIN, ...ARGS]);
const listing = (requests) => requests.map(({ at, line }) => `${at}  ${line}`).join('\n  ');
console.log(`\ndocker's requests (${dockerRequests.length - 1}), from spawn:\n  ${listing(dockerRequests)}`);
console.log(`berth's requests (${berthRequests.length - 1}), from spawn:\n  ${listing(berthRequests)}`);
const dockerLines = dockerRequests.map(({ line }) => line.replace(/\?.*/, ''));
const extra = berthRequests.map(({ line }) => line.replace(/\?.*/, '')).filter((line) => !dockerLines.includes(line));
console.log(`berth's requests docker does not send: ${extra.length === 0 ? 'none' : extra.join(', ')}`);
