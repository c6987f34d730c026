import type { Writable } from 'node:stream';

/** Where a command writes: the process's streams in the executable, buffers in tests. */
export interface CommandIo {
  stdout: Writable;
  stderr: Writable;
}
