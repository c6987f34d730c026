// The part of tar-fs (v2, untyped) that cp's upload uses.
declare module 'tar-fs' {
  import type { Readable } from 'node:stream';

  export interface PackHeader {
    name: string;
    [field: string]: unknown;
  }

  export function pack(
    cwd: string,
    options?: { entries?: string[]; umask?: number; map?: (header: PackHeader) => PackHeader },
  ): Readable;
}
