// Re-runs the conformance table through Go itself (oracle/main.go) when Go is installed or BERTH_TEMPLATE_ORACLE=1,
// so that the committed expectations cannot drift from what text/template does.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cases } from '../oracle/cases.mjs';
import table from './conformance.json' with { type: 'json' };
import { runCase } from './conformance-case';

const oracleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'oracle');
const haveGo = spawnSync('go', ['version']).status === 0;
const wanted = process.env.BERTH_TEMPLATE_ORACLE === '1' || haveGo;

type Case = { template: string; data: unknown; functions: string };
type Result = { output: string } | { error: string };

function oracle(input: readonly Case[]): Result[] {
  const output = execFileSync('go', ['run', '.'], {
    cwd: oracleDir,
    input: JSON.stringify(input),
    maxBuffer: 1 << 28,
  });
  return JSON.parse(output.toString()) as Result[];
}

// Random templates made of the pieces real ones are made of, over random JSON.
const piece = fc.constantFrom(
  ...['{{', '}}', '{{-', '-}}', ' ', '.', '.a', '.b', '.a.b', '$', '$x', '$x :=', '$y =', '|', '(', ')', '"s"'],
  ...['`r`', "'c'", '1', '-2.5', '0x1F', '3', '1e3', 'nil', 'true', 'if', 'else', 'end', 'range', 'with', 'break'],
  ...['continue', 'and', 'or', 'not', 'len', 'index', 'slice', 'print', 'println', 'eq', 'ne', 'lt', 'le', 'gt'],
  ...['printf "%v|%d|%s|%q|%x|%5.2f|%-4v|%T"', 'printf "%+d %08.3f %e %g %c %U %#x %o"', 'html', 'js', 'urlquery'],
  ...['json', 'split', 'join', 'pad', 'truncate', 'title', 'upper', 'lower', ',', 'text', '\n', '{{/* c */}}'],
  ...['{{end}}', '{{else}}', '{{range .}}', '{{range $i, $v := .}}', '{{with .a}}', '{{if .}}', '{{.}}', '{{.a}}'],
  ...['{{$}}', '{{len .}}', '{{index . 0}}', '{{index . "a"}}', '{{json .}}', '{{printf "%v" .}}', '{{print . .a}}'],
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.constantFrom(0.5, 1e21, 1e-7, 123456789, -0.25),
    fc.string(),
    fc.constantFrom('a', '<&>', 'héllo', ''),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'A', 'é'), tie('value'), { maxKeys: 4 }),
  ),
})).value;
const randomCase = fc.record({
  template: fc.array(piece, { maxLength: 25 }).map((parts) => parts.join('')),
  data: json,
  functions: fc.constantFrom('none', 'docker'),
});

// Random printf calls: every verb but %p (Go prints an address), flags, widths, precisions, indexes, odd arguments.
const spec = fc
  .tuple(
    fc.array(fc.constantFrom('#', '0', '+', '-', ' '), { maxLength: 3 }).map((flags) => flags.join('')),
    fc.oneof(
      fc.constant(''),
      fc.integer({ min: 0, max: 4 }).map((n) => `[${n}]`),
    ),
    fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 30 }).map(String), fc.constant('*')),
    fc.oneof(
      fc.constant(''),
      fc.integer({ min: 0, max: 25 }).map((n) => `.${n}`),
      fc.constantFrom('.', '.*'),
    ),
    fc.constantFrom(...'vdsqxXobeEfFgGtcUTz%'),
  )
  .map((parts) => `%${parts.join('')}`);
const printfCase = fc
  .tuple(
    fc.array(fc.oneof(spec, fc.constantFrom('x', ' ', '|')), { minLength: 1, maxLength: 4 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(
      fc.oneof(
        fc.constant('.v'),
        fc.integer({ min: -100000, max: 100000 }).map(String),
        fc.constantFrom(
          '"héllo"',
          '"a\\tb"',
          '"日本語"',
          '""',
          'true',
          'nil',
          '.missing',
          '.list',
          '.map',
          "'x'",
          '1.5',
        ),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([format, v, args]) => ({
    template: `{{printf ${JSON.stringify(format.join(''))} ${args.join(' ')}}}`,
    data: { v, list: [1, 'a', null], map: { k: 2.5 } },
    functions: 'none',
  }));

function disagreements(cases: Case[]): { case: Case; go: Result; js: Result }[] {
  // Through JSON, as the oracle receives them (-0 becomes 0).
  const input = JSON.parse(JSON.stringify(cases)) as Case[];
  const expected = oracle(input);
  return input
    .map((c, i) => ({ case: c, go: expected[i] as Result, js: runCase(c) }))
    .filter((r) => JSON.stringify(r.go) !== JSON.stringify(r.js));
}

describe.runIf(wanted)('the Go oracle', () => {
  it('lists the same cases as the committed table', () => {
    expect(cases.map((c) => [c.template, c.functions])).toEqual(table.map((c) => [c.template, c.functions]));
  });

  it('still produces every committed expectation', () => {
    const results = oracle(table.map(({ template, data, functions }) => ({ template, data, functions })));
    expect(results).toEqual(table.map((c) => ('error' in c ? { error: c.error } : { output: c.output })));
  }, 120_000);

  it('agrees with Go on 3000 random templates over random JSON', () => {
    expect(disagreements(fc.sample(randomCase, { numRuns: 3000, seed: 16 }))).toEqual([]);
  }, 120_000);

  it('agrees with Go on 3000 random printf calls', () => {
    expect(disagreements(fc.sample(printfCase, { numRuns: 3000, seed: 16 }))).toEqual([]);
  }, 120_000);
});
