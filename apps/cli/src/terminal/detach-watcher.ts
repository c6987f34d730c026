/**
 * Watches what the user types for the detach sequence (docker's escape proxy for TTY sessions): the keys of a
 * sequence being typed are held back, so the container never sees a complete one, and released when the sequence
 * breaks off.
 */
export class DetachWatcher {
  readonly #keys: readonly number[];
  #matched = 0;

  constructor(keys: readonly number[]) {
    this.#keys = keys;
  }

  /** The bytes to forward from this chunk, and whether the sequence is now complete (the rest is then dropped). */
  feed(chunk: Uint8Array): { forward: Buffer; detached: boolean } {
    const out: number[] = [];
    for (const byte of chunk) {
      if (byte === this.#keys[this.#matched]) {
        this.#matched += 1;
        if (this.#matched === this.#keys.length) return { forward: Buffer.from(out), detached: true };
        continue;
      }
      // the held keys were typing after all; this byte may begin the sequence again
      out.push(...this.#keys.slice(0, this.#matched));
      this.#matched = byte === this.#keys[0] ? 1 : 0;
      if (this.#matched === 0) out.push(byte);
    }
    return { forward: Buffer.from(out), detached: false };
  }
}
