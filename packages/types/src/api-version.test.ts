import { describe, expect, it } from 'vitest';
import { CONTAINER_CREATE_GATED_FIELDS, compareApiVersions, gatedFieldsIn } from './api-version';

describe('API versions', () => {
  it('compares numerically', () => {
    expect(compareApiVersions('1.9', '1.41')).toBeLessThan(0);
    expect(compareApiVersions('1.44', '1.44')).toBe(0);
    expect(compareApiVersions('2.0', '1.99')).toBeGreaterThan(0);
  });

  it('finds the gated fields a request sets, at their concrete paths', () => {
    const body = {
      HostConfig: {
        Mounts: [
          { Type: 'bind', Target: '/a', BindOptions: { ReadOnlyNonRecursive: true } },
          { Type: 'volume', Target: '/b', VolumeOptions: { Subpath: 'x' } },
        ],
      },
      NetworkingConfig: { EndpointsConfig: { web: { MacAddress: '92:d0:c6:0a:29:33' } } },
    };
    expect(gatedFieldsIn(body)).toEqual([
      { path: 'HostConfig.Mounts[0].BindOptions.ReadOnlyNonRecursive', since: '1.44' },
      { path: 'NetworkingConfig.EndpointsConfig.web.MacAddress', since: '1.44' },
      { path: 'HostConfig.Mounts[1].VolumeOptions.Subpath', since: '1.45' },
    ]);
    expect(gatedFieldsIn({ HostConfig: { Memory: 1 } })).toEqual([]);
    expect(CONTAINER_CREATE_GATED_FIELDS.length).toBeGreaterThan(0);
  });
});
