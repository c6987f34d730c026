import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ContainerNetworkErrorCode,
  type ContainerNetworkFlags,
  NetworkError,
  type PortErrorCode,
  parseContainerNetwork,
  parseNetworkOption,
} from './index';

describe('parseNetworkOption', () => {
  it('takes a plain value as the network, whatever it is', () => {
    for (const value of ['bridge', 'my-net', 'container:web', 'name=', 'a=-']) {
      expect(parseNetworkOption(value).target).toBe(value);
    }
  });

  it('reads the advanced form, lowercased and trimmed as docker does', () => {
    expect(
      parseNetworkOption(
        'name=NXNET, alias = Foo,alias=bar,ip=10.0.42.9,ip6=FD00::9,link-local-ip=169.254.0.5,driver-opt=K=V,gw-priority=+5,mac-address=02:42:AC:11:00:99',
      ),
    ).toEqual({
      target: 'nxnet',
      aliases: ['foo', 'bar'],
      driverOpts: { k: 'v' },
      ipv4Address: '10.0.42.9',
      ipv6Address: 'fd00::9',
      linkLocalIps: ['169.254.0.5'],
      macAddress: '02:42:ac:11:00:99',
      gwPriority: 5,
    });
  });

  it('reads quoted CSV fields', () => {
    expect(parseNetworkOption('name=n,"alias=a,b","alias=say ""hi"""').aliases).toEqual(['a,b', 'say "hi"']);
  });

  it.each([
    ['alias=x', 'missing-network-name'],
    ['name=n,bogus=1', 'invalid-network-option'],
    ['name=n,alias', 'invalid-network-option'],
    ['name=n,=x', 'invalid-network-option'],
    ['name=n,alias=a"b', 'invalid-network-option'],
    ['name=n,"alias=a', 'invalid-network-option'],
    ['name=n,"alias=a"b', 'invalid-network-option'],
    ['name=n,driver-opt=x', 'invalid-network-option'],
    ['name=n,gw-priority=x', 'invalid-network-option'],
    ['name=n,gw-priority=9223372036854775808', 'invalid-network-option'],
  ])('refuses %s', (value, code) => {
    expect(() => parseNetworkOption(value)).toThrowError(expect.objectContaining({ code, input: value }));
  });
});

describe('parseContainerNetwork', () => {
  it('sends what docker sends when no network flag is given', () => {
    expect(parseContainerNetwork({})).toEqual({
      Hostname: '',
      Domainname: '',
      HostConfig: {
        NetworkMode: 'default',
        PortBindings: {},
        PublishAllPorts: false,
        Dns: [],
        DnsSearch: [],
        DnsOptions: [],
      },
      NetworkingConfig: { EndpointsConfig: { default: {} } },
    });
  });

  // ch.5.4, ch.5.5.2
  it('gathers ports, DNS, host entries and names', () => {
    const request = parseContainerNetwork({
      publish: ['8080:80', '53/udp'],
      expose: ['80', '90-91'],
      publishAll: true,
      hostname: 'barker',
      domainname: 'example.com',
      dns: ['1.1.1.1', '2001:DB8::1'],
      dnsSearch: ['docker.com.'],
      dnsOption: ['ndots:2'],
      addHost: ['test:10.10.10.255', 'gw=host-gateway'],
    });
    expect(request).toMatchObject({
      Hostname: 'barker',
      Domainname: 'example.com',
      ExposedPorts: { '80/tcp': {}, '53/udp': {}, '90/tcp': {}, '91/tcp': {} },
      HostConfig: {
        PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }], '53/udp': [{ HostIp: '', HostPort: '' }] },
        PublishAllPorts: true,
        Dns: ['1.1.1.1', '2001:db8::1'],
        DnsSearch: ['docker.com'],
        DnsOptions: ['ndots:2'],
        ExtraHosts: ['test:10.10.10.255', 'gw:host-gateway'],
      },
    });
  });

  it('sends no endpoint for a single network without options', () => {
    for (const network of ['bridge', 'host', 'none', 'my-net', 'container:web']) {
      const request = parseContainerNetwork({ network: [network] });
      expect(request.HostConfig.NetworkMode).toBe(network);
      expect(request.NetworkingConfig.EndpointsConfig).toEqual({});
    }
  });

  it('puts aliases, fixed IPs and links on the first user-defined network', () => {
    const request = parseContainerNetwork({
      network: ['user-network'],
      networkAlias: ['foo', 'bar'],
      ip: '10.0.42.9',
      ip6: 'fd00::9',
      linkLocalIp: ['169.254.0.6'],
      link: ['web:insideweb'],
    });
    expect(request.HostConfig.Links).toEqual(['web:insideweb']);
    expect(request.NetworkingConfig.EndpointsConfig).toEqual({
      'user-network': {
        Aliases: ['foo', 'bar'],
        Links: ['web:insideweb'],
        IPAMConfig: { IPv4Address: '10.0.42.9', IPv6Address: 'fd00::9', LinkLocalIPs: ['169.254.0.6'] },
      },
    });
  });

  // ch.2: on the default bridge a link is a legacy link only.
  it('keeps links off the endpoint of the default bridge', () => {
    const request = parseContainerNetwork({ link: ['web:insideweb', 'mailer'] });
    expect(request.HostConfig.Links).toEqual(['web:insideweb', 'mailer']);
    expect(request.NetworkingConfig.EndpointsConfig).toEqual({ default: {} });
  });

  it('lets the advanced --network form set the endpoint', () => {
    const request = parseContainerNetwork({ network: ['name=user-network,alias=x,ip=10.0.42.10,driver-opt=a=b'] });
    expect(request.NetworkingConfig.EndpointsConfig).toEqual({
      'user-network': { Aliases: ['x'], DriverOpts: { a: 'b' }, IPAMConfig: { IPv4Address: '10.0.42.10' } },
    });
  });

  it('joins several networks when the engine can, the container-wide flags going to the first', () => {
    const request = parseContainerNetwork({ network: ['a', 'name=b,alias=y'], networkAlias: ['x'] });
    expect(request.HostConfig.NetworkMode).toBe('a');
    expect(request.NetworkingConfig.EndpointsConfig).toEqual({ a: { Aliases: ['x'] }, b: { Aliases: ['y'] } });
  });

  it('copies the MAC address of the main network into Config, for engines from API 1.44', () => {
    const request = parseContainerNetwork(
      { network: ['user-network'], macAddress: '02:42:ac:11:00:99' },
      { apiVersion: '1.44' },
    );
    expect(request.MacAddress).toBe('02:42:ac:11:00:99');
    expect(request.NetworkingConfig.EndpointsConfig).toEqual({ 'user-network': { MacAddress: '02:42:ac:11:00:99' } });
  });

  it('sends a gateway priority to engines from API 1.48', () => {
    const request = parseContainerNetwork({ network: ['name=n,gw-priority=-3'] }, { apiVersion: '1.48' });
    expect(request.NetworkingConfig.EndpointsConfig).toEqual({ n: { GwPriority: -3 } });
  });

  it('refuses a MAC address and a gateway priority one API version before the gated-field table allows them', () => {
    expect(() =>
      parseContainerNetwork({ network: ['n'], macAddress: '02:42:ac:11:00:99' }, { apiVersion: '1.43' }),
    ).toThrowError(expect.objectContaining({ code: 'requires-newer-api', input: '02:42:ac:11:00:99' }));
    expect(() => parseContainerNetwork({ network: ['name=n,gw-priority=2'] }, { apiVersion: '1.47' })).toThrowError(
      expect.objectContaining({ code: 'requires-newer-api', input: '2' }),
    );
  });

  const refused: [string, ContainerNetworkFlags, ContainerNetworkErrorCode | PortErrorCode, string][] = [
    ['an empty network', { network: [''] }, 'missing-network-name', ''],
    ['a blank network', { network: [' '] }, 'missing-network-name', ' '],
    ['an alias on the default network', { networkAlias: ['foo'] }, 'alias-on-default-network', 'foo'],
    ['an alias on bridge', { network: ['bridge'], networkAlias: ['foo'] }, 'alias-on-default-network', 'foo'],
    ['an alias on none', { network: ['none'], networkAlias: ['foo'] }, 'alias-on-default-network', 'foo'],
    ['an alias on container:x', { network: ['name=container:web,alias=a'] }, 'alias-on-default-network', 'a'],
    ['user-defined and bridge together', { network: ['my-net', 'bridge'] }, 'mixed-network-modes', 'bridge'],
    ['bridge and user-defined together', { network: ['bridge', 'host', 'my-net'] }, 'mixed-network-modes', 'my-net'],
    ['one network twice', { network: ['my-net', 'my-net'] }, 'duplicate-network', 'my-net'],
    ['two networks on API 1.41', { network: ['a', 'b'] }, 'requires-newer-api', 'b'],
    [
      '--network-alias with a per-network alias',
      { network: ['name=n,alias=y'], networkAlias: ['x'] },
      'conflicting-network-options',
      'x',
    ],
    [
      '--ip with a per-network ip',
      { network: ['name=n,ip=10.0.0.2'], ip: '10.0.0.3' },
      'conflicting-network-options',
      '10.0.0.3',
    ],
    [
      '--ip6 with a per-network ip6',
      { network: ['name=n,ip6=fd00::2'], ip6: 'fd00::3' },
      'conflicting-network-options',
      'fd00::3',
    ],
    [
      '--link-local-ip with a per-network one',
      { network: ['name=n,link-local-ip=169.254.0.5'], linkLocalIp: ['169.254.0.6'] },
      'conflicting-network-options',
      '169.254.0.6',
    ],
    [
      '--mac-address with a per-network one',
      { network: ['name=n,mac-address=02:42:ac:11:00:98'], macAddress: '02:42:ac:11:00:99' },
      'conflicting-network-options',
      '02:42:ac:11:00:99',
    ],
    ['an invalid MAC address', { macAddress: '02:42:ac:11:00' }, 'invalid-mac-address', '02:42:ac:11:00'],
    [
      'a MAC address on API 1.41',
      { network: ['n'], macAddress: '02:42:ac:11:00:99' },
      'requires-newer-api',
      '02:42:ac:11:00:99',
    ],
    ['a gateway priority on API 1.41', { network: ['name=n,gw-priority=1'] }, 'requires-newer-api', '1'],
    ['--ip on the default network', { ip: '172.17.0.99' }, 'ip-on-default-network', '172.17.0.99'],
    ['--ip on bridge', { network: ['bridge'], ip: '172.17.0.99' }, 'ip-on-default-network', '172.17.0.99'],
    ['--ip on host', { network: ['host'], ip: '172.17.0.99' }, 'ip-on-default-network', '172.17.0.99'],
    ['--ip6 on none', { network: ['none'], ip6: 'fd00::9' }, 'ip-on-default-network', 'fd00::9'],
    ['an --ip that is no IPv4 address', { network: ['n'], ip: '1.2.3' }, 'invalid-ip-address', '1.2.3'],
    ['an IPv6 --ip', { network: ['n'], ip: 'fd00::9' }, 'invalid-ip-address', 'fd00::9'],
    ['an IPv4 --ip6', { network: ['n'], ip6: '1.2.3.4' }, 'invalid-ip-address', '1.2.3.4'],
    ['an invalid --link-local-ip', { network: ['n'], linkLocalIp: ['bogus'] }, 'invalid-ip-address', 'bogus'],
    ['container: without a container', { network: ['container:'] }, 'invalid-network-mode', 'container:'],
    ['container without a colon', { network: ['container'] }, 'invalid-network-mode', 'container'],
    ['--hostname with container:x', { network: ['container:web'], hostname: 'x' }, 'network-mode-conflict', 'x'],
    ['-p with container:x', { network: ['container:web'], publish: ['80'] }, 'network-mode-conflict', '80/tcp'],
    ['-P with container:x', { network: ['container:web'], publishAll: true }, 'network-mode-conflict', '-P'],
    ['--expose with container:x', { network: ['container:web'], expose: ['80'] }, 'network-mode-conflict', '80/tcp'],
    ['--dns with container:x', { network: ['container:web'], dns: ['1.1.1.1'] }, 'network-mode-conflict', '1.1.1.1'],
    [
      '--add-host with container:x',
      { network: ['container:web'], addHost: ['a:1.1.1.1'] },
      'network-mode-conflict',
      'a:1.1.1.1',
    ],
    ['--link with container:x', { network: ['container:web'], link: ['web'] }, 'network-mode-conflict', 'web'],
    ['--link with host', { network: ['host'], link: ['web'] }, 'network-mode-conflict', 'web'],
    [
      '--mac-address with host (per network, before API 1.44)',
      { network: ['host'], macAddress: '02:42:ac:11:00:99' },
      'requires-newer-api',
      '02:42:ac:11:00:99',
    ],
    [
      '--mac-address with container:x (per network, before API 1.44)',
      { network: ['container:web'], macAddress: '02:42:ac:11:00:99' },
      'requires-newer-api',
      '02:42:ac:11:00:99',
    ],
    ['a bad --link', { link: ['a:b:c'] }, 'invalid-link', 'a:b:c'],
    ['a bad --dns', { dns: ['example.com'] }, 'invalid-dns-server', 'example.com'],
    ['a bad --dns-search', { dnsSearch: ['-bad.com'] }, 'invalid-dns-search', '-bad.com'],
    ['a bad --add-host', { addHost: ['a=localhost'] }, 'invalid-extra-host', 'a=localhost'],
    ['a bad -p', { publish: ['80/icmp'] }, 'invalid-protocol', '80/icmp'],
    ['a bad --expose', { expose: ['80:90'] }, 'invalid-expose', '80:90'],
  ];

  it.each(refused)('refuses %s', (_, flags, code, input) => {
    expect(() => parseContainerNetwork(flags, { apiVersion: '1.41' })).toThrowError(
      expect.objectContaining({ code, input }),
    );
  });

  it('returns a request or throws a NetworkError for any flags', () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'bridge',
        'host',
        'none',
        'container:web',
        'net',
        'name=net,alias=a',
        '10.0.0.1',
        'fd00::1',
        'web:alias',
      ),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            network: fc.array(value, { maxLength: 2 }),
            networkAlias: fc.array(value, { maxLength: 2 }),
            ip: value,
            ip6: value,
            link: fc.array(value, { maxLength: 2 }),
            hostname: value,
            dns: fc.array(value, { maxLength: 2 }),
            dnsSearch: fc.array(value, { maxLength: 2 }),
            addHost: fc.array(value, { maxLength: 2 }),
            publish: fc.array(value, { maxLength: 2 }),
            expose: fc.array(value, { maxLength: 2 }),
            publishAll: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom(undefined, '1.41', '1.48'),
        (flags, apiVersion) => {
          try {
            const request = parseContainerNetwork(flags, apiVersion ? { apiVersion } : {});
            expect(typeof request.HostConfig.NetworkMode).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(NetworkError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
