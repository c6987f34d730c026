import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContainerNetworkError } from './errors';
import { type NetworkConnectFlags, parseNetworkConnect } from './network-connect';

const EMPTY = { IPAMConfig: {}, Links: null, Aliases: null, DriverOpts: null };

describe('parseNetworkConnect', () => {
  it.each<[NetworkConnectFlags, object]>([
    [{}, EMPTY],
    [{ ip: '10.0.43.200' }, { ...EMPTY, IPAMConfig: { IPv4Address: '10.0.43.200' } }],
    [
      { ip6: 'fd00::33', linkLocalIp: ['169.254.0.5,169.254.0.6'] },
      {
        ...EMPTY,
        IPAMConfig: { IPv6Address: 'fd00::33', LinkLocalIPs: ['169.254.0.5', '169.254.0.6'] },
      },
    ],
    [{ alias: ['web,www', 'front'] }, { ...EMPTY, Aliases: ['web', 'www', 'front'] }],
    [{ link: ['db:database', 'cache'] }, { ...EMPTY, Links: ['db:database', 'cache'] }],
    [{ driverOpt: ['Com.Example=1, x = y '] }, { ...EMPTY, DriverOpts: { 'Com.Example': '1', x: 'y' } }],
    [{ gwPriority: 5 }, { ...EMPTY, GwPriority: 5 }],
  ])('%j', (flags, endpoint) => {
    expect(parseNetworkConnect('network-explorer', flags)).toEqual({
      Container: 'network-explorer',
      EndpointConfig: endpoint,
    });
  });

  it.each<[NetworkConnectFlags, string]>([
    [{ driverOpt: ['novalue'] }, 'invalid-network-option'],
    [{ driverOpt: [' =value'] }, 'invalid-network-option'],
    [{ ip: '10.0.43' }, 'invalid-ip-address'],
    [{ linkLocalIp: ['169.254.0.5,nope'] }, 'invalid-ip-address'],
    [{ link: ['a:b:c'] }, 'invalid-link'],
  ])('refuses %j', (flags, code) => {
    const attempt = () => parseNetworkConnect('c', flags);
    expect(attempt).toThrow(ContainerNetworkError);
    expect(attempt).toThrow(expect.objectContaining({ code }));
  });

  it('refuses --gw-priority before API 1.48, and takes it from then on', () => {
    expect(() => parseNetworkConnect('c', { gwPriority: 1 }, { apiVersion: '1.41' })).toThrow(
      expect.objectContaining({ code: 'requires-newer-api' }),
    );
    expect(parseNetworkConnect('c', { gwPriority: 1 }, { apiVersion: '1.48' }).EndpointConfig?.GwPriority).toBe(1);
  });

  it('keeps every alias in order, however they are split between flags', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 6 }), (aliases) => {
        const joined = parseNetworkConnect('c', { alias: [aliases.join(',')] });
        const apart = parseNetworkConnect('c', { alias: aliases });
        expect(joined.EndpointConfig?.Aliases).toEqual(aliases);
        expect(apart).toEqual(joined);
      }),
    );
  });
});
