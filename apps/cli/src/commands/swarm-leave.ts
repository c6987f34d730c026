import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';

const FORCE: CliFlag = {
  long: 'force',
  short: 'f',
  kind: 'bool',
  description: 'Force this node to leave the swarm, ignoring warnings',
};

/** `berth swarm leave`: this engine leaves its swarm (`-f` for the last manager). */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [FORCE, DRY_RUN_FLAG],
  args: { kind: 'none' },
  async run(context) {
    await context.engine().request({ method: 'POST', path: '/swarm/leave', query: { force: context.bool(FORCE) } });
    if (!context.dryRun) context.io.stdout.write('Node left the swarm.\n');
    return 0;
  },
};
