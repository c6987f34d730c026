/** Sets `key` as an own property, so that keys such as `__proto__` are data like any other. */
export function setEntry(map: Record<string, string>, key: string, value: string): Record<string, string> {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  return map;
}
