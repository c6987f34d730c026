import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';

const FORCE: CliFlag = {
  long: 'force',
  short: 'f',
  kind: 'bool',
  description: 'Force the container to disconnect from a network',
};

/** `berth network disconnect NETWORK CONTAINER`: the container leaves the network; prints nothing. */
export const command: CommandModule = {
  usage: '[OPTIONS] NETWORK CONTAINER',
  flags: [FORCE, DRY_RUN_FLAG],
  args: { kind: 'exact', count: 2 },
  async run(context) {
    const [network = '', container = ''] = context.args;
    await context.engine().disconnectNetwork(network, { Container: container, Force: context.bool(FORCE) });
    return 0;
  },
};
