import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { CliError } from './errors';

/**
 * `--cidfile`: made before the container (ch. 2.3.1: two containers never share one file), filled with the id once
 * the container exists, and removed again when creating it fails.
 */
export class CidFile {
  readonly #path: string;
  readonly #fd: number;

  private constructor(path: string, fd: number) {
    this.#path = path;
    this.#fd = fd;
  }

  static create(path: string): CidFile {
    try {
      return new CidFile(path, openSync(path, 'wx'));
    } catch (cause) {
      const exists = (cause as NodeJS.ErrnoException).code === 'EEXIST';
      const message = exists
        ? `container ID file found, make sure the other container isn't running or delete ${path}`
        : `failed to create the container ID file: ${String(cause)}`;
      throw new CliError('cidfile', path, message, { cause });
    }
  }

  write(id: string): void {
    writeSync(this.#fd, id);
    closeSync(this.#fd);
  }

  discard(): void {
    closeSync(this.#fd);
    unlinkSync(this.#path);
  }
}
