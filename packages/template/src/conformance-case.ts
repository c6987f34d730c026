// How a conformance case runs here, the same way oracle/main.go runs it in Go: template named "t" (a
// `docker-format` case goes through formatRows, docker's formatter), data decoded from JSON. Go decodes JSON
// objects into maps, so the data's keys are sorted first, as Go would print them.
import { dockerFunctions } from './docker-functions';
import { formatRows } from './formatter';
import { parseTemplate } from './template';
import { compareStrings } from './values';

export interface ConformanceCase {
  readonly template: string;
  readonly data: unknown;
  readonly functions: string;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const map = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(map)
        .sort(compareStrings)
        .map((key) => [key, sortKeys(map[key])]),
    );
  }
  return value;
}

export function runCase(c: ConformanceCase): { output: string } | { error: string } {
  try {
    if (c.functions === 'docker-format') {
      const { rows, headers } = sortKeys(c.data) as { rows: unknown[]; headers: Record<string, string> };
      return { output: formatRows(c.template, rows, { headers }) };
    }
    const functions = c.functions === 'docker' ? dockerFunctions : {};
    return { output: parseTemplate(c.template, { name: 't', functions }).execute(sortKeys(c.data)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
