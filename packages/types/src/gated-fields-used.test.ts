import { describe, expect, it } from 'vitest';
import { gatedFieldSince, gatedFieldsUsed } from './api-version';
import type { Mount } from './container';

const withMounts = (...Mounts: Mount[]) => ({ HostConfig: { Mounts } });
const tmpfs: Mount = { Type: 'tmpfs', Target: '/t' };

describe('gatedFieldsUsed', () => {
  it('lists nothing for what API 1.41 knows', () => {
    expect(
      gatedFieldsUsed(
        withMounts(
          { Type: 'bind', Source: '/tmp', Target: '/a', BindOptions: { NonRecursive: true } },
          { Type: 'volume', Target: '/b', VolumeOptions: { NoCopy: true } },
          tmpfs,
        ),
      ),
    ).toEqual([]);
  });

  it.each<[Mount, string, string]>([
    [
      { Type: 'bind', Source: '/tmp', Target: '/x', BindOptions: { CreateMountpoint: true } },
      'HostConfig.Mounts[].BindOptions.CreateMountpoint',
      '1.42',
    ],
    [
      { Type: 'bind', Source: '/tmp', Target: '/x', ReadOnly: true, BindOptions: { ReadOnlyNonRecursive: true } },
      'HostConfig.Mounts[].BindOptions.ReadOnlyNonRecursive',
      '1.44',
    ],
    [
      { Type: 'bind', Source: '/tmp', Target: '/x', ReadOnly: true, BindOptions: { ReadOnlyForceRecursive: true } },
      'HostConfig.Mounts[].BindOptions.ReadOnlyForceRecursive',
      '1.44',
    ],
    [
      { Type: 'volume', Source: 'data', Target: '/x', VolumeOptions: { Subpath: 'logs' } },
      'HostConfig.Mounts[].VolumeOptions.Subpath',
      '1.45',
    ],
  ])('%j uses %s (API %s), listed once', (mount, path, since) => {
    expect(gatedFieldsUsed(withMounts(tmpfs, mount, mount))).toEqual([{ path, since }]);
  });

  it('reads any create request, including wildcard paths', () => {
    expect(
      gatedFieldsUsed({
        HostConfig: { Mounts: [{ Type: 'tmpfs', Target: '/t', TmpfsOptions: { Options: [['noexec']] } }] },
        NetworkingConfig: { EndpointsConfig: { web: { MacAddress: '02:42:ac:11:00:02' } } },
        Healthcheck: { StartInterval: 1 },
      }).map((field) => field.path),
    ).toEqual([
      'Healthcheck.StartInterval',
      'NetworkingConfig.EndpointsConfig.*.MacAddress',
      'HostConfig.Mounts[].TmpfsOptions.Options',
    ]);
  });
});

describe('gatedFieldSince', () => {
  it('finds a field by its table path, and answers the baseline for any other', () => {
    expect(gatedFieldSince('NetworkingConfig.EndpointsConfig.*.MacAddress')).toBe('1.44');
    expect(gatedFieldSince('NetworkingConfig.EndpointsConfig.*.GwPriority')).toBe('1.48');
    expect(gatedFieldSince('HostConfig.Memory')).toBe('1.41');
  });
});
