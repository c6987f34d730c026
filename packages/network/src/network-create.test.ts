import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetworkCreateError, type NetworkCreateErrorCode, type NetworkCreateFlags, parseNetworkCreate } from './index';

describe('parseNetworkCreate', () => {
  // ch.5.2.1
  it('builds the book’s user-network request as docker sends it', () => {
    expect(
      parseNetworkCreate('user-network', {
        driver: 'bridge',
        label: ['project=dockerinaction', 'chapter=5'],
        attachable: true,
        scope: 'local',
        subnet: ['10.0.42.0/24'],
        ipRange: ['10.0.42.128/25'],
      }),
    ).toEqual({
      Name: 'user-network',
      CheckDuplicate: true,
      Driver: 'bridge',
      Scope: 'local',
      Internal: false,
      Attachable: true,
      Ingress: false,
      ConfigOnly: false,
      IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '10.0.42.0/24', IPRange: '10.0.42.128/25' }] },
      Options: {},
      Labels: { project: 'dockerinaction', chapter: '5' },
    });
  });

  it('defaults to a bridge with default IPAM and no subnets', () => {
    expect(parseNetworkCreate('n')).toMatchObject({
      Driver: 'bridge',
      Scope: '',
      IPAM: { Driver: 'default', Options: {}, Config: [] },
      Options: {},
      Labels: {},
    });
    expect(parseNetworkCreate('n')).not.toHaveProperty('EnableIPv6');
  });

  it('groups ranges, gateways and aux addresses by subnet, in subnet order', () => {
    expect(
      parseNetworkCreate('n', {
        ipv6: true,
        subnet: ['fd00:2::/64,10.232.3.0/24'],
        gateway: ['10.232.3.1', 'fd00:2::1'],
        ipRange: ['10.232.3.128/25'],
        auxAddress: ['router=10.232.3.2', 'dns=fd00:2::53', 'router=10.232.3.3'],
      }).IPAM?.Config,
    ).toEqual([
      { Subnet: 'fd00:2::/64', Gateway: 'fd00:2::1', AuxiliaryAddresses: { dns: 'fd00:2::53' } },
      {
        Subnet: '10.232.3.0/24',
        IPRange: '10.232.3.128/25',
        Gateway: '10.232.3.1',
        AuxiliaryAddresses: { router: '10.232.3.3' },
      },
    ]);
  });

  it('passes driver options, IPAM options, flags and labels through as docker does', () => {
    expect(
      parseNetworkCreate('n', {
        internal: true,
        ipv6: false,
        ingress: true,
        configOnly: true,
        configFrom: 'base',
        ipamDriver: 'custom',
        ipamOpt: ['a=b'],
        opt: ['com.docker.network.bridge.enable_icc=false', 'novalue', '=x'],
        label: ['novalue', ' a=b', 'k=v=w'],
      }),
    ).toMatchObject({
      Internal: true,
      EnableIPv6: false,
      Ingress: true,
      ConfigOnly: true,
      ConfigFrom: { Network: 'base' },
      IPAM: { Driver: 'custom', Options: { a: 'b' } },
      Options: { 'com.docker.network.bridge.enable_icc': 'false', novalue: '', '': 'x' },
      Labels: { novalue: '', ' a': 'b', k: 'v=w' },
    });
  });

  it.each(['macvlan', 'ipvlan', 'overlay', 'my-plugin'])('takes driver %s', (driver) => {
    expect(parseNetworkCreate('n', { driver }).Driver).toBe(driver);
  });

  it('keeps a __proto__ label as a label', () => {
    const { Labels } = parseNetworkCreate('n', { label: ['__proto__=x'] });
    expect(Object.keys(Labels ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(Labels)).toBe(Object.prototype);
  });

  const refused: [string, NetworkCreateFlags, NetworkCreateErrorCode, string][] = [
    ['overlapping subnets', { subnet: ['10.232.0.0/16', '10.232.1.0/24'] }, 'overlapping-subnets', '10.232.1.0/24'],
    ['the same subnet twice', { subnet: ['10.232.1.0/24', '10.232.1.0/24'] }, 'overlapping-subnets', '10.232.1.0/24'],
    ['an invalid subnet', { subnet: ['10.232.1.0/33'] }, 'invalid-subnet', '10.232.1.0/33'],
    ['a subnet without length', { subnet: ['10.232.1.0'] }, 'invalid-subnet', '10.232.1.0'],
    ['a range without subnet', { ipRange: ['10.232.1.0/24'] }, 'no-matching-subnet', '10.232.1.0/24'],
    [
      'more gateways than subnets',
      { subnet: ['10.232.1.0/24'], gateway: ['10.232.1.1', '10.232.1.2'] },
      'no-matching-subnet',
      '10.232.1.2',
    ],
    [
      'more ranges than subnets',
      { subnet: ['10.232.1.0/24'], ipRange: ['10.232.1.128/25', '10.232.1.0/26'] },
      'no-matching-subnet',
      '10.232.1.0/26',
    ],
    [
      'a range outside every subnet',
      { subnet: ['10.232.1.0/24'], ipRange: ['10.232.2.0/25'] },
      'no-matching-subnet',
      '10.232.2.0/25',
    ],
    [
      'a range wider than its subnet',
      { subnet: ['10.232.1.0/24'], ipRange: ['10.232.1.0/16'] },
      'ip-range-outside-subnet',
      '10.232.1.0/16',
    ],
    ['an invalid range', { subnet: ['10.232.1.0/24'], ipRange: ['10.232.1.0'] }, 'invalid-ip-range', '10.232.1.0'],
    [
      'two ranges on one subnet',
      { subnet: ['10.232.1.0/24', '10.232.2.0/24'], driver: 'macvlan', ipRange: ['10.232.1.0/25', '10.232.1.128/25'] },
      'multiple-ip-ranges',
      '10.232.1.128/25',
    ],
    [
      'a gateway outside the subnet',
      { subnet: ['10.232.1.0/24'], gateway: ['10.232.2.1'] },
      'no-matching-subnet',
      '10.232.2.1',
    ],
    [
      'an IPv6 gateway on an IPv4 subnet',
      { subnet: ['10.232.1.0/24'], gateway: ['fd00::1'] },
      'no-matching-subnet',
      'fd00::1',
    ],
    [
      'an IPv4 range on an IPv6 subnet',
      { ipv6: true, subnet: ['fd00::/64'], ipRange: ['10.0.0.0/24'] },
      'no-matching-subnet',
      '10.0.0.0/24',
    ],
    [
      'a gateway with a length',
      { subnet: ['10.232.1.0/24'], gateway: ['10.232.1.1/24'] },
      'invalid-gateway',
      '10.232.1.1/24',
    ],
    [
      'a gateway that is no IP',
      { subnet: ['10.232.1.0/24'], gateway: ['10.232.1.300'] },
      'invalid-gateway',
      '10.232.1.300',
    ],
    [
      'the network address as gateway',
      { subnet: ['10.232.1.0/24'], gateway: ['10.232.1.0'] },
      'reserved-address',
      '10.232.1.0',
    ],
    [
      'the broadcast address as gateway',
      { subnet: ['10.232.1.0/24'], gateway: ['10.232.1.255'] },
      'reserved-address',
      '10.232.1.255',
    ],
    [
      'the IPv6 network address as gateway',
      { ipv6: true, subnet: ['fd00:5::/64'], gateway: ['fd00:5::'] },
      'reserved-address',
      'fd00:5::',
    ],
    [
      'an aux address outside the subnets',
      { subnet: ['10.232.1.0/24'], auxAddress: ['a=10.232.9.1'] },
      'no-matching-subnet',
      '10.232.9.1',
    ],
    [
      'an aux address without name=',
      { subnet: ['10.232.1.0/24'], auxAddress: ['10.232.1.4'] },
      'invalid-aux-address',
      '',
    ],
    [
      'an aux address on the gateway',
      { subnet: ['10.232.1.0/24'], gateway: ['10.232.1.1'], auxAddress: ['gw=10.232.1.1'] },
      'reserved-address',
      '10.232.1.1',
    ],
    ['an IPv6 subnet without --ipv6', { subnet: ['fd00:1::/64'] }, 'ipv6-not-enabled', 'fd00:1::/64'],
    [
      'two IPv4 subnets on a bridge',
      { subnet: ['10.232.1.0/24,10.232.4.0/24'] },
      'multiple-subnets-unsupported',
      '10.232.4.0/24',
    ],
    ['an unknown scope', { scope: 'bogus' }, 'invalid-scope', 'bogus'],
    ['a second host network', { driver: 'host' }, 'single-instance-driver', 'host'],
    ['a second none network', { driver: 'null' }, 'single-instance-driver', 'null'],
    ['a label without name', { label: ['=x'] }, 'invalid-label', '=x'],
    ['a label name with a blank', { label: ['a b=c'] }, 'invalid-label', 'a b=c'],
  ];

  it.each(refused)('refuses %s', (_, flags, code, input) => {
    expect(() => parseNetworkCreate('n', flags)).toThrowError(expect.objectContaining({ code, input }));
  });

  it('refuses two gateways on one subnet', () => {
    expect(() =>
      parseNetworkCreate('n', {
        subnet: ['10.232.1.0/24', '10.232.2.0/24'],
        driver: 'macvlan',
        gateway: ['10.232.1.1', '10.232.1.2'],
      }),
    ).toThrowError(expect.objectContaining({ code: 'multiple-gateways', input: '10.232.1.2' }));
  });

  it('refuses an empty name', () => {
    expect(() => parseNetworkCreate('')).toThrowError(expect.objectContaining({ code: 'invalid-network-name' }));
  });

  it('builds a request or throws a NetworkCreateError for any IPAM flags', () => {
    const address = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('10.0.0.0/8', '10.1.0.0/16', 'fd00::/64', 'x'));
    const cidr = fc.tuple(address, fc.integer({ min: 0, max: 130 })).map(([ip, length]) => `${ip}/${length}`);
    fc.assert(
      fc.property(
        fc.record({
          ipv6: fc.boolean(),
          subnet: fc.array(cidr, { maxLength: 3 }),
          ipRange: fc.array(cidr, { maxLength: 2 }),
          gateway: fc.array(address, { maxLength: 2 }),
          auxAddress: fc.array(
            address.map((ip) => `a=${ip}`),
            { maxLength: 2 },
          ),
          driver: fc.constantFrom('bridge', 'macvlan'),
        }),
        (flags) => {
          try {
            const { IPAM } = parseNetworkCreate('n', flags);
            expect(IPAM?.Config?.length).toBe(flags.subnet.length);
          } catch (error) {
            expect(error).toBeInstanceOf(NetworkCreateError);
          }
        },
      ),
    );
  });
});
