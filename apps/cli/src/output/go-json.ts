// The daemon's JSON is written by Go's encoder, which escapes HTML's special characters and the line and paragraph
// separators; docker prints that text re-indented, so berth writes the same escapes after JSON.stringify.
const GO_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function goEscaped(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (character) => GO_ESCAPES[character] ?? character);
}

/** Go's `json.Marshal` of a value decoded from the daemon's JSON: compact, keys in the daemon's order. */
export function goJson(value: unknown): string {
  return goEscaped(JSON.stringify(value));
}

/**
 * What `docker inspect` prints for the objects it found: their JSON in an array, indented by four spaces as
 * `json.Indent` does, or `[]` when there are none.
 */
export function indentedJsonList(values: readonly unknown[]): string {
  return values.length === 0 ? '[]' : goEscaped(JSON.stringify(values, null, 4));
}

/**
 * Whole numbers as Go's int (a bigint for @berth/template): a decoded document's numbers then print as docker
 * prints its typed fields (`67108864`, not float64's `6.7108864e+07`).
 */
export function withIntegers(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(withIntegers);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, withIntegers(each)]));
  }
  return value;
}
