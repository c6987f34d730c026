// Conformance: for each command line, docker CLI 28's container and the one made from parseContainerNetwork's
// request must inspect the same on this engine; what docker refuses, berth refuses with a typed error naming the
// offending value.
import { comparableInspect, comparableRequest, overBaseline, useEngine } from '@berth/testkit';
import type { ContainerCreateRequest, ContainerInspect } from '@berth/types';
import { beforeAll, expect, it } from 'vitest';
import { type ContainerNetworkFlags, NetworkError, type NetworkErrorCode, parseContainerNetwork } from './index';

const kit = await useEngine();
const IMAGE = 'busybox:1.29';

type ListFlag = Exclude<
  {
    [K in keyof ContainerNetworkFlags]-?: ContainerNetworkFlags[K] extends readonly string[] | undefined ? K : never;
  }[keyof ContainerNetworkFlags],
  undefined
>;
const LIST_FLAGS: Record<string, ListFlag> = {
  '-p': 'publish',
  '--publish': 'publish',
  '--expose': 'expose',
  '--network': 'network',
  '--net': 'network',
  '--network-alias': 'networkAlias',
  '--net-alias': 'networkAlias',
  '--link-local-ip': 'linkLocalIp',
  '--link': 'link',
  '--dns': 'dns',
  '--dns-search': 'dnsSearch',
  '--dns-option': 'dnsOption',
  '--dns-opt': 'dnsOption',
  '--add-host': 'addHost',
};
const STRING_FLAGS: Record<string, 'ip' | 'ip6' | 'macAddress' | 'hostname' | 'domainname'> = {
  '--ip': 'ip',
  '--ip6': 'ip6',
  '--mac-address': 'macAddress',
  '-h': 'hostname',
  '--hostname': 'hostname',
  '--domainname': 'domainname',
};

/** The test's own reading of a docker argv into the flags object (every flag here takes its value as the next word). */
function toFlags(args: readonly string[]): ContainerNetworkFlags {
  const flags: ContainerNetworkFlags & Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-P' || arg === '--publish-all') {
      flags.publishAll = true;
      continue;
    }
    const value = args[++i] ?? '';
    const list = LIST_FLAGS[arg];
    const single = STRING_FLAGS[arg];
    if (list) flags[list] = [...(flags[list] ?? []), value];
    else if (single) flags[single] = value;
    else throw new TypeError(`the conformance table uses an unknown flag ${arg}`);
  }
  return flags;
}

/** Accepted by docker at create time: the inspect of both containers must match. */
const accepted: string[][] = [
  // ch.5.4 publishing
  ['-p', '80'],
  ['-p', '8080:80'],
  ['-p', '0.0.0.0:8080:8080/tcp'],
  ['-p', '8080:8080/tcp'],
  ['-p', '8088:8080/udp'],
  ['-p', '127.0.0.1:8080:8080/tcp', '-p', '127.0.0.1:3000:3000/tcp'],
  ['-p', '127.0.0.1::5000'],
  ['-p', '[::1]:8080:80'],
  ['-p', '[::1]::80/udp'],
  ['-p', ':::80:80'],
  ['-p', '::1:8080:80'],
  ['-p', '[]:80:80'],
  ['-p', '8000-8010:80'],
  ['-p', '8000-8001:80-81'],
  ['-p', '80-82'],
  ['-p', '127.0.0.1::80-81/udp'],
  ['-p', '1-2-3:80'],
  ['-p', '0080:080'],
  ['-p', '0:80'],
  ['-p', '80/TCP'],
  ['-p', '80/sctp'],
  ['-p', '80/udp/ignored'],
  ['-p', 'published=8080,target=80'],
  ['-p', 'target=80'],
  ['-p', 'published=8080,target=80,protocol=udp,mode=host'],
  ['-p', 'published=8080,target=80,bogus=1'],
  ['-p', 'published=127.0.0.1:8080,target=80'],
  ['-p', '80', '-p', '8080:80', '--publish', '127.0.0.1:8081:80'],
  ['-P', '--expose', '80'],
  ['--publish-all'],
  // exposing
  ['--expose', '80'],
  ['--expose', '90-92/udp'],
  ['--expose', '80/xyz'],
  ['--expose', '80/TCP'],
  ['--expose', '80/tcp/x'],
  ['--expose', '1-2-3'],
  ['--expose', '80', '-p', '8080:80'],
  // ch.5.5.2 DNS
  ['--dns', '1.1.1.1'],
  ['--dns', '1.1.1.1', '--dns', '8.8.8.8'],
  ['--dns', '::ffff:1.2.3.4', '--dns', '2001:DB8:0:0::1'],
  ['--dns', ' 8.8.8.8'],
  ['--dns-search', 'docker.com'],
  ['--dns-search', 'docker.com.', '--dns-search', '.'],
  ['--dns-search', 'a.b '],
  ['--dns-search', ':a'],
  ['--dns-search', 'dev.mycompany', '--dns-search', 'myothercompany'],
  ['--dns-option', 'ndots:2', '--dns-option', 'anything at all'],
  ['--dns-opt', 'timeout:1'],
  ['--dns', '1.1.1.1', '--dns-search', 'docker.com'],
  // host entries and names
  ['--add-host', 'test:10.10.10.255'],
  ['--add-host', 'a=1.2.3.4', '--add-host', 'b=::1', '--add-host', 'c:[::2]'],
  ['--add-host', 'd=host-gateway'],
  ['--add-host', 'e: 1.2.3.4'],
  ['--add-host', 'f=[1.2.3.4]'],
  ['--hostname', 'barker'],
  ['--hostname', 'barker', '--domainname', 'example.com'],
  ['-h', 'mycontainer', '--add-host', 'docker.com:127.0.0.1', '--add-host', 'test:10.10.10.2'],
  // ch.5.2–5.3 network modes
  ['--network', 'bridge'],
  ['--network', 'host'],
  ['--network', 'none'],
  ['--network', 'none', '--dns', '1.1.1.1'],
  ['--network', 'host', '-p', '80'],
  ['--network', 'host', '--hostname', 'hostbox'],
  ['--network', '$NET'],
  ['--net', '$NET'],
  ['--network', 'container:$TARGET'],
  ['--network', '$MISSING'],
  ['--network', 'name='],
  ['--network', '$NET', '--network-alias', 'foo', '--network-alias', 'bar'],
  ['--network', '$NET', '--net-alias', 'foo'],
  ['--network', '$NET', '--ip', '$SUB.9'],
  ['--network', '$NET', '--ip', '$SUB.10', '--network-alias', 'x', '--link', '$TARGET:tt'],
  ['--network', 'name=$NET,alias=x,ip=$SUB.11'],
  ['--network', 'name=$NET,driver-opt=a=b'],
  ['--network', 'name=$NET,"alias=a,b"'],
  ['--network', 'name=$NET,ALIAS=Upper'],
  ['--network', '$NET', '--link-local-ip', '169.254.0.6'],
  ['--network', '$NET', '--ip6', 'fd00::9'],
  ['--network', '$NET', '--dns', '1.1.1.1', '--add-host', 'x:10.0.0.1', '-p', '80'],
  // ch.2 links on the default bridge
  ['--link', '$TARGET'],
  ['--link', '$TARGET:insideweb'],
];

/** Refused by docker: the error berth throws and the value it names. `run` marks a refusal only at start. */
const refused: [args: string[], code: NetworkErrorCode, input: string, at?: 'run'][] = [
  [['-p', 'localhost:80:80'], 'invalid-host-ip', 'localhost:80:80'],
  [['-p', '[::1:80:80'], 'invalid-host-ip', '[::1:80:80'],
  [['-p', '80/icmp'], 'invalid-protocol', '80/icmp'],
  [['-p', '70000'], 'invalid-container-port', '70000'],
  [['-p', '80-79'], 'invalid-container-port', '80-79'],
  [['-p', '70000:80'], 'invalid-host-port', '70000:80'],
  [['-p', '8000-8002:9000-9003'], 'port-range-mismatch', '8000-8002:9000-9003'],
  [['-p', '8000:80-81'], 'port-range-mismatch', '8000:80-81'],
  [['-p', 'published=8080,target'], 'invalid-publish-option', 'published=8080,target'],
  [['-p', ''], 'missing-container-port', ''],
  [['-p', '80:'], 'missing-container-port', '80:'],
  [['--expose', '80:90'], 'invalid-expose', '80:90'],
  [['--expose', '80-'], 'invalid-expose', '80-'],
  [['--expose', ''], 'invalid-expose', ''],
  [['--dns', 'example.com'], 'invalid-dns-server', 'example.com'],
  [['--dns', '01.1.1.1'], 'invalid-dns-server', '01.1.1.1'],
  [['--dns-search', '123'], 'invalid-dns-search', '123'],
  [['--dns-search', '-bad.com'], 'invalid-dns-search', '-bad.com'],
  [['--dns-search', 'a_b.com'], 'invalid-dns-search', 'a_b.com'],
  [['--add-host', 'a'], 'invalid-extra-host', 'a'],
  [['--add-host', ':1.2.3.4'], 'invalid-extra-host', ':1.2.3.4'],
  [['--add-host', 'a:b:1.2.3.4'], 'invalid-extra-host', 'a:b:1.2.3.4'],
  [['--add-host', 'a=localhost'], 'invalid-extra-host', 'a=localhost'],
  [['--link', '$TARGET:a:b'], 'invalid-link', '$TARGET:a:b'],
  [['--link', ''], 'invalid-link', ''],
  [['--network', ''], 'missing-network-name', ''],
  [['--network', 'alias=x'], 'missing-network-name', 'alias=x'],
  [['--network', 'name=$NET,bogus=1'], 'invalid-network-option', 'name=$NET,bogus=1'],
  [['--network', 'name=$NET,gw-priority=x'], 'invalid-network-option', 'name=$NET,gw-priority=x'],
  [['--network-alias', 'foo'], 'alias-on-default-network', 'foo'],
  [['--network', 'bridge', '--network-alias', 'foo'], 'alias-on-default-network', 'foo'],
  [['--network', 'none', '--network-alias', 'foo'], 'alias-on-default-network', 'foo'],
  [['--network', '$NET', '--network', 'bridge'], 'mixed-network-modes', 'bridge'],
  [['--network', '$NET', '--network', '$NET'], 'duplicate-network', '$NET'],
  [['--network', '$NET', '--network', '$MISSING'], 'requires-newer-api', '$MISSING'],
  [['--network', 'name=$NET,alias=y', '--network-alias', 'x'], 'conflicting-network-options', 'x'],
  [['--mac-address', '02:42:ac:11:00:99'], 'requires-newer-api', '02:42:ac:11:00:99'],
  [['--network', 'host', '--mac-address', '02:42:ac:11:00:99'], 'requires-newer-api', '02:42:ac:11:00:99'],
  [['--network', 'container:$TARGET', '--mac-address', '02:42:ac:11:00:99'], 'requires-newer-api', '02:42:ac:11:00:99'],
  [['--network', '$NET', '--ip', '1.2.3'], 'invalid-ip-address', '1.2.3'],
  [['--network', '$NET', '--ip6', '1.2.3.4'], 'invalid-ip-address', '1.2.3.4'],
  [['--network', 'container:'], 'invalid-network-mode', 'container:'],
  [['--network', 'container'], 'invalid-network-mode', 'container'],
  [['--network', 'container:$TARGET', '--hostname', 'x'], 'network-mode-conflict', 'x'],
  [['--network', 'container:$TARGET', '-p', '80'], 'network-mode-conflict', '80/tcp'],
  [['--network', 'container:$TARGET', '-P'], 'network-mode-conflict', '-P'],
  [['--network', 'container:$TARGET', '--expose', '80'], 'network-mode-conflict', '80/tcp'],
  [['--network', 'container:$TARGET', '--dns', '1.1.1.1'], 'network-mode-conflict', '1.1.1.1'],
  [['--network', 'container:$TARGET', '--add-host', 'a:1.1.1.1'], 'network-mode-conflict', 'a:1.1.1.1'],
  [['--network', 'container:$TARGET', '--link', '$TARGET'], 'network-mode-conflict', '$TARGET'],
  [['--network', 'host', '--link', '$TARGET'], 'network-mode-conflict', '$TARGET'],
  [['--ip', '172.17.0.99'], 'ip-on-default-network', '172.17.0.99', 'run'],
  [['--network', 'bridge', '--ip', '172.17.0.99'], 'ip-on-default-network', '172.17.0.99', 'run'],
  [['--network', 'none', '--ip', '172.17.0.99'], 'ip-on-default-network', '172.17.0.99', 'run'],
  [['--network', '$NET', '--link-local-ip', 'bogus'], 'invalid-ip-address', 'bogus', 'run'],
];

const env = { NET: '', SUB: '', TARGET: '', MISSING: kit.name('no-such-net') };
let apiVersion = '';

function fill(text: string): string {
  return text.replace(/\$(NET|SUB|TARGET|MISSING)/g, (_, key: keyof typeof env) => env[key]);
}

/** The fields the network flags decide, with a default-bridge link's own-name part masked. */
function networkPart(inspect: ContainerInspect) {
  const { Config, HostConfig, Networks } = comparableInspect(inspect);
  return {
    ExposedPorts: Config.ExposedPorts,
    Hostname: Config.Hostname,
    Domainname: Config.Domainname,
    MacAddress: Config.MacAddress,
    NetworkMode: HostConfig.NetworkMode,
    PortBindings: HostConfig.PortBindings,
    PublishAllPorts: HostConfig.PublishAllPorts,
    Dns: HostConfig.Dns,
    DnsSearch: HostConfig.DnsSearch,
    DnsOptions: HostConfig.DnsOptions,
    ExtraHosts: HostConfig.ExtraHosts,
    Links: HostConfig.Links?.map((link) => link.replace(`:${inspect.Name}/`, ':/<self>/')),
    Networks,
  };
}

kit.describe('docker CLI conformance of the network flags', () => {
  // what the docker CLI sends for a bare `docker create IMAGE`: each parsed request is laid over it
  let baseline: ContainerCreateRequest = {};
  beforeAll(async () => {
    baseline = (await kit.createViaCliRecorded([IMAGE])).request;
    apiVersion = (await kit.docker.version()).ApiVersion;
    env.TARGET = kit.name('net-target');
    const target = await kit.labelledCli(['create', '--name', env.TARGET], [IMAGE]);
    expect(target.stderr).toBe('');
    // A /24 in 10.200–250.x that no other network holds.
    for (let attempt = 0; attempt < 8 && env.NET === ''; attempt++) {
      const sub = `10.${200 + Math.floor(Math.random() * 51)}.${Math.floor(Math.random() * 256)}`;
      const name = kit.name('net-conf');
      const created = await kit.labelledCli(['network', 'create'], ['--subnet', `${sub}.0/24`, name]);
      if (created.exitCode === 0) Object.assign(env, { NET: name, SUB: sub });
    }
    expect(env.NET).not.toBe('');
  });

  it('covers at least 80 inputs', () => {
    expect(accepted.length + refused.length).toBeGreaterThanOrEqual(80);
  });

  it.concurrent.for(accepted.map((args) => [args.join(' '), args] as const))('%s', async ([, template], { expect }) => {
    const args = template.map(fill);
    const request = parseContainerNetwork(toFlags(args), { apiVersion });
    const [viaCli, viaApi] = await Promise.all([
      kit.createViaCliRecorded([...args, IMAGE]),
      kit.createViaApi({ Image: IMAGE, ...request }),
    ]);
    expect(networkPart(viaApi)).toEqual(networkPart(viaCli.inspect));
    // and the request itself, field for field, as the docker CLI sent it
    expect(comparableRequest(overBaseline(baseline, request))).toEqual(comparableRequest(viaCli.request));
  });

  it.concurrent.for(refused.map(([args, ...rest]) => [args.join(' '), args, ...rest] as const))(
    'refuses %s',
    async ([, template, code, input, at], { expect }) => {
      const args = template.map(fill);
      // docker exits 125 for what it refuses itself or at start, 1 for what the engine refuses at create.
      const docker =
        at === 'run'
          ? await kit.labelledCli(['run', '--rm'], [...args, IMAGE, 'true'])
          : await kit.labelledCli(['create'], [...args, IMAGE]);
      expect(at === 'run' ? [125] : [1, 125], docker.stdout).toContain(docker.exitCode);
      expect(docker.stderr).not.toBe('');
      let thrown: unknown;
      try {
        parseContainerNetwork(toFlags(args), { apiVersion });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(NetworkError);
      expect(thrown).toMatchObject({ code, input: fill(input) });
    },
  );
});
