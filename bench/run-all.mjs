// Runs every `*.bench.mjs` beside this file in turn, each in its own process so start-up costs stay separate.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const scripts = readdirSync(here)
  .filter((file) => file.endsWith('.bench.mjs') && (!only || file.includes(only)))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n## ${script}`);
  const { status } = spawnSync(process.execPath, [script], { cwd: here, stdio: 'inherit' });
  if (status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
