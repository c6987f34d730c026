import type { ContainerInspect } from '@berth/types';
import { capabilityName } from './capabilities';
import { type HardeningFinding, type HardeningFindingKind, hardeningReport } from './hardening';

/** How much a finding widens what a compromised container can do, least first. */
export const AUDIT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number];

export type AuditFindingKind =
  | HardeningFindingKind
  | 'no-new-privileges-missing'
  | 'apparmor-unconfined'
  | 'writable-host-bind'
  | 'no-cpu-limit'
  | 'published-all-interfaces';

/** A hardening finding with how much it matters and the run flag that removes it. */
export interface AuditFinding extends Omit<HardeningFinding, 'kind'> {
  kind: AuditFindingKind;
  severity: AuditSeverity;
  /** What to change on the `run` command line, e.g. `--read-only`, `--user 1000:1000`. */
  fix: string;
}

/** What the audit reads: a container's inspect document (the image's user already merged in by the engine). */
export type AuditedContainer = Pick<ContainerInspect, 'Config' | 'HostConfig'> &
  Partial<Pick<ContainerInspect, 'Mounts' | 'AppArmorProfile'>>;

// ch. 6.7: the catch-all capability, and every capability at once, are as good as --privileged
const CRITICAL_CAPABILITIES = new Set(['CAP_SYS_ADMIN', 'ALL']);

const NAMESPACE_FIXES: Record<string, { flag: string; severity: AuditSeverity }> = {
  'HostConfig.NetworkMode': { flag: '--network bridge (or a network of your own)', severity: 'high' },
  'HostConfig.PidMode': { flag: 'no --pid host', severity: 'high' },
  'HostConfig.IpcMode': { flag: '--ipc private (or --ipc container:<name>)', severity: 'medium' },
  'HostConfig.UTSMode': { flag: 'no --uts host', severity: 'medium' },
  'HostConfig.UsernsMode': { flag: 'no --userns host', severity: 'high' },
};

function rated(finding: HardeningFinding): AuditFinding {
  const as = (severity: AuditSeverity, fix: string): AuditFinding => ({ ...finding, severity, fix });
  switch (finding.kind) {
    case 'privileged':
      return as('critical', 'no --privileged; --cap-add only the capabilities the software needs');
    case 'docker-socket':
      return as('critical', `no -v ${finding.value}:…`);
    case 'host-namespace': {
      const fix = NAMESPACE_FIXES[finding.field] ?? { flag: `no ${finding.field} host`, severity: 'high' };
      return as(fix.severity, fix.flag);
    }
    case 'added-capability': {
      const name = capabilityName(finding.value);
      return as(CRITICAL_CAPABILITIES.has(name) ? 'critical' : 'high', `no --cap-add ${finding.value}`);
    }
    case 'host-device':
      return as('high', `no --device ${finding.value}`);
    case 'seccomp-unconfined':
      return as('high', `no --security-opt ${finding.value} (the default profile, or a profile of your own)`);
    case 'root-user':
      return as('medium', '--user <uid>:<gid> (a user without rights on the host)');
    case 'writable-rootfs':
      return as('low', '--read-only (with --tmpfs for the paths the software writes)');
    case 'no-memory-limit':
      return as('medium', '--memory <size>');
    case 'no-pids-limit':
      return as('low', '--pids-limit <n>');
  }
}

function hostPortBindings(container: AuditedContainer): string[] {
  const open: string[] = [];
  for (const [port, bindings] of Object.entries(container.HostConfig.PortBindings ?? {})) {
    for (const binding of bindings ?? []) {
      const ip = binding.HostIp ?? '';
      if (ip === '' || ip === '0.0.0.0' || ip === '::')
        open.push(`${ip || '0.0.0.0'}:${binding.HostPort || '*'}->${port}`);
    }
  }
  return open;
}

/**
 * The ch. 6.7 checklist for one inspected container: @berth/security's hardening report plus no-new-privileges,
 * AppArmor, writable host binds, a CPU limit and ports published on every interface, each finding with a severity
 * and the flag that fixes it. Most severe first, in the report's order within a severity.
 */
export function auditContainer(container: AuditedContainer): AuditFinding[] {
  const hostConfig = container.HostConfig;
  const securityOpt = hostConfig.SecurityOpt ?? [];
  const findings = hardeningReport(container).map(rated);
  const add = (finding: AuditFinding) => findings.push(finding);

  const noNewPrivileges = securityOpt.some((opt) => /^no-new-privileges([:=]true)?$/.test(opt));
  if (!noNewPrivileges) {
    add({
      kind: 'no-new-privileges-missing',
      field: 'HostConfig.SecurityOpt',
      value: securityOpt.join(',') || '[]',
      section: '6.6.1',
      reason: 'a setuid program in the image can still raise its process to root',
      severity: 'medium',
      fix: '--security-opt no-new-privileges',
    });
  }
  const apparmor = securityOpt.find((opt) => /^apparmor[:=]unconfined$/.test(opt));
  if (apparmor !== undefined || container.AppArmorProfile === 'unconfined') {
    add({
      kind: 'apparmor-unconfined',
      field: apparmor === undefined ? 'AppArmorProfile' : 'HostConfig.SecurityOpt',
      value: apparmor ?? 'unconfined',
      section: '6.6.1',
      reason: "no AppArmor profile: the host's mandatory access control does not confine the container",
      severity: 'high',
      fix: 'no --security-opt apparmor=unconfined (docker-default, or a profile of your own)',
    });
  }
  for (const mount of container.Mounts ?? []) {
    if (mount.Type !== 'bind' || !mount.RW) continue;
    if (findings.some((finding) => finding.kind === 'docker-socket' && finding.value === mount.Source)) continue;
    add({
      kind: 'writable-host-bind',
      field: 'Mounts',
      value: `${mount.Source}:${mount.Destination}`,
      section: '6.3.2',
      reason: 'the container can change host files, as its UID would on the host',
      severity: 'medium',
      fix: `-v ${mount.Source}:${mount.Destination}:ro (or a volume)`,
    });
  }
  if (!hostConfig.NanoCpus && !hostConfig.CpuQuota) {
    add({
      kind: 'no-cpu-limit',
      field: 'HostConfig.NanoCpus',
      value: String(hostConfig.NanoCpus ?? 0),
      section: '6.1.2',
      reason: 'no CPU quota: a busy container can take every core of the host',
      severity: 'low',
      fix: '--cpus <n>',
    });
  }
  for (const binding of hostPortBindings(container)) {
    add({
      kind: 'published-all-interfaces',
      field: 'HostConfig.PortBindings',
      value: binding,
      section: '5.4',
      reason: 'published on every host interface: reachable from any network the host is on',
      severity: 'low',
      fix: '-p 127.0.0.1:<host port>:<container port> (or the one address that needs it)',
    });
  }
  const rank = (finding: AuditFinding) => AUDIT_SEVERITIES.indexOf(finding.severity);
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rank(b.finding) - rank(a.finding) || a.index - b.index)
    .map(({ finding }) => finding);
}

/** Whether any finding is at least `level` severe: the audit's answer to `--fail-on`. */
export function reachesSeverity(findings: readonly AuditFinding[], level: AuditSeverity): boolean {
  const floor = AUDIT_SEVERITIES.indexOf(level);
  return findings.some((finding) => AUDIT_SEVERITIES.indexOf(finding.severity) >= floor);
}
