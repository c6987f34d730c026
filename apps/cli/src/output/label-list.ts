/** A listing's LABELS column: `key=value` pairs by key, comma-separated (docker sorts the keys, not the pairs). */
export function labelList(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(',');
}
