import type { ContainerInspect } from '@berth/types';
import { describe, expect, it } from 'vitest';
import { type HardeningFinding, hardeningReport, type InspectedContainer } from './hardening';

const kinds = (findings: HardeningFinding[]) => findings.map((finding) => `${finding.kind} ${finding.value}`);

const HARDENED = {
  User: 'nobody',
  HostConfig: { ReadonlyRootfs: true, Memory: 268435456, PidsLimit: 100, CapDrop: ['ALL'] },
};

describe('hardeningReport', () => {
  it('finds nothing in a hardened container (ch. 6.7.1: limited user, limits, no extra rights)', () => {
    expect(hardeningReport(HARDENED)).toEqual([]);
  });

  it('lists the relaxations of docker’s defaults: root, writable root, no memory or pids limit', () => {
    expect(kinds(hardeningReport({ Image: 'busybox:1.29' }))).toEqual([
      'root-user ',
      'writable-rootfs false',
      'no-memory-limit 0',
      'no-pids-limit null',
    ]);
  });

  it('names each relaxation with its field, section and reason', () => {
    const findings = hardeningReport({
      User: '0:0',
      HostConfig: {
        ...HARDENED.HostConfig,
        Privileged: true,
        NetworkMode: 'host',
        PidMode: 'host',
        IpcMode: 'host',
        UTSMode: 'host',
        UsernsMode: 'host',
        CapAdd: ['CAP_SYS_ADMIN', 'net_admin', 'ALL'],
        Binds: ['/var/run/docker.sock:/var/run/docker.sock:ro', '/data:/data'],
        Devices: [{ PathOnHost: '/dev/video0', PathInContainer: '/dev/video0', CgroupPermissions: 'rwm' }],
        SecurityOpt: ['no-new-privileges', 'seccomp=unconfined'],
        PidsLimit: -1,
      },
    });
    expect(kinds(findings)).toEqual([
      'privileged true',
      'host-namespace host',
      'host-namespace host',
      'host-namespace host',
      'host-namespace host',
      'host-namespace host',
      'added-capability CAP_SYS_ADMIN',
      'added-capability net_admin',
      'added-capability ALL',
      'docker-socket /var/run/docker.sock',
      'host-device /dev/video0',
      'seccomp-unconfined seccomp=unconfined',
      'root-user 0:0',
      'no-pids-limit -1',
    ]);
    expect(findings.map((finding) => finding.field)).toContain('HostConfig.UsernsMode');
    expect(findings.find((finding) => finding.kind === 'privileged')?.section).toBe('6.5');
    expect(findings.find((finding) => finding.value === 'net_admin')?.reason).toContain('configure networking');
    expect(findings.find((finding) => finding.kind === 'docker-socket')?.reason).toContain(':ro does not stop it');
    for (const finding of findings) expect(finding.reason.length).toBeGreaterThan(20);
  });

  it.each([
    ['/var/run/docker.sock', true],
    ['/run/docker.sock', true],
    ['/run/user/1000/docker.sock', true],
    ['/var/run', true],
    ['/var/run/', true],
    ['/', true],
    ['/var/lib/docker.sock.d', false],
    ['/data', false],
  ])('treats a bind of %s as exposing the docker socket: %s', (source, exposed) => {
    const viaBinds = hardeningReport({ ...HARDENED, HostConfig: { ...HARDENED.HostConfig, Binds: [`${source}:/s`] } });
    const viaMounts = hardeningReport({
      ...HARDENED,
      HostConfig: { ...HARDENED.HostConfig, Mounts: [{ Type: 'bind', Source: source, Target: '/s' }] },
    });
    expect(viaBinds.some((finding) => finding.kind === 'docker-socket')).toBe(exposed);
    expect(viaMounts.some((finding) => finding.kind === 'docker-socket')).toBe(exposed);
  });

  it('reads an inspect document: merged user, bind mounts', () => {
    const inspect: InspectedContainer = {
      Config: { User: '' },
      HostConfig: { ...HARDENED.HostConfig, IpcMode: 'shareable', PidMode: '' },
      Mounts: [
        {
          Type: 'bind',
          Source: '/var/run/docker.sock',
          Destination: '/var/run/docker.sock',
          Mode: 'ro',
          RW: false,
          Propagation: 'rprivate',
        },
      ] satisfies ContainerInspect['Mounts'],
    };
    expect(kinds(hardeningReport(inspect))).toEqual(['docker-socket /var/run/docker.sock', 'root-user ']);
  });

  it('uses the image’s user for a create request that sets none', () => {
    const request = { HostConfig: HARDENED.HostConfig };
    expect(kinds(hardeningReport(request, { imageUser: 'nobody' }))).toEqual([]);
    expect(kinds(hardeningReport(request, { imageUser: 'root' }))).toEqual(['root-user root']);
    expect(kinds(hardeningReport({ ...request, User: '1000' }, { imageUser: 'root' }))).toEqual([]);
  });
});
