import { NetworkCreateError, parseNetworkCreate } from '@berth/network';
import { compareApiVersions, type NetworkCreateRequest } from '@berth/types';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { UsageError } from '../errors';

const flag = (long: string, description: string, type?: string, extra: Partial<CliFlag> = {}): CliFlag => ({
  long,
  kind: type === undefined ? 'bool' : 'value',
  description,
  ...(type === undefined ? {} : { type }),
  ...extra,
});

const ATTACHABLE = flag('attachable', 'Enable manual container attachment');
const AUX_ADDRESS = flag('aux-address', 'Auxiliary IPv4 or IPv6 addresses used by Network driver', 'map', {
  default: 'map[]',
});
const CONFIG_FROM = flag('config-from', 'The network from which to copy the configuration', 'string');
const CONFIG_ONLY = flag('config-only', 'Create a configuration only network');
const DRIVER = flag('driver', 'Driver to manage the Network', 'string', { short: 'd', default: '"bridge"' });
const GATEWAY = flag('gateway', 'IPv4 or IPv6 Gateway for the master subnet', 'strings');
const INGRESS = flag('ingress', 'Create swarm routing-mesh network');
const INTERNAL = flag('internal', 'Restrict external access to the network');
const IP_RANGE = flag('ip-range', 'Allocate container ip from a sub-range', 'strings');
const IPAM_DRIVER = flag('ipam-driver', 'IP Address Management Driver', 'string', { default: '"default"' });
const IPAM_OPT = flag('ipam-opt', 'Set IPAM driver specific options', 'map', { default: 'map[]' });
const IPV4 = flag('ipv4', 'Enable or disable IPv4 address assignment', undefined, { default: 'true' });
const IPV6 = flag('ipv6', 'Enable or disable IPv6 address assignment');
const LABEL = flag('label', 'Set metadata on a network', 'list');
const OPT = flag('opt', 'Set driver specific options', 'map', { short: 'o', default: 'map[]' });
const SCOPE = flag('scope', "Control the network's scope", 'string');
const SUBNET = flag('subnet', 'Subnet in CIDR format that represents a network segment', 'strings');

/**
 * `berth network create NETWORK` (ch.5.2.1): the request @berth/network builds from the flags; prints the new
 * network's id.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] NETWORK',
  flags: [
    ATTACHABLE,
    AUX_ADDRESS,
    CONFIG_FROM,
    CONFIG_ONLY,
    DRIVER,
    GATEWAY,
    INGRESS,
    INTERNAL,
    IP_RANGE,
    IPAM_DRIVER,
    IPAM_OPT,
    IPV4,
    IPV6,
    LABEL,
    OPT,
    SCOPE,
    SUBNET,
    DRY_RUN_FLAG,
  ],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const optional = (cliFlag: CliFlag) => context.string(cliFlag);
    let body: NetworkCreateRequest;
    try {
      body = parseNetworkCreate(context.args[0] ?? '', {
        ...(context.given(DRIVER) ? { driver: optional(DRIVER) ?? '' } : {}),
        ...(context.given(SCOPE) ? { scope: optional(SCOPE) ?? '' } : {}),
        ...(context.given(IPAM_DRIVER) ? { ipamDriver: optional(IPAM_DRIVER) ?? '' } : {}),
        ...(context.given(CONFIG_FROM) ? { configFrom: optional(CONFIG_FROM) ?? '' } : {}),
        ...(context.given(IPV6) ? { ipv6: context.bool(IPV6) } : {}),
        opt: context.list(OPT),
        label: context.list(LABEL),
        internal: context.bool(INTERNAL),
        attachable: context.bool(ATTACHABLE),
        ingress: context.bool(INGRESS),
        configOnly: context.bool(CONFIG_ONLY),
        ipamOpt: context.list(IPAM_OPT),
        subnet: context.list(SUBNET),
        ipRange: context.list(IP_RANGE),
        gateway: context.list(GATEWAY),
        auxAddress: context.list(AUX_ADDRESS),
      });
    } catch (error) {
      // a bad label is pflag's refusal of the flag's value in docker, with the usage after it
      if (error instanceof NetworkCreateError && error.code === 'invalid-label') {
        const message = `invalid argument "${error.input}" for "--label" flag: ${error.message}`;
        throw new UsageError(error.code, error.input, message, 125);
      }
      throw error;
    }
    const engine = context.engine();
    // EnableIPv4 is API 1.47's: an older engine has IPv4 on every network and is not sent the field
    const ipv4 = context.given(IPV4) && compareApiVersions(await engine.apiVersion(), '1.47') >= 0;
    const request: NetworkCreateRequest & { EnableIPv4?: boolean } = ipv4
      ? { ...body, EnableIPv4: context.bool(IPV4) }
      : body;
    const created = await engine.createNetwork(request);
    if (!context.dryRun) context.io.stdout.write(`${created.Id}\n`);
    return 0;
  },
};
