export {
  AUDIT_SEVERITIES,
  type AuditedContainer,
  type AuditFinding,
  type AuditFindingKind,
  type AuditSeverity,
  auditContainer,
  reachesSeverity,
} from './audit';
export {
  ALL_CAPABILITIES,
  type Capability,
  type CapabilityOptions,
  capabilityMask,
  DEFAULT_CAPABILITIES,
  effectiveCapabilities,
  knownCapabilities,
  LINUX_CAPABILITIES,
  normalizeCapability,
  parseCapabilities,
} from './capabilities';
export {
  CapabilityError,
  NamespaceModeError,
  SeccompProfileError,
  SecurityError,
  SecurityOptError,
  SysctlError,
  UserError,
} from './errors';
export {
  type HardeningFinding,
  type HardeningFindingKind,
  type HardeningOptions,
  hardeningReport,
  type InspectedContainer,
} from './hardening';
export { parseCgroupnsMode, parseIpcMode, parsePidMode, parseUsernsMode, parseUtsMode } from './namespaces';
export {
  parseSecurityFlags,
  type SecurityFlags,
  type SecurityFlagsOptions,
  type SecurityFragment,
  type SecurityHostConfig,
} from './security-flags';
export { parseSecurityOpts, type ReadFile, type SecurityOptFields, type SecurityOptOptions } from './security-opt';
export { parseSysctls, type SysctlOptions } from './sysctl';
export { parseGroupAdd, parseUser } from './user';
