import { CONTAINER_CREATE_GATED_FIELDS, compareApiVersions } from '@berth/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldsNewerThan, MAX_API_VERSION, negotiateApiVersion, refuseNewerFields } from './api-version';
import { ApiVersionError } from './errors';

describe('negotiateApiVersion', () => {
  it.each([
    [{ ApiVersion: '1.41', MinAPIVersion: '1.12' }, MAX_API_VERSION, '1.41'],
    [{ ApiVersion: '1.50', MinAPIVersion: '1.24' }, '1.46', '1.46'],
    [{ ApiVersion: '1.9', MinAPIVersion: '1.0' }, '1.41', '1.9'],
    [{ ApiVersion: '1.41' }, '1.41', '1.41'],
    [{}, '1.41', '1.24'],
  ])('%j with a client max of %s uses %s', (daemon, clientMax, expected) => {
    expect(negotiateApiVersion(daemon, clientMax)).toBe(expected);
  });

  it('refuses a daemon whose oldest API is newer than the client', () => {
    expect(() => negotiateApiVersion({ ApiVersion: '1.50', MinAPIVersion: '1.44' }, '1.41')).toThrow(ApiVersionError);
    expect(() => negotiateApiVersion({ ApiVersion: '1.50', MinAPIVersion: '1.44' }, '1.41')).toThrow(
      /serves API 1.44 to 1.50, but this client speaks at most 1.41/,
    );
  });

  it('never goes above either side nor below the daemon’s minimum', () => {
    const version = fc.tuple(fc.constant(1), fc.integer({ min: 0, max: 60 })).map(([a, b]) => `${a}.${b}`);
    fc.assert(
      fc.property(version, version, version, (max, min, client) => {
        try {
          const chosen = negotiateApiVersion({ ApiVersion: max, MinAPIVersion: min }, client);
          expect(compareApiVersions(chosen, max)).toBeLessThanOrEqual(0);
          expect(compareApiVersions(chosen, client)).toBeLessThanOrEqual(0);
          expect(compareApiVersions(chosen, min)).toBeGreaterThanOrEqual(0);
        } catch (error) {
          expect(error).toBeInstanceOf(ApiVersionError);
        }
      }),
    );
  });
});

describe('fieldsNewerThan', () => {
  const body = {
    Image: 'busybox:1.29',
    Healthcheck: { Test: ['CMD', 'true'], StartInterval: 1_000_000_000 },
    HostConfig: {
      Annotations: { a: 'b' },
      Mounts: [
        { Type: 'bind', Source: '/a', Target: '/a' },
        {
          Type: 'bind',
          Source: '/b',
          Target: '/b',
          BindOptions: { ReadOnlyNonRecursive: true, CreateMountpoint: false },
        },
        { Type: 'tmpfs', Target: '/t', TmpfsOptions: { Options: [['exec']] } },
      ],
    },
    NetworkingConfig: { EndpointsConfig: { web: { MacAddress: '02:42:ac:11:00:02' }, db: {} } },
  };

  it('names each used field with its concrete path', () => {
    expect(fieldsNewerThan(body, CONTAINER_CREATE_GATED_FIELDS, '1.41').map((field) => field.path)).toEqual([
      'HostConfig.Mounts[1].BindOptions.CreateMountpoint',
      'HostConfig.Annotations',
      'HostConfig.Mounts[1].BindOptions.ReadOnlyNonRecursive',
      'Healthcheck.StartInterval',
      'NetworkingConfig.EndpointsConfig.web.MacAddress',
      'HostConfig.Mounts[2].TmpfsOptions.Options',
    ]);
  });

  it('lets through what the version knows', () => {
    expect(fieldsNewerThan(body, CONTAINER_CREATE_GATED_FIELDS, '1.44').map((field) => field.path)).toEqual([
      'HostConfig.Mounts[2].TmpfsOptions.Options',
    ]);
    expect(fieldsNewerThan(body, CONTAINER_CREATE_GATED_FIELDS, '1.46')).toEqual([]);
    expect(fieldsNewerThan({ Image: 'x' }, CONTAINER_CREATE_GATED_FIELDS, '1.12')).toEqual([]);
  });

  it('refuses with the first field, the version it needs and the others', () => {
    expect(() => refuseNewerFields(body, CONTAINER_CREATE_GATED_FIELDS, '1.43', 'POST /containers/create')).toThrow(
      expect.objectContaining({
        name: 'ApiVersionError',
        code: 'field-needs-newer-api',
        input: 'HostConfig.Mounts[1].BindOptions.ReadOnlyNonRecursive',
      }),
    );
  });

  it('never throws on any JSON value, and every path it names exists', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const field of fieldsNewerThan(value, CONTAINER_CREATE_GATED_FIELDS, '1.41')) {
          expect(field.path.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
