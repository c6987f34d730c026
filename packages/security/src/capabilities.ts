import { type ApiVersion, BASELINE_API_VERSION, compareApiVersions, type HostConfig } from '@berth/types';
import { CapabilityError } from './errors';

export interface Capability {
  /** The canonical name, as the Engine API stores it in `CapAdd`/`CapDrop`. */
  name: `CAP_${string}`;
  /** The bit in `/proc/<pid>/status` masks (`CapEff`, `CapBnd`…). */
  bit: number;
}

const NAMES = [
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'KILL',
  'SETGID',
  'SETUID',
  'SETPCAP',
  'LINUX_IMMUTABLE',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_ADMIN',
  'NET_RAW',
  'IPC_LOCK',
  'IPC_OWNER',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_CHROOT',
  'SYS_PTRACE',
  'SYS_PACCT',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_NICE',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'MKNOD',
  'LEASE',
  'AUDIT_WRITE',
  'AUDIT_CONTROL',
  'SETFCAP',
  'MAC_OVERRIDE',
  'MAC_ADMIN',
  'SYSLOG',
  'WAKE_ALARM',
  'BLOCK_SUSPEND',
  'AUDIT_READ',
  'PERFMON',
  'BPF',
  'CHECKPOINT_RESTORE',
] as const;

/** Every Linux capability, in bit order (CAP_CHOWN = 0 … CAP_CHECKPOINT_RESTORE = 40). */
export const LINUX_CAPABILITIES: readonly Capability[] = NAMES.map((name, bit) => ({ name: `CAP_${name}`, bit }));

/** The magic value of `CapAdd`/`CapDrop` meaning every capability. */
export const ALL_CAPABILITIES = 'ALL';

/** The set Docker grants a container that neither adds nor drops anything (ch. 6.4). */
export const DEFAULT_CAPABILITIES: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FSETID',
  'CAP_FOWNER',
  'CAP_MKNOD',
  'CAP_NET_RAW',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETFCAP',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_SYS_CHROOT',
  'CAP_KILL',
  'CAP_AUDIT_WRITE',
];

// Engine 20.10 (API 1.41) stops its list at CAP_AUDIT_READ; engines from API 1.42 (moby 23) know every capability.
const LAST_BIT_BEFORE_1_42 = 37;

export interface CapabilityOptions {
  /** The engine's API version: it decides which capabilities the engine knows. Default: `1.41`. */
  apiVersion?: ApiVersion | string;
}

/** The capabilities an engine of this API version accepts in `CapAdd`/`CapDrop`, in bit order. */
export function knownCapabilities(options: CapabilityOptions = {}): readonly Capability[] {
  const version = options.apiVersion ?? BASELINE_API_VERSION;
  if (compareApiVersions(version, '1.42') >= 0) return LINUX_CAPABILITIES;
  return LINUX_CAPABILITIES.filter((capability) => capability.bit <= LAST_BIT_BEFORE_1_42);
}

const BY_NAME = new Map(LINUX_CAPABILITIES.map((capability) => [capability.name, capability]));

/** `value` upper-cased and `CAP_` prefixed (`ALL` kept), whether or not it names a capability. */
export function capabilityName(value: string): string {
  const upper = value.toUpperCase();
  return upper === ALL_CAPABILITIES || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
}

/**
 * One `--cap-add`/`--cap-drop` value in its canonical form, as the docker CLI sends it: upper case, `CAP_` prefixed,
 * `ALL` kept as is. No trimming: the CLI does not trim, and the daemon refuses `"CAP_NET_RAW "`.
 */
export function normalizeCapability(value: string, options: CapabilityOptions = {}): string {
  const name = capabilityName(value);
  if (name === ALL_CAPABILITIES) return name;
  const capability = BY_NAME.get(name as Capability['name']);
  if (capability === undefined) {
    throw new CapabilityError('unknown-capability', value, `unknown capability ${JSON.stringify(value)} (${name})`);
  }
  const version = options.apiVersion ?? BASELINE_API_VERSION;
  if (!knownCapabilities(options).includes(capability)) {
    throw new CapabilityError(
      'capability-needs-newer-engine',
      value,
      `capability ${JSON.stringify(value)} (${name}) is unknown to engines of API ${version}; it needs API 1.42 (Docker 23) or later`,
    );
  }
  return name;
}

/**
 * The values of repeated `--cap-add` (or `--cap-drop`) flags as the CLI sends them: normalized, without duplicates,
 * sorted; `undefined` when there are none (the CLI sends null).
 */
export function parseCapabilities(values: readonly string[], options: CapabilityOptions = {}): string[] | undefined {
  if (values.length === 0) return undefined;
  const normalized = new Set(values.map((value) => normalizeCapability(value, options)));
  return [...normalized].sort();
}

/**
 * The capabilities the daemon gives the container's process, in bit order, computed as the engine does: privileged
 * gets every known capability; `ALL` in `CapAdd` gives all but the dropped ones; `ALL` in `CapDrop` leaves only the
 * added ones; otherwise the default set minus the dropped plus the added.
 */
export function effectiveCapabilities(
  hostConfig: Pick<HostConfig, 'CapAdd' | 'CapDrop' | 'Privileged'>,
  options: CapabilityOptions = {},
): string[] {
  const known = knownCapabilities(options).map((capability) => capability.name as string);
  if (hostConfig.Privileged) return known;
  const add = new Set((hostConfig.CapAdd ?? []).map((value) => normalizeCapability(value, options)));
  const drop = new Set((hostConfig.CapDrop ?? []).map((value) => normalizeCapability(value, options)));
  let granted: Set<string>;
  if (add.has(ALL_CAPABILITIES)) {
    granted = new Set(known.filter((name) => !drop.has(name)));
  } else if (drop.has(ALL_CAPABILITIES)) {
    granted = add;
  } else {
    granted = new Set([...DEFAULT_CAPABILITIES.filter((name) => !drop.has(name)), ...add]);
  }
  return known.filter((name) => granted.has(name));
}

/**
 * The bit mask of these capabilities (any spelling `normalizeCapability` accepts, `ALL` for every one), as
 * `/proc/<pid>/status` prints it in hex: `CapEff: 00000000a80425fb`.
 */
export function capabilityMask(names: readonly string[]): bigint {
  let mask = 0n;
  for (const value of names) {
    const name = normalizeCapability(value, { apiVersion: '1.42' });
    const bits = name === ALL_CAPABILITIES ? LINUX_CAPABILITIES : LINUX_CAPABILITIES.filter((c) => c.name === name);
    for (const capability of bits) mask |= 1n << BigInt(capability.bit);
  }
  return mask;
}
