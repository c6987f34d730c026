// The start-up cost of `import('@berth/engine')` against a bare `import('dockerode')` (which loads ssh2 and the gRPC
// stack of BuildKit at import), and of both together: what a tool that already holds a dockerode client pays for
// `createEngine({ dockerode })`. Each sample is a fresh `node` process timing its own dynamic imports, cold; the three
// alternate so a busy machine slows all alike. Goal: berth's median at most 40 ms, far below dockerode's.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLES = 25;

// Resolved here, so each child imports exactly the file this workspace resolves (the built ESM entry for berth).
const berthUrl = import.meta.resolve('@berth/engine');
const dockerodeUrl = import.meta.resolve('dockerode');
const targets = {
  '@berth/engine': [berthUrl],
  dockerode: [dockerodeUrl],
  'dockerode+berth': [dockerodeUrl, berthUrl],
};

// Times the imports inside a fresh process, and reports whether ssh2 or gRPC came along with them.
function sample(urls) {
  const script = `
    const start = performance.now();
    for (const url of ${JSON.stringify(urls)}) await import(url);
    const ms = performance.now() - start;
    const { createRequire } = await import('node:module');
    const cache = Object.keys(createRequire(import.meta.url).cache);
    const heavy = ['ssh2', '@grpc'].filter((name) => cache.some((path) => path.includes('/node_modules/' + name + '/')));
    console.log(JSON.stringify({ ms, heavy }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sample of ${urls.join(' + ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const names = Object.keys(targets);
const times = Object.fromEntries(names.map((name) => [name, []]));
const loaded = Object.fromEntries(names.map((name) => [name, new Set()]));
for (let round = 0; round < SAMPLES; round++) {
  // rotate which one goes first, so none always runs on a warmer file cache
  const order = names.map((_, index) => names[(index + round) % names.length]);
  for (const name of order) {
    const { ms, heavy } = sample(targets[name]);
    times[name].push(ms);
    for (const module of heavy) loaded[name].add(module);
  }
}

const berth = median(times['@berth/engine']);
const dockerode = median(times.dockerode);
const both = median(times['dockerode+berth']);
const show = (name, ms) =>
  `${name.padEnd(15)} median ${ms.toFixed(1).padStart(6)} ms  (min ${Math.min(...times[name]).toFixed(1)}, max ${Math.max(...times[name]).toFixed(1)}, ${SAMPLES} cold processes)  loads: ${[...loaded[name]].join(', ') || 'neither ssh2 nor gRPC'}`;
console.log(show('@berth/engine', berth));
console.log(show('dockerode', dockerode));
console.log(show('dockerode+berth', both));
console.log(
  `ratio          berth / dockerode = ${(berth / dockerode).toFixed(2)} (${(dockerode / berth).toFixed(1)}x faster)`,
);
console.log(`over dockerode berth adds ${(both - dockerode).toFixed(1)} ms to a tool that already imports dockerode`);
console.log(`goal           berth median <= 40 ms: ${berth <= 40 ? 'met' : 'NOT met'}`);
