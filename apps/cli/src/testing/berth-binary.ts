import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CliOptions, type CliResult, runProgram } from '@berth/testkit';

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
  return runProgram(process.execPath, [BERTH_BIN, ...args], options);
}
