import { BerthError, type BerthErrorOptions } from '@berth/types';

/** Codes of {@link PortError}: `-p/--publish`, `--expose` and `docker port` lookups. */
export type PortErrorCode =
  | 'invalid-publish-option'
  | 'invalid-host-ip'
  | 'missing-container-port'
  | 'invalid-container-port'
  | 'invalid-host-port'
  | 'port-range-mismatch'
  | 'invalid-protocol'
  | 'invalid-expose'
  | 'invalid-port'
  | 'port-not-published';

/** Codes of {@link ContainerNetworkError}: network modes, endpoints, DNS, host entries and links. */
export type ContainerNetworkErrorCode =
  | 'invalid-network-option'
  | 'missing-network-name'
  | 'invalid-network-mode'
  | 'duplicate-network'
  | 'mixed-network-modes'
  | 'alias-on-default-network'
  | 'conflicting-network-options'
  | 'network-mode-conflict'
  | 'ip-on-default-network'
  | 'invalid-ip-address'
  | 'invalid-mac-address'
  | 'requires-newer-api'
  | 'invalid-dns-server'
  | 'invalid-dns-search'
  | 'invalid-extra-host'
  | 'invalid-link';

/** Codes of {@link NetworkCreateError}: `docker network create` options and IPAM. */
export type NetworkCreateErrorCode =
  | 'invalid-network-name'
  | 'invalid-label'
  | 'invalid-scope'
  | 'single-instance-driver'
  | 'invalid-subnet'
  | 'overlapping-subnets'
  | 'multiple-subnets-unsupported'
  | 'ipv6-not-enabled'
  | 'no-matching-subnet'
  | 'invalid-ip-range'
  | 'ip-range-outside-subnet'
  | 'multiple-ip-ranges'
  | 'invalid-gateway'
  | 'multiple-gateways'
  | 'reserved-address'
  | 'invalid-aux-address';

export type NetworkErrorCode = PortErrorCode | ContainerNetworkErrorCode | NetworkCreateErrorCode;

/** The base of every error `@berth/network` throws; `input` is the flag value that broke a rule. */
export class NetworkError<Code extends NetworkErrorCode = NetworkErrorCode> extends BerthError {
  declare readonly code: Code;

  constructor(code: Code, input: string, message: string, options?: BerthErrorOptions) {
    super(code, input, message, options);
  }
}

/** A `-p/--publish` or `--expose` value, or a `docker port` filter, that docker refuses. */
export class PortError extends NetworkError<PortErrorCode> {}

/** A container network setting (`--network`, `--ip`, `--dns`, `--add-host`, `--link`…) that docker refuses. */
export class ContainerNetworkError extends NetworkError<ContainerNetworkErrorCode> {}

/** A `network create` option that docker refuses, or that the engine would accept and then misbehave on. */
export class NetworkCreateError extends NetworkError<NetworkCreateErrorCode> {}
