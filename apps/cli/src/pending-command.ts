import type { CommandModule } from './command';
import { CliError } from './errors';

/** A command named in the registry whose file is still being written: it refuses, and says so. */
export function pendingCommand(name: string): CommandModule {
  return {
    usage: '',
    flags: [],
    args: { kind: 'range', min: 0, max: Number.MAX_SAFE_INTEGER },
    async run() {
      throw new CliError('not-implemented', name, `berth ${name}: not implemented yet`);
    },
  };
}
