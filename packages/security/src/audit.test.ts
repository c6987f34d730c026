import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_SEVERITIES,
  type AuditedContainer,
  type AuditFinding,
  type AuditSeverity,
  auditContainer,
  reachesSeverity,
} from './audit';

const inspected = (hostConfig: AuditedContainer['HostConfig'], extra: Partial<AuditedContainer> = {}) =>
  ({ Config: { User: '' }, HostConfig: hostConfig, Mounts: [], ...extra }) as AuditedContainer;

const HARDENED = inspected(
  {
    ReadonlyRootfs: true,
    Memory: 67_108_864,
    NanoCpus: 500_000_000,
    PidsLimit: 64,
    CapDrop: ['ALL'],
    SecurityOpt: ['no-new-privileges'],
    PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] },
  },
  { Config: { User: '65534:65534' } as AuditedContainer['Config'] },
);

const summary = (findings: AuditFinding[]) => findings.map((f) => `${f.severity} ${f.kind} ${f.value}`);

describe('auditContainer (ch. 6.7 as data)', () => {
  it('finds nothing in a hardened container', () => {
    expect(auditContainer(HARDENED)).toEqual([]);
  });

  it("lists docker's defaults that a hardened container changes, most severe first", () => {
    expect(summary(auditContainer(inspected({})))).toEqual([
      'medium root-user ',
      'medium no-memory-limit 0',
      'medium no-new-privileges-missing []',
      'low writable-rootfs false',
      'low no-pids-limit null',
      'low no-cpu-limit 0',
    ]);
  });

  it.each<[string, AuditedContainer['HostConfig'], Partial<AuditedContainer>, string[]]>([
    ['privileged', { Privileged: true }, {}, ['critical privileged true']],
    ['the catch-all capability', { CapAdd: ['sys_admin'] }, {}, ['critical added-capability sys_admin']],
    ['another capability', { CapAdd: ['NET_ADMIN'] }, {}, ['high added-capability NET_ADMIN']],
    ['the host network', { NetworkMode: 'host' }, {}, ['high host-namespace host']],
    ['the host IPC', { IpcMode: 'host' }, {}, ['medium host-namespace host']],
    [
      'seccomp off',
      { SecurityOpt: ['no-new-privileges', 'seccomp=unconfined'] },
      {},
      ['high seccomp-unconfined seccomp=unconfined'],
    ],
    [
      'AppArmor off',
      { SecurityOpt: ['no-new-privileges', 'apparmor=unconfined'] },
      {},
      ['high apparmor-unconfined apparmor=unconfined'],
    ],
    ['AppArmor off by the engine', {}, { AppArmorProfile: 'unconfined' }, ['high apparmor-unconfined unconfined']],
    [
      'a device',
      { Devices: [{ PathOnHost: '/dev/null', PathInContainer: '/dev/x', CgroupPermissions: 'rwm' }] },
      {},
      ['high host-device /dev/null'],
    ],
    [
      'all interfaces',
      { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
      {},
      ['low published-all-interfaces 0.0.0.0:8080->80/tcp'],
    ],
    [
      'IPv6 everywhere',
      { PortBindings: { '53/udp': [{ HostIp: '::', HostPort: '' }] } },
      {},
      ['low published-all-interfaces :::*->53/udp'],
    ],
  ])('%s', (_name, relaxed, extra, expected) => {
    const container = { ...HARDENED, ...extra, HostConfig: { ...HARDENED.HostConfig, ...relaxed } } as AuditedContainer;
    expect(summary(auditContainer(container))).toEqual(expected);
  });

  it('reports a writable bind of a host path, and the docker socket once, as critical', () => {
    const container = {
      ...HARDENED,
      Mounts: [
        { Type: 'bind', Source: '/srv/data', Destination: '/data', Mode: '', RW: true, Propagation: 'rprivate' },
        { Type: 'bind', Source: '/srv/ro', Destination: '/ro', Mode: 'ro', RW: false, Propagation: 'rprivate' },
        {
          Type: 'bind',
          Source: '/var/run/docker.sock',
          Destination: '/var/run/docker.sock',
          Mode: '',
          RW: true,
          Propagation: '',
        },
        {
          Type: 'volume',
          Name: 'v',
          Source: '/var/lib/docker/volumes/v/_data',
          Destination: '/v',
          Mode: '',
          RW: true,
          Propagation: '',
        },
      ],
    } as AuditedContainer;
    const findings = auditContainer(container);
    expect(summary(findings)).toEqual([
      'critical docker-socket /var/run/docker.sock',
      'medium writable-host-bind /srv/data:/data',
    ]);
    expect(findings[1]?.fix).toBe('-v /srv/data:/data:ro (or a volume)');
  });

  it('gives every finding a fix and a section', () => {
    const wide = inspected({ Privileged: true, PidMode: 'host', CapAdd: ['ALL'] });
    for (const finding of auditContainer(wide)) {
      expect(finding.fix).not.toBe('');
      expect(finding.section).toMatch(/^\d+\.\d/);
    }
  });
});

describe('reachesSeverity (--fail-on)', () => {
  const at = (severity: AuditSeverity) => ({ severity }) as AuditFinding;
  it.each<[AuditSeverity[], AuditSeverity, boolean]>([
    [[], 'low', false],
    [['low'], 'low', true],
    [['low', 'medium'], 'high', false],
    [['critical'], 'high', true],
  ])('%j at %s: %s', (severities, level, expected) => {
    expect(reachesSeverity(severities.map(at), level)).toBe(expected);
  });

  it('holds exactly when the most severe finding is at least the level', () => {
    const severity = fc.constantFrom(...AUDIT_SEVERITIES);
    fc.assert(
      fc.property(fc.array(severity), severity, (severities, level) => {
        const worst = Math.max(-1, ...severities.map((s) => AUDIT_SEVERITIES.indexOf(s)));
        return reachesSeverity(severities.map(at), level) === worst >= AUDIT_SEVERITIES.indexOf(level);
      }),
    );
  });
});
