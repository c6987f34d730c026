import { describe, expect, it } from 'vitest';
import { gatedFieldsUsed } from './gated-fields';
import { parseStorage } from './storage';

describe('gatedFieldsUsed', () => {
  it('lists nothing for what API 1.41 knows', () => {
    expect(
      gatedFieldsUsed(
        parseStorage({
          mount: [
            'type=bind,src=/tmp,dst=/a,bind-recursive=disabled',
            'type=volume,dst=/b,volume-nocopy',
            'type=tmpfs,dst=/c',
          ],
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    ['type=bind,src=/tmp,dst=/x,bind-create-src', 'HostConfig.Mounts[].BindOptions.CreateMountpoint', '1.42'],
    [
      'type=bind,src=/tmp,dst=/x,bind-recursive=writable,ro',
      'HostConfig.Mounts[].BindOptions.ReadOnlyNonRecursive',
      '1.44',
    ],
    [
      'type=bind,src=/tmp,dst=/x,bind-recursive=readonly,ro,bind-propagation=rprivate',
      'HostConfig.Mounts[].BindOptions.ReadOnlyForceRecursive',
      '1.44',
    ],
    ['type=volume,src=data,dst=/x,volume-subpath=logs', 'HostConfig.Mounts[].VolumeOptions.Subpath', '1.45'],
  ])('%s uses %s (API %s)', (mount, path, since) => {
    expect(gatedFieldsUsed(parseStorage({ mount: ['type=tmpfs,dst=/t', mount] }))).toEqual([{ path, since }]);
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
