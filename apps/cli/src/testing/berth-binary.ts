import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliOptions, CliResult } from '@berth/testkit';

/** The built executable: engine tests run the CLI as a user does, through `node dist/bin/bin.js`. */
export const BERTH_BIN = fileURLToPath(new URL('../../dist/bin/bin.js', import.meta.url));

export class BerthBinaryMissingError extends Error {
  constructor() {
    super(`${BERTH_BIN} is missing: build the CLI first (npx turbo run build --filter=berth)`);
  }
}

/** Runs the berth executable and collects its output; never throws on a non-zero exit. */
export function berthCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  if (!existsSync(BERTH_BIN)) return Promise.reject(new BerthBinaryMissingError());
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BERTH_BIN, ...args], {
      env: { ...process.env, ...options.env },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.stdin?.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
    child.stdin?.end(options.input);
    child.on('close', (code) => {
      resolve({
        exitCode: code ?? -1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
