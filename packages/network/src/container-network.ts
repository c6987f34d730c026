// ch.5: a container's network settings — `--network` (with `--network-alias`, `--ip`, `--ip6`, `--link-local-ip`,
// `--mac-address`), `-p`/`-P`/`--expose`, legacy `--link`, `--hostname`, `--domainname`, `--dns`, `--dns-search`,
// `--dns-option` and `--add-host` — turned into the Config/HostConfig/NetworkingConfig fields docker CLI 28 sends
// (cli/command/container/opts.go parse and parseNetworkOpts), refusing what the CLI or the engine refuses.

import { setMapEntry, trimSpace } from '@berth/go-syntax';
import {
  type ContainerConfig,
  compareApiVersions,
  type EndpointIPAMConfig,
  type EndpointSettings,
  gatedFieldSince,
  type HostConfig,
} from '@berth/types';
import { parseDnsSearch, parseDnsServer } from './dns';
import { ContainerNetworkError, type ContainerNetworkErrorCode } from './errors';
import { parseExpose } from './expose';
import { parseExtraHost } from './extra-host';
import { ipv4Bytes, parseIp } from './ip';
import { parseLink } from './link';
import { isMacAddress } from './mac-address';
import { isUserDefinedNetwork, networkContainer, networkModeKind } from './network-mode';
import { type NetworkAttachment, networkAttachment, parseNetworkOption } from './network-option';
import { parsePublishSpecs } from './publish';

/** The network flags of `docker run`/`docker create`, each as the strings given on the command line. */
export interface ContainerNetworkFlags {
  /** `-p/--publish`, repeatable. */
  publish?: readonly string[];
  /** `-P/--publish-all`. */
  publishAll?: boolean;
  /** `--expose`, repeatable. */
  expose?: readonly string[];
  /** `--network` (or `--net`), repeatable; the first one is the network mode. */
  network?: readonly string[];
  /** `--network-alias`, repeatable. */
  networkAlias?: readonly string[];
  /** `--ip`. */
  ip?: string;
  /** `--ip6`. */
  ip6?: string;
  /** `--link-local-ip`, repeatable. */
  linkLocalIp?: readonly string[];
  /** `--mac-address`. */
  macAddress?: string;
  /** `--link name[:alias]`, repeatable. */
  link?: readonly string[];
  /** `-h/--hostname`. */
  hostname?: string;
  /** `--domainname`. */
  domainname?: string;
  /** `--dns`, repeatable. */
  dns?: readonly string[];
  /** `--dns-search`, repeatable. */
  dnsSearch?: readonly string[];
  /** `--dns-option` (or `--dns-opt`), repeatable. */
  dnsOption?: readonly string[];
  /** `--add-host`, repeatable. */
  addHost?: readonly string[];
}

export interface ContainerNetworkOptions {
  /**
   * The engine's API version. Below 1.44 a container joins one network at create time and an endpoint takes no MAC
   * address; below 1.48 it takes no gateway priority. Omitted: no version limits.
   */
  apiVersion?: string;
}

/** The part of `POST /containers/create` the network flags decide, as docker sends it. */
export interface ContainerNetworkRequest extends Pick<ContainerConfig, 'ExposedPorts' | 'MacAddress'> {
  Hostname: string;
  Domainname: string;
  HostConfig: Required<
    Pick<HostConfig, 'NetworkMode' | 'PortBindings' | 'PublishAllPorts' | 'Dns' | 'DnsSearch' | 'DnsOptions'>
  > &
    Pick<HostConfig, 'ExtraHosts' | 'Links'>;
  NetworkingConfig: { EndpointsConfig: Record<string, EndpointSettings> };
}

function fail(code: ContainerNetworkErrorCode, input: string, message: string): never {
  throw new ContainerNetworkError(code, input, message);
}

/** The container-wide flags land on the first network, unless that network already sets the same thing. */
function applyContainerFlags(attachment: NetworkAttachment, flags: ContainerNetworkFlags): NetworkAttachment {
  const conflict = (flag: string, value: string, what: string) =>
    fail(
      'conflicting-network-options',
      value,
      `${flag} ${value} conflicts with the ${what} given in --network ${attachment.target}: set it in one place`,
    );
  const aliases = flags.networkAlias ?? [];
  const linkLocalIps = flags.linkLocalIp ?? [];
  const [alias] = aliases;
  const [linkLocalIp] = linkLocalIps;
  if (attachment.aliases.length > 0 && alias !== undefined) conflict('--network-alias', alias, 'alias');
  if (attachment.ipv4Address !== '' && flags.ip) conflict('--ip', flags.ip, 'IPv4 address');
  if (attachment.ipv6Address !== '' && flags.ip6) conflict('--ip6', flags.ip6, 'IPv6 address');
  if (attachment.macAddress !== '' && flags.macAddress) conflict('--mac-address', flags.macAddress, 'MAC address');
  if (attachment.linkLocalIps.length > 0 && linkLocalIp !== undefined) {
    conflict('--link-local-ip', linkLocalIp, 'link-local IPs');
  }
  return {
    ...attachment,
    aliases: aliases.length > 0 ? [...aliases] : attachment.aliases,
    ipv4Address: flags.ip || attachment.ipv4Address,
    ipv6Address: flags.ip6 || attachment.ipv6Address,
    macAddress: flags.macAddress || attachment.macAddress,
    linkLocalIps: linkLocalIps.length > 0 ? [...linkLocalIps] : attachment.linkLocalIps,
  };
}

function endpointSettings(attachment: NetworkAttachment, links: readonly string[]): EndpointSettings {
  const { target } = attachment;
  if (trimSpace(target) === '') fail('missing-network-name', target, 'invalid --network "": no network name');
  const userDefined = isUserDefinedNetwork(target);
  if (!userDefined && attachment.aliases.length > 0) {
    fail(
      'alias-on-default-network',
      attachment.aliases[0] ?? '',
      `network alias ${attachment.aliases[0]} needs a user-defined network, not ${target}`,
    );
  }
  const endpoint: EndpointSettings = {};
  if (attachment.aliases.length > 0) endpoint.Aliases = [...attachment.aliases];
  if (Object.keys(attachment.driverOpts).length > 0) endpoint.DriverOpts = { ...attachment.driverOpts };
  // ch.2: on a user-defined network a link is an endpoint alias; on the default bridge it is a legacy link only.
  if (userDefined && links.length > 0) endpoint.Links = [...links];
  if (attachment.ipv4Address || attachment.ipv6Address || attachment.linkLocalIps.length > 0) {
    const ipam: EndpointIPAMConfig = {};
    if (attachment.ipv4Address) ipam.IPv4Address = attachment.ipv4Address;
    if (attachment.ipv6Address) ipam.IPv6Address = attachment.ipv6Address;
    if (attachment.linkLocalIps.length > 0) ipam.LinkLocalIPs = [...attachment.linkLocalIps];
    endpoint.IPAMConfig = ipam;
  }
  if (attachment.macAddress) {
    if (!isMacAddress(attachment.macAddress)) {
      fail('invalid-mac-address', attachment.macAddress, `${attachment.macAddress} is not a valid MAC address`);
    }
    endpoint.MacAddress = attachment.macAddress;
  }
  if (attachment.gwPriority !== 0) endpoint.GwPriority = attachment.gwPriority;
  return endpoint;
}

function endpointsConfig(
  attachments: readonly NetworkAttachment[],
  flags: ContainerNetworkFlags,
  links: readonly string[],
): Record<string, EndpointSettings> {
  if (attachments.length === 0) {
    return { default: endpointSettings(applyContainerFlags(networkAttachment('default'), flags), links) };
  }
  const endpoints: Record<string, EndpointSettings> = {};
  attachments.forEach((given, index) => {
    const attachment = index === 0 ? applyContainerFlags(given, flags) : given;
    const endpoint = endpointSettings(attachment, index === 0 ? links : []);
    if (Object.hasOwn(endpoints, attachment.target)) {
      fail('duplicate-network', attachment.target, `network ${attachment.target} is given more than once`);
    }
    // A single network without options sends no endpoint; the engine makes one anyway.
    if (attachments.length === 1 && Object.keys(endpoint).length === 0) return;
    setMapEntry(endpoints, attachment.target, endpoint);
  });
  const firstUserDefined = isUserDefinedNetwork(attachments[0]?.target ?? '');
  const otherKind = attachments.find((attachment) => isUserDefinedNetwork(attachment.target) !== firstUserDefined);
  if (otherKind) {
    fail(
      'mixed-network-modes',
      otherKind.target,
      `a container cannot join both user-defined networks and bridge, host, none or container:<x> (${otherKind.target})`,
    );
  }
  return endpoints;
}

/** The engine's own checks of a network mode against the other settings (runconfig validateNetMode). */
function checkNetworkMode(request: ContainerNetworkRequest): void {
  const mode = request.HostConfig.NetworkMode;
  const kind = networkModeKind(mode);
  // The engine splits at the colon, so a bare `container` is a container mode without a name too.
  if (networkContainer(mode) === '' || mode === 'container') {
    fail('invalid-network-mode', mode, `invalid network mode ${mode}: want container:<name|id>`);
  }
  const conflict = (input: string, what: string) =>
    fail('network-mode-conflict', input, `${what} cannot be used with --network ${mode}`);
  const { HostConfig: host } = request;
  if (kind === 'container') {
    // ch.5: the joined container's namespace already has its name, DNS, hosts and ports.
    if (request.Hostname !== '') conflict(request.Hostname, `--hostname ${request.Hostname}`);
    if (host.Links?.[0] !== undefined) conflict(host.Links[0], `--link ${host.Links[0]}`);
    if (host.Dns[0] !== undefined) conflict(host.Dns[0], `--dns ${host.Dns[0]}`);
    if (host.ExtraHosts?.[0] !== undefined) conflict(host.ExtraHosts[0], `--add-host ${host.ExtraHosts[0]}`);
    const published = Object.keys(host.PortBindings)[0];
    if (published !== undefined) conflict(published, `publishing port ${published}`);
    if (host.PublishAllPorts) conflict('-P', '--publish-all');
    const exposed = Object.keys(request.ExposedPorts ?? {})[0];
    if (exposed !== undefined) conflict(exposed, `exposing port ${exposed}`);
  }
  // No --mac-address rule here: docker CLI 28 sends the address on the endpoint, which an engine below API 1.44
  // refuses (checkEndpoints), and from 1.44 on the engine clears the container-wide copy before validateNetMode.
  if (kind === 'host' && host.Links?.[0] !== undefined) conflict(host.Links[0], `--link ${host.Links[0]}`);
}

const MAC_ADDRESS_SINCE = gatedFieldSince('NetworkingConfig.EndpointsConfig.*.MacAddress');
const GW_PRIORITY_SINCE = gatedFieldSince('NetworkingConfig.EndpointsConfig.*.GwPriority');
// Not a field but a count, so not in the gated-field table: API 1.44 lets a create request join several networks.
const SEVERAL_NETWORKS_SINCE = '1.44';

/** The engine's checks of the endpoints: address families, and what its API version supports. */
function checkEndpoints(endpoints: Record<string, EndpointSettings>, apiVersion: string | undefined): void {
  const names = Object.keys(endpoints);
  const before = (version: string) => apiVersion !== undefined && compareApiVersions(apiVersion, version) < 0;
  const second = names[1];
  if (second !== undefined && before(SEVERAL_NETWORKS_SINCE)) {
    fail(
      'requires-newer-api',
      second,
      `joining several networks at create time (${names.join(', ')}) needs API ${SEVERAL_NETWORKS_SINCE}, the engine speaks ${apiVersion}`,
    );
  }
  for (const [name, endpoint] of Object.entries(endpoints)) {
    if (endpoint.MacAddress && before(MAC_ADDRESS_SINCE)) {
      fail(
        'requires-newer-api',
        endpoint.MacAddress,
        `a MAC address per network needs API ${MAC_ADDRESS_SINCE}, the engine speaks ${apiVersion}`,
      );
    }
    if (endpoint.GwPriority !== undefined && before(GW_PRIORITY_SINCE)) {
      fail(
        'requires-newer-api',
        String(endpoint.GwPriority),
        `gw-priority needs API ${GW_PRIORITY_SINCE}, the engine speaks ${apiVersion}`,
      );
    }
    const { IPv4Address: v4, IPv6Address: v6, LinkLocalIPs: linkLocal = [] } = endpoint.IPAMConfig ?? {};
    if (v4) {
      const ip = parseIp(v4);
      if (ip === undefined || ipv4Bytes(ip) === undefined)
        fail('invalid-ip-address', v4, `--ip ${v4} is not an IPv4 address`);
    }
    if (v6) {
      const ip = parseIp(v6);
      if (ip === undefined || ipv4Bytes(ip) !== undefined)
        fail('invalid-ip-address', v6, `--ip6 ${v6} is not an IPv6 address`);
    }
    // The engine checks these only when the container starts.
    if ((v4 || v6) && !isUserDefinedNetwork(name)) {
      const ip = v4 || v6 || '';
      fail('ip-on-default-network', ip, `a fixed IP (${ip}) needs a user-defined network, not ${name}`);
    }
    for (const ip of linkLocal) {
      if (parseIp(ip) === undefined) fail('invalid-ip-address', ip, `--link-local-ip ${ip} is not an IP address`);
    }
  }
}

/** Which endpoint docker copies the MAC address from: the one named like the network mode. */
function endpointName(mode: string): string {
  const kind = networkModeKind(mode);
  return kind === 'user-defined' ? mode : kind;
}

/**
 * The network flags of `docker run`/`docker create` → the fields of `POST /containers/create` that docker CLI 28
 * sends for them, ready to spread into a create request. Throws a {@link ContainerNetworkError} or a `PortError`
 * for what docker refuses, naming the offending value.
 */
export function parseContainerNetwork(
  flags: ContainerNetworkFlags,
  options: ContainerNetworkOptions = {},
): ContainerNetworkRequest {
  const attachments = (flags.network ?? []).map(parseNetworkOption);
  const links = [...(flags.link ?? [])];
  for (const link of links) parseLink(link);
  const dns = (flags.dns ?? []).map(parseDnsServer);
  const dnsSearch = (flags.dnsSearch ?? []).map(parseDnsSearch);
  const extraHosts = (flags.addHost ?? []).map(parseExtraHost);
  if (flags.macAddress && !isMacAddress(flags.macAddress)) {
    fail('invalid-mac-address', flags.macAddress, `${flags.macAddress} is not a valid MAC address`);
  }
  const { ExposedPorts: exposed, PortBindings } = parsePublishSpecs(flags.publish ?? []);
  for (const spec of flags.expose ?? []) {
    for (const key of parseExpose(spec)) exposed[key] ??= {};
  }
  const endpoints = endpointsConfig(attachments, flags, links);
  const mode = attachments[0]?.target ?? 'default';

  const request: ContainerNetworkRequest = {
    Hostname: flags.hostname ?? '',
    Domainname: flags.domainname ?? '',
    HostConfig: {
      NetworkMode: mode,
      PortBindings,
      PublishAllPorts: flags.publishAll ?? false,
      Dns: dns,
      DnsSearch: dnsSearch,
      DnsOptions: [...(flags.dnsOption ?? [])],
    },
    NetworkingConfig: { EndpointsConfig: endpoints },
  };
  if (Object.keys(exposed).length > 0) request.ExposedPorts = exposed;
  const macAddress = endpoints[endpointName(mode)]?.MacAddress;
  if (macAddress) request.MacAddress = macAddress;
  if (extraHosts.length > 0) request.HostConfig.ExtraHosts = extraHosts;
  if (links.length > 0) request.HostConfig.Links = links;

  checkNetworkMode(request);
  checkEndpoints(endpoints, options.apiVersion);
  return request;
}
