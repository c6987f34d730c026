import { parseNetworkConnect } from '@berth/network';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';

const ALIAS: CliFlag = {
  long: 'alias',
  kind: 'value',
  description: 'Add network-scoped alias for the container',
  type: 'strings',
};
const DRIVER_OPT: CliFlag = {
  long: 'driver-opt',
  kind: 'value',
  description: 'driver options for the network',
  type: 'strings',
};
const GW_PRIORITY: CliFlag = {
  long: 'gw-priority',
  kind: 'value',
  description: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.',
  type: 'int',
};
const IP: CliFlag = { long: 'ip', kind: 'value', description: 'IPv4 address (e.g., "172.30.100.104")', type: 'string' };
const IP6: CliFlag = { long: 'ip6', kind: 'value', description: 'IPv6 address (e.g., "2001:db8::33")', type: 'string' };
const LINK: CliFlag = { long: 'link', kind: 'value', description: 'Add link to another container', type: 'list' };
const LINK_LOCAL_IP: CliFlag = {
  long: 'link-local-ip',
  kind: 'value',
  description: 'Add a link-local address for the container',
  type: 'strings',
};

/** `berth network connect NETWORK CONTAINER` (ch.5.2.2): a running or stopped container joins one more network. */
export const command: CommandModule = {
  usage: '[OPTIONS] NETWORK CONTAINER',
  flags: [ALIAS, DRIVER_OPT, GW_PRIORITY, IP, IP6, LINK, LINK_LOCAL_IP, DRY_RUN_FLAG],
  args: { kind: 'exact', count: 2 },
  async run(context) {
    const [network = '', container = ''] = context.args;
    const engine = context.engine();
    const gwPriority = context.int(GW_PRIORITY);
    const ip = context.string(IP);
    const ip6 = context.string(IP6);
    const body = parseNetworkConnect(
      container,
      {
        alias: context.list(ALIAS),
        driverOpt: context.list(DRIVER_OPT),
        link: context.list(LINK),
        linkLocalIp: context.list(LINK_LOCAL_IP),
        ...(gwPriority === undefined ? {} : { gwPriority }),
        ...(ip === undefined ? {} : { ip }),
        ...(ip6 === undefined ? {} : { ip6 }),
      },
      { apiVersion: await engine.apiVersion() },
    );
    await engine.connectNetwork(network, body);
    return 0;
  },
};
