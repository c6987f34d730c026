// Every case of conformance.json against the output Go's text/template produced for it (oracle/regenerate.mjs).
import { describe, expect, it } from 'vitest';
import table from './conformance.json' with { type: 'json' };
import { runCase } from './conformance-case';

describe('conformance with Go 1.19 text/template', () => {
  it.each(table.map((c, i) => [i, c.template, c] as const))('#%i %s', (_i, _template, c) => {
    expect(runCase(c)).toEqual('error' in c ? { error: c.error } : { output: c.output });
  });
});
