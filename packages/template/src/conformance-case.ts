// How a conformance case runs here, the same way oracle/main.go runs it in Go: template named "t" (a
// `docker-format` case goes through formatRows, docker's formatter), data decoded from JSON. Go decodes JSON
// objects into maps, so the data's keys are sorted first, as Go would print them; a `{"$struct": TYPE, "fields"}`
// object becomes the struct of oracle/formatter that main.go makes of it.
import { dockerFunctions } from './docker-functions';
import { formatRows } from './formatter';
import { goStruct } from './go-struct';
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

type Fields = Record<string, unknown>;

function pair(fields: Fields): Fields {
  return goStruct('formatter.Pair', { Key: fields.Key ?? '', Value: fields.Value ?? null });
}

/** oracle/formatter's types, their fields in declaration order (JSON leaves a missing one at its zero value). */
const structTypes: Readonly<Record<string, (fields: Fields) => Fields>> = {
  '*formatter.Row': (fields) => {
    const labels = (fields.Labels ?? null) as Fields | null;
    return goStruct('*formatter.Row', {
      Name: fields.Name ?? '',
      Driver: fields.Driver ?? '',
      Size: fields.Size ?? 0,
      Labels: labels,
      Inner: pair((fields.Inner ?? {}) as Fields),
      Label: (name: string) => (typeof labels?.[name] === 'string' ? labels[name] : ''),
    });
  },
  'formatter.Pair': pair,
};

function typed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(typed);
  if (value !== null && typeof value === 'object') {
    const map = value as Fields;
    const make = typeof map.$struct === 'string' ? structTypes[map.$struct] : undefined;
    if (make !== undefined) return make(map.fields as Fields);
    return Object.fromEntries(Object.entries(map).map(([key, each]) => [key, typed(each)]));
  }
  return value;
}

export function runCase(c: ConformanceCase): { output: string } | { error: string } {
  try {
    if (c.functions === 'docker-format') {
      const { rows, headers } = typed(sortKeys(c.data)) as { rows: unknown[]; headers: Record<string, string> };
      return { output: formatRows(c.template, rows, { headers }) };
    }
    const functions = c.functions === 'docker' ? dockerFunctions : {};
    return { output: parseTemplate(c.template, { name: 't', functions }).execute(typed(sortKeys(c.data))) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
