// The start-up cost of `import('@berth/engine')` against a bare `import('dockerode')` (which loads ssh2 and the gRPC
// stack of BuildKit at import). Each sample is a fresh `node` process timing its own dynamic import, cold; the two
// alternate so a busy machine slows both alike. Goal: berth's median at most 40 ms, far below dockerode's.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLES = 25;

// Resolved here, so each child imports exactly the file this workspace resolves (the built ESM entry for berth).
const targets = {
  '@berth/engine': import.meta.resolve('@berth/engine'),
  dockerode: import.meta.resolve('dockerode'),
};

// Times the import inside a fresh process, and reports whether ssh2 or gRPC came along with it.
function sample(url) {
  const script = `
    const start = performance.now();
    await import(${JSON.stringify(url)});
    const ms = performance.now() - start;
    const { createRequire } = await import('node:module');
    const cache = Object.keys(createRequire(import.meta.url).cache);
    const heavy = ['ssh2', '@grpc'].filter((name) => cache.some((path) => path.includes('/node_modules/' + name + '/')));
    console.log(JSON.stringify({ ms, heavy }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sample of ${url} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const times = { '@berth/engine': [], dockerode: [] };
const loaded = { '@berth/engine': new Set(), dockerode: new Set() };
for (let round = 0; round < SAMPLES; round++) {
  // alternate which one goes first, so neither always runs on a warmer file cache
  const order = round % 2 === 0 ? ['@berth/engine', 'dockerode'] : ['dockerode', '@berth/engine'];
  for (const name of order) {
    const { ms, heavy } = sample(targets[name]);
    times[name].push(ms);
    for (const module of heavy) loaded[name].add(module);
  }
}

const berth = median(times['@berth/engine']);
const dockerode = median(times.dockerode);
const show = (name, ms) =>
  `${name.padEnd(14)} median ${ms.toFixed(1).padStart(6)} ms  (min ${Math.min(...times[name]).toFixed(1)}, max ${Math.max(...times[name]).toFixed(1)}, ${SAMPLES} cold processes)  loads: ${[...loaded[name]].join(', ') || 'neither ssh2 nor gRPC'}`;
console.log(show('@berth/engine', berth));
console.log(show('dockerode', dockerode));
console.log(
  `ratio          berth / dockerode = ${(berth / dockerode).toFixed(2)} (${(dockerode / berth).toFixed(1)}x faster)`,
);
console.log(`goal           berth median <= 40 ms: ${berth <= 40 ? 'met' : 'NOT met'}`);
