import { PassThrough } from 'node:stream';
import { main } from './main';

export interface CapturedRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** `main(argv)` with its output collected instead of written: how the CLI's tests run a command line. */
export async function runCaptured(argv: readonly string[]): Promise<CapturedRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const exitCode = await main(argv, { stdout, stderr });
  return { exitCode, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}
