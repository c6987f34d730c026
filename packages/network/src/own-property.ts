/**
 * Sets `record[key]` as an own property even when the key comes from the user and is `__proto__`, which a plain
 * assignment would turn into a prototype change.
 */
export function setOwnProperty<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
