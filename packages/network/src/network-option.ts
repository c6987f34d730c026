// ch.5.2: `--network`, either a name (`bridge`, `host`, `none`, `container:<name|id>`, a user network) or docker
// CLI 28's advanced form `name=…,alias=…,ip=…,ip6=…,mac-address=…,link-local-ip=…,driver-opt=k=v,gw-priority=n`
// (opts/network.go).
import { cut, parseGoDecimalInt, readCsvRecord, setMapEntry, toLower, trimSpace } from '@berth/go-syntax';
import { ContainerNetworkError } from './errors';

/** One `--network` value: the network to attach to and the endpoint options given with it. */
export interface NetworkAttachment {
  /** A network name or id, or a mode: `default`, `bridge`, `host`, `none`, `container:<name|id>`. */
  target: string;
  aliases: string[];
  driverOpts: Record<string, string>;
  ipv4Address: string;
  ipv6Address: string;
  linkLocalIps: string[];
  macAddress: string;
  gwPriority: number;
}

// docker switches to the advanced form when any `word=word` appears in the value.
const ADVANCED_FORM = /\w+=\w+/;

/** A bare network name or id → an attachment with no options. */
export function networkAttachment(target: string): NetworkAttachment {
  return {
    target,
    aliases: [],
    driverOpts: {},
    ipv4Address: '',
    ipv6Address: '',
    linkLocalIps: [],
    macAddress: '',
    gwPriority: 0,
  };
}

/** One `--network` value → its attachment. Docker lowercases the whole advanced form, values included. */
export function parseNetworkOption(value: string): NetworkAttachment {
  if (!ADVANCED_FORM.test(value)) return networkAttachment(value);
  const fail = (rule: string): never => {
    throw new ContainerNetworkError(
      'invalid-network-option',
      value,
      `invalid --network ${JSON.stringify(value)}: ${rule}`,
    );
  };
  const record = readCsvRecord(value);
  const fields = Array.isArray(record) ? record : fail(record.message);
  const attachment = networkAttachment('');
  for (const field of fields) {
    const [rawKey, rawValue, found] = cut(toLower(field), '=');
    if (!found || rawKey === '') fail(`field ${JSON.stringify(field)} is not key=value`);
    const key = trimSpace(rawKey);
    const option = trimSpace(rawValue);
    switch (key) {
      case 'name':
        attachment.target = option;
        break;
      case 'alias':
        attachment.aliases.push(option);
        break;
      case 'ip':
        attachment.ipv4Address = option;
        break;
      case 'ip6':
        attachment.ipv6Address = option;
        break;
      case 'mac-address':
        attachment.macAddress = option;
        break;
      case 'link-local-ip':
        attachment.linkLocalIps.push(option);
        break;
      case 'driver-opt': {
        const [optKey, optValue, hasValue] = cut(option, '=');
        if (!hasValue || optKey === '') fail(`driver-opt ${JSON.stringify(option)} is not key=value`);
        setMapEntry(attachment.driverOpts, trimSpace(optKey), trimSpace(optValue));
        break;
      }
      case 'gw-priority': {
        const priority = parseGoDecimalInt(option);
        if (!priority.ok) {
          return fail(
            priority.reason === 'syntax'
              ? `gw-priority ${JSON.stringify(option)} is not an integer`
              : `gw-priority ${option} is out of range`,
          );
        }
        attachment.gwPriority = Number(priority.value);
        break;
      }
      default:
        fail(`unknown key ${JSON.stringify(key)}`);
    }
  }
  if (attachment.target === '') {
    throw new ContainerNetworkError(
      'missing-network-name',
      value,
      `invalid --network ${JSON.stringify(value)}: no name=<network name or id>`,
    );
  }
  return attachment;
}
