// ch.5.2.1: `docker network create [OPTIONS] NETWORK` → the body of `POST /networks/create`, as docker CLI 28
// sends it (network/create.go), with the IPAM checks of ./ipam.

import { cut, setMapEntry } from '@berth/go-syntax';
import type { NetworkCreateRequest } from '@berth/types';
import { NetworkCreateError } from './errors';
import { type IpamFlags, parseIpamConfig } from './ipam';

/** The flags of `docker network create`, each as the strings given on the command line. */
export interface NetworkCreateFlags extends IpamFlags {
  /** `-d/--driver`: bridge (the default), host, null, macvlan, ipvlan, overlay or a plugin. */
  driver?: string;
  /** `-o/--opt key=value`, repeatable: driver options. */
  opt?: readonly string[];
  /** `--label key[=value]`, repeatable. */
  label?: readonly string[];
  internal?: boolean;
  /** `--ipv6`; sent only when given, as docker does. */
  ipv6?: boolean;
  attachable?: boolean;
  ingress?: boolean;
  /** `--scope`: local, global or swarm. */
  scope?: string;
  configOnly?: boolean;
  configFrom?: string;
  /** `--ipam-driver`, `default` unless given. */
  ipamDriver?: string;
  /** `--ipam-opt key=value`, repeatable. */
  ipamOpt?: readonly string[];
}

const SCOPES = new Set(['', 'local', 'global', 'swarm']);
// The engine has exactly one network of each of these drivers (`host` and `none`).
const SINGLE_INSTANCE_DRIVERS = new Set(['host', 'null']);

function keyValueMap(values: readonly string[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values ?? []) {
    const [key, rest] = cut(value, '=');
    setMapEntry(map, key, rest);
  }
  return map;
}

/** `--label` values: the key (before `=`, leading blanks aside) must be non-empty and free of blanks. */
function labelMap(values: readonly string[] | undefined): Record<string, string> {
  for (const value of values ?? []) {
    const key = cut(value, '=')[0].replace(/^[ \t]+/, '');
    if (key === '' || /[ \t]/.test(key)) {
      throw new NetworkCreateError(
        'invalid-label',
        value,
        `invalid --label ${JSON.stringify(value)}: ${key === '' ? 'empty name' : 'the name contains blanks'}`,
      );
    }
  }
  return keyValueMap(values);
}

/** `docker network create` flags and a name → the `POST /networks/create` body. */
export function parseNetworkCreate(name: string, flags: NetworkCreateFlags = {}): NetworkCreateRequest {
  if (name === '') throw new NetworkCreateError('invalid-network-name', name, 'a network needs a name');
  const driver = flags.driver ?? 'bridge';
  if (SINGLE_INSTANCE_DRIVERS.has(driver)) {
    throw new NetworkCreateError(
      'single-instance-driver',
      driver,
      `the ${driver} driver has exactly one network (${driver === 'null' ? 'none' : driver}); no other can be created`,
    );
  }
  const scope = flags.scope ?? '';
  if (!SCOPES.has(scope)) {
    throw new NetworkCreateError('invalid-scope', scope, `--scope ${scope} is not local, global or swarm`);
  }
  const labels = labelMap(flags.label);
  const request: NetworkCreateRequest = {
    Name: name,
    // Engines before API 1.44 create a second network of the same name unless asked not to; later ones never do.
    CheckDuplicate: true,
    Driver: driver,
    Scope: scope,
    Internal: flags.internal ?? false,
    Attachable: flags.attachable ?? false,
    Ingress: flags.ingress ?? false,
    ConfigOnly: flags.configOnly ?? false,
    IPAM: {
      Driver: flags.ipamDriver ?? 'default',
      Options: keyValueMap(flags.ipamOpt),
      Config: parseIpamConfig(flags, {
        driver,
        ...(flags.ipv6 === undefined ? {} : { enableIPv6: flags.ipv6 }),
      }),
    },
    Options: keyValueMap(flags.opt),
    Labels: labels,
  };
  if (flags.ipv6 !== undefined) request.EnableIPv6 = flags.ipv6;
  if (flags.configFrom) request.ConfigFrom = { Network: flags.configFrom };
  return request;
}
