import type { NetworkInspect } from '@berth/engine';
import { goStruct } from '@berth/template';
import { shortId } from './ids';
import { labelList } from './label-list';

/** The column names of `docker network ls`'s fields (docker's networkContext headers). */
export const NETWORK_HEADERS: Readonly<Record<string, string>> = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

export const NETWORK_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
/** `--format raw`: docker's network block. */
export const NETWORK_RAW = 'network_id: {{.ID}}\nname: {{.Name}}\ndriver: {{.Driver}}\nscope: {{.Scope}}\n';

/** What a `network ls` template sees of a network, in its JSON's (sorted) key order. */
export interface NetworkRow {
  readonly CreatedAt: string;
  readonly Driver: string;
  readonly ID: string;
  readonly IPv4: string;
  readonly IPv6: string;
  readonly Internal: string;
  readonly Labels: string;
  readonly Name: string;
  readonly Scope: string;
  /** `{{.Label "name"}}`: left out of `{{json .}}` as Go leaves out methods with arguments. */
  readonly Label: (name: string) => string;
}

/** Go's `time.Time.String()` of the engine's RFC 3339 UTC time: `2026-12-02 14:52:16.564037595 +0000 UTC`. */
export function goUtcTimeString(rfc3339: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(rfc3339);
  if (!match) return rfc3339;
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  return `${match[1]} ${match[2]}${fraction === '' ? '' : `.${fraction}`} +0000 UTC`;
}

/** One network as `docker network ls` shows it: 12-digit id unless `truncate` is false. */
export function networkRow(network: NetworkInspect, truncate: boolean): NetworkRow {
  const labels = network.Labels ?? {};
  const enableIpv4 = (network as NetworkInspect & { EnableIPv4?: boolean }).EnableIPv4;
  // docker's row is a struct of its network package: a field it lacks fails the template
  return goStruct('*network.networkContext', {
    CreatedAt: goUtcTimeString(network.Created),
    Driver: network.Driver,
    ID: truncate ? shortId(network.Id) : network.Id,
    IPv4: String(enableIpv4 ?? false),
    IPv6: String(network.EnableIPv6),
    Internal: String(network.Internal),
    Labels: labelList(labels),
    Name: network.Name,
    Scope: network.Scope,
    Label: (name: string) => labels[name] ?? '',
  });
}
