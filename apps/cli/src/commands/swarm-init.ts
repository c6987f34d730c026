import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { ADVERTISE_ADDR, LISTEN_ADDR } from '../swarm/address-flags';

const DEFAULT_ADDR_POOL: CliFlag = {
  long: 'default-addr-pool',
  kind: 'value',
  type: 'ipNetSlice',
  description: 'default address pool in CIDR format',
  default: '[]',
};

/** `berth swarm init`: this engine becomes a single-node swarm's manager; prints how others join, as docker does. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [ADVERTISE_ADDR, DEFAULT_ADDR_POOL, LISTEN_ADDR, DRY_RUN_FLAG],
  args: { kind: 'none' },
  async run(context) {
    const engine = context.engine();
    const nodeId = await engine.request<string>({
      method: 'POST',
      path: '/swarm/init',
      body: {
        ListenAddr: context.string(LISTEN_ADDR) ?? '0.0.0.0:2377',
        AdvertiseAddr: context.string(ADVERTISE_ADDR) ?? '',
        DefaultAddrPool: context.list(DEFAULT_ADDR_POOL),
        SubnetSize: 24,
        Spec: {},
      },
    });
    if (context.dryRun) return 0;
    const swarm = await engine.request<{ JoinTokens: { Worker: string } }>({ method: 'GET', path: '/swarm' });
    const info = await engine.request<{ Swarm: { RemoteManagers?: { Addr: string }[] } }>({
      method: 'GET',
      path: '/info',
    });
    const manager = info.Swarm.RemoteManagers?.[0]?.Addr ?? '';
    context.io.stdout.write(
      `Swarm initialized: current node (${nodeId}) is now a manager.\n\n` +
        'To add a worker to this swarm, run the following command:\n\n' +
        `    berth swarm join --token ${swarm.JoinTokens.Worker} ${manager}\n\n` +
        "To add a manager to this swarm, run 'berth swarm join-token manager' and follow the instructions.\n\n",
    );
    return 0;
  },
};
