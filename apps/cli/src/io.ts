import type { Readable, Writable } from 'node:stream';

/** A stream that may be a terminal, as `process.stdout` is. */
export type TerminalWritable = Writable & { isTTY?: boolean; columns?: number; rows?: number };
export type TerminalReadable = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** Where a command reads and writes: the process's streams in the executable, buffers in tests. */
export interface CommandIo {
  stdout: TerminalWritable;
  stderr: TerminalWritable;
  /** Absent when the command has no input (tests that give none). */
  stdin?: TerminalReadable;
  /** The environment the command sees; `process.env` when absent. */
  env?: Record<string, string | undefined>;
}
