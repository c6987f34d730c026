export { type Cidr, cidrContains, cidrCovers, parseCidr } from './cidr';
export {
  type ContainerNetworkFlags,
  type ContainerNetworkOptions,
  type ContainerNetworkRequest,
  parseContainerNetwork,
} from './container-network';
export { parseDnsSearch, parseDnsServer } from './dns';
export {
  ContainerNetworkError,
  type ContainerNetworkErrorCode,
  NetworkCreateError,
  type NetworkCreateErrorCode,
  NetworkError,
  type NetworkErrorCode,
  PortError,
  type PortErrorCode,
} from './errors';
export { parseExpose } from './expose';
export { HOST_GATEWAY, parseExtraHost } from './extra-host';
export { formatIp, type IpAddress, ipEquals, isIp, parseIp } from './ip';
export { type IpamFlags, parseIpamConfig } from './ipam';
export { type Link, parseLink } from './link';
export { isMacAddress } from './mac-address';
export { compareNatural } from './natural-order';
export { type NetworkConnectFlags, parseNetworkConnect } from './network-connect';
export { type NetworkCreateFlags, parseNetworkCreate } from './network-create';
export { type NetworkFilterCommand, NetworkFilterError, parseNetworkFilters } from './network-filters';
export { isUserDefinedNetwork, type NetworkModeKind, networkContainer, networkModeKind } from './network-mode';
export { type NetworkAttachment, parseNetworkOption } from './network-option';
export { lookupPorts } from './port-lookup';
export { type PortMapping, type PublishedPorts, parsePublish, parsePublishSpecs } from './publish';
