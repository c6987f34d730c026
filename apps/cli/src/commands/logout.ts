import { credentialKey, DOCKER_HUB_KEY } from '@berth/credentials';
import type { CommandModule } from '../command';
import { openCredentialStore } from '../credential-store';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';

/** `berth logout`: the server's credentials forgotten, from its credential helper and from config.json. */
export const command: CommandModule = {
  usage: '[SERVER]',
  flags: [DRY_RUN_FLAG],
  args: { kind: 'max', count: 1 },
  async run(context) {
    const key = credentialKey(context.args[0] ?? DOCKER_HUB_KEY);
    context.io.stdout.write(`Removing login credentials for ${key}\n`);
    // no engine request to print: a dry run leaves config.json and the helpers as they are
    if (context.dryRun) return 0;
    const store = await openCredentialStore(context);
    try {
      await store.erase(key);
    } catch (error) {
      // docker goes on when a helper cannot erase, and says so
      context.io.stdout.write(`WARNING: could not erase credentials: ${(error as Error).message}\n`);
    }
    return 0;
  },
};
