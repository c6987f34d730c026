// The part of tar-fs (v2, untyped) that packing a build context uses.
declare module 'tar-fs' {
  import type { Readable } from 'node:stream';

  export interface PackHeader {
    name: string;
    type: string;
    mode: number;
    uid: number;
    gid: number;
    [field: string]: unknown;
  }

  export interface PackOptions {
    /** Only these paths (relative to the directory), in this order. */
    entries?: string[];
    /** Called with absolute paths while walking a directory entry; true leaves the path out. */
    ignore?: (name: string) => boolean;
    map?: (header: PackHeader) => PackHeader;
    umask?: number;
    /** false: `finish` adds entries of its own, then finalizes the archive. */
    finalize?: boolean;
    finish?: (pack: TarPack) => void;
  }

  /** tar-stream's packer, as tar-fs hands it to `finish`. */
  export interface TarPack {
    entry(header: { name: string; mode: number; uid: number; gid: number; mtime: Date }, content: Buffer): unknown;
    finalize(): void;
  }

  export function pack(cwd: string, options?: PackOptions): Readable;
}
