// Runs every case of cases.mjs through the Go oracle and writes the expected outputs to ../src/conformance.json.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cases } from './cases.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const results = JSON.parse(
  execFileSync('go', ['run', '.'], { cwd: here, input: JSON.stringify(cases), maxBuffer: 64 * 1024 * 1024 }),
);
const table = cases.map((c, i) => ({ ...c, ...results[i] }));
writeFileSync(join(here, '..', 'src', 'conformance.json'), `${JSON.stringify(table, null, 1)}\n`);
console.log(`${table.length} cases written`);
