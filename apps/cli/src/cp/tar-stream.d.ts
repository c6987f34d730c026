// The part of tar-stream (v2, untyped) that cp's extraction uses.
declare module 'tar-stream' {
  import type { Readable, Writable } from 'node:stream';

  export interface EntryHeader {
    name: string;
    type: string;
    mode?: number;
    mtime?: Date;
    linkname?: string | null | undefined;
  }

  export interface Extract extends Writable {
    on(
      event: 'entry',
      listener: (header: EntryHeader, stream: Readable, next: (error?: unknown) => void) => void,
    ): this;
    on(event: 'finish' | 'close', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
  }

  export function extract(): Extract;
}
