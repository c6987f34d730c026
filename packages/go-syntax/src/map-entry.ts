/**
 * Go's `m[key] = value` on a JavaScript record: the key is set as an own property even when it comes from the user and
 * is `__proto__`, which a plain assignment would turn into a prototype change. Returns the record.
 */
export function setMapEntry<T>(map: Record<string, T>, key: string, value: T): Record<string, T> {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  return map;
}
