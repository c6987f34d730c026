// Re-runs the conformance table through Go itself (oracle/main.go) when Go is installed or BERTH_TEMPLATE_ORACLE=1,
// so that the committed expectations cannot drift from what text/template does.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cases } from '../oracle/cases.mjs';
import table from './conformance.json' with { type: 'json' };

const oracleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'oracle');
const haveGo = spawnSync('go', ['version']).status === 0;
const wanted = process.env.BERTH_TEMPLATE_ORACLE === '1' || haveGo;

describe.runIf(wanted)('the Go oracle', () => {
  it('lists the same cases as the committed table', () => {
    expect(cases.map((c) => [c.template, c.functions])).toEqual(table.map((c) => [c.template, c.functions]));
  });

  it('still produces every committed expectation', () => {
    const input = table.map(({ template, data, functions }) => ({ template, data, functions }));
    const output = execFileSync('go', ['run', '.'], { cwd: oracleDir, input: JSON.stringify(input) });
    const results = JSON.parse(output.toString()) as ({ output: string } | { error: string })[];
    expect(results).toEqual(table.map((c) => ('error' in c ? { error: c.error } : { output: c.output })));
  }, 120_000);
});
