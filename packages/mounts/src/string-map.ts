/** Sets `key` as an own property, so that keys such as `__proto__` are data like any other. */
export function setEntry(map: Record<string, string>, key: string, value: string): Record<string, string> {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  return map;
}

/** `key=value` → [key, value]; a bare `key` has the empty value. */
export function splitKeyValue(entry: string): [string, string] {
  const equals = entry.indexOf('=');
  return equals < 0 ? [entry, ''] : [entry.slice(0, equals), entry.slice(equals + 1)];
}
