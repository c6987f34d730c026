import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { ADVERTISE_ADDR, LISTEN_ADDR } from '../swarm/address-flags';

const TOKEN: CliFlag = { long: 'token', kind: 'value', type: 'string', description: 'Token for entry into the swarm' };

/** `berth swarm join --token T HOST:PORT`: this engine joins the swarm that manager runs. */
export const command: CommandModule = {
  usage: '[OPTIONS] HOST:PORT',
  flags: [ADVERTISE_ADDR, LISTEN_ADDR, TOKEN, DRY_RUN_FLAG],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const engine = context.engine();
    await engine.request({
      method: 'POST',
      path: '/swarm/join',
      body: {
        ListenAddr: context.string(LISTEN_ADDR) ?? '0.0.0.0:2377',
        AdvertiseAddr: context.string(ADVERTISE_ADDR) ?? '',
        RemoteAddrs: [context.args[0]],
        JoinToken: context.string(TOKEN) ?? '',
      },
    });
    if (context.dryRun) return 0;
    const info = await engine.request<{ Swarm: { ControlAvailable?: boolean } }>({ method: 'GET', path: '/info' });
    context.io.stdout.write(`This node joined a swarm as a ${info.Swarm.ControlAvailable ? 'manager' : 'worker'}.\n`);
    return 0;
  },
};
