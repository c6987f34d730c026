// ch.5 on the real engine: user-defined bridges, ip-ranges, a second network, name resolution, none and host
// modes, publishing to loopback, `docker port`, /etc/hosts and /etc/resolv.conf. Traffic goes only to loopback and
// to the test's own networks.
import { readdirSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { useEngine } from '@berth/testkit';
import { beforeAll, it } from 'vitest';
import {
  type ContainerNetworkFlags,
  cidrContains,
  lookupPorts,
  type NetworkCreateFlags,
  parseCidr,
  parseContainerNetwork,
  parseIp,
  parseNetworkCreate,
} from './index';

const kit = await useEngine();

/** The first three octets of a random /24 in 10.200–250.x, a block no other test's network is likely to hold. */
function randomSubnetPrefix(): string {
  return `10.${200 + Math.floor(Math.random() * 51)}.${Math.floor(Math.random() * 256)}`;
}

/** Creates a network from berth's request, trying random subnets until one is free. */
async function createNetwork(
  prefix: string,
  flags: (sub: string) => NetworkCreateFlags,
): Promise<{ name: string; sub: string }> {
  for (let attempt = 0; ; attempt++) {
    const sub = randomSubnetPrefix();
    const name = kit.name(prefix);
    const request = parseNetworkCreate(name, flags(sub));
    try {
      await kit.docker.createNetwork({ ...request, Labels: { ...request.Labels, ...kit.labels } } as never);
      return { name, sub };
    } catch (error) {
      if (attempt >= 7) throw error;
    }
  }
}

/** Creates and starts a container from berth's request for the given network flags. */
async function runContainer(prefix: string, flags: ContainerNetworkFlags, image = 'busybox:1.29', cmd?: string[]) {
  const name = kit.name(prefix);
  const request = parseContainerNetwork(flags);
  const created = await kit.createViaApi({ Image: image, ...(cmd ? { Cmd: cmd } : {}), ...request }, name);
  await kit.docker.getContainer(created.Id).start();
  return name;
}

const SLEEP = ['sleep', '120'];

/** `ip -o -4 addr` → interface name → IPv4 address. */
async function ipv4Addresses(container: string): Promise<Map<string, string>> {
  const { stdout } = await kit.exec(container, ['ip', '-o', '-4', 'addr']);
  const addresses = new Map<string, string>();
  for (const match of stdout.matchAll(/^\d+:\s+(\S+)\s+inet\s+([\d.]+)\//gm)) {
    addresses.set(match[1] ?? '', match[2] ?? '');
  }
  return addresses;
}

function inRange(range: string, address: string | undefined): boolean {
  const cidr = parseCidr(range);
  const ip = parseIp(address ?? '');
  return cidr !== undefined && ip !== undefined && cidrContains(cidr, ip);
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(address)));
    });
  });
}

/** GET http://127.0.0.1:<port>/ from the host, retried while the server starts. */
async function getFromLoopback(port: number): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return await new Promise<string>((resolve, reject) => {
        const request = get({ host: '127.0.0.1', port, path: '/', timeout: 2000 }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
        request.on('timeout', () => request.destroy(new Error('timed out')));
        request.on('error', reject);
      });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

kit.describe('ch.5 networks on the engine', () => {
  let first = { name: '', sub: '' };
  let second = { name: '', sub: '' };

  beforeAll(async () => {
    // ch.5.2.1–5.2.2: two user-defined bridges, each handing out addresses from the top half of its subnet.
    const bookNetwork = (sub: string): NetworkCreateFlags => ({
      driver: 'bridge',
      label: ['project=dockerinaction', 'chapter=5'],
      attachable: true,
      scope: 'local',
      subnet: [`${sub}.0/24`],
      ipRange: [`${sub}.128/25`],
    });
    [first, second] = await Promise.all([
      createNetwork('user-network', bookNetwork),
      createNetwork('user-network2', bookNetwork),
    ]);
  });

  it.concurrent('gives a container on the user network an address from its ip-range', async ({ expect }) => {
    const explorer = await runContainer('network-explorer', { network: [first.name] }, 'busybox:1.29', SLEEP);
    const addresses = await ipv4Addresses(explorer);
    expect(addresses.get('lo')).toBe('127.0.0.1');
    expect(inRange(`${first.sub}.128/25`, addresses.get('eth0')), addresses.get('eth0')).toBe(true);
  });

  it.concurrent('has two interfaces once connected to a second network', async ({ expect }) => {
    const explorer = await runContainer('network-explorer', { network: [first.name] }, 'busybox:1.29', SLEEP);
    await kit.docker.getNetwork(second.name).connect({ Container: explorer });
    const addresses = await ipv4Addresses(explorer);
    expect([...addresses.keys()].sort()).toEqual(['eth0', 'eth1', 'lo']);
    expect(inRange(`${first.sub}.128/25`, addresses.get('eth0'))).toBe(true);
    expect(inRange(`${second.sub}.128/25`, addresses.get('eth1'))).toBe(true);
  });

  it.concurrent('resolves containers on the same user network by name', async ({ expect }) => {
    const lighthouse = await runContainer('lighthouse', { network: [second.name] }, 'busybox:1.29', SLEEP);
    const explorer = await runContainer('network-explorer', { network: [second.name] }, 'busybox:1.29', SLEEP);
    const address = (await ipv4Addresses(lighthouse)).get('eth0') ?? '';
    const lookup = await kit.exec(explorer, ['nslookup', lighthouse]);
    expect(lookup.exitCode, lookup.stdout + lookup.stderr).toBe(0);
    expect(lookup.stdout).toContain(address);
  });

  // ch.5.3
  it.concurrent('gives a --network none container only lo, and no way out', async ({ expect }) => {
    const peer = await runContainer('peer', { network: [first.name] }, 'busybox:1.29', SLEEP);
    const closed = await runContainer('closed', { network: ['none'] }, 'busybox:1.29', SLEEP);
    const { stdout } = await kit.exec(closed, ['ip', '-o', 'link']);
    expect([...stdout.matchAll(/^\d+:\s+([^:@\s]+)/gm)].map((match) => match[1])).toEqual(['lo']);
    // The only other address the test may reach: a container on its own network.
    const peerAddress = (await ipv4Addresses(peer)).get('eth0') ?? '';
    const ping = await kit.exec(closed, ['ping', '-c', '1', '-W', '1', peerAddress]);
    expect(ping.exitCode).not.toBe(0);
    expect(ping.stderr + ping.stdout).toMatch(/Network is unreachable/);
  });

  it.concurrent('shows a --network host container the host’s interfaces', async ({ expect }) => {
    const before = new Set(readdirSync('/sys/class/net'));
    const hostbox = await runContainer('hostbox', { network: ['host'] }, 'busybox:1.29', SLEEP);
    const { stdout } = await kit.exec(hostbox, ['ls', '/sys/class/net']);
    const seen = new Set(stdout.split(/\s+/).filter(Boolean));
    // Other tests add and remove veth pairs meanwhile; the interfaces there before and after must all be seen.
    const steady = [...before].filter((name) => new Set(readdirSync('/sys/class/net')).has(name));
    expect(steady.filter((name) => !seen.has(name))).toEqual([]);
    expect(steady).toContain('lo');
    expect(steady.length).toBeGreaterThan(1);
  });

  // ch.5.4
  it.concurrent('serves the web fixture on a loopback port published with -p 127.0.0.1:<port>:80', async ({
    expect,
  }) => {
    const port = await freeLoopbackPort();
    await runContainer('web', { publish: [`127.0.0.1:${port}:80`] }, 'berth-fixtures/web');
    expect(await getFromLoopback(port)).toContain('Welcome to nginx!');
  });

  it.concurrent('picks a random host port for a bare -p 80, which the port lookup finds', async ({ expect }) => {
    const web = await runContainer('web', { publish: ['80'] }, 'berth-fixtures/web');
    const { NetworkSettings } = await kit.inspect(web);
    const lines = lookupPorts(NetworkSettings.Ports);
    const all = await kit.cli(['port', web]);
    expect(lines).toEqual(all.stdout.trim().split('\n'));
    const filtered = await kit.cli(['port', web, '80/tcp']);
    expect(lookupPorts(NetworkSettings.Ports, '80/tcp')).toEqual(filtered.stdout.trim().split('\n'));
    const v4 = lookupPorts(NetworkSettings.Ports, '80').find((line) => line.startsWith('0.0.0.0:'));
    const port = Number(v4?.slice('0.0.0.0:'.length));
    expect(port).toBeGreaterThan(1023);
    expect(await getFromLoopback(port)).toContain('Welcome to nginx!');
  });

  // ch.5.5.2
  it.concurrent('writes --hostname and --add-host into /etc/hosts', async ({ expect }) => {
    const barker = await runContainer(
      'barker',
      { hostname: 'barker', addHost: ['test:10.10.10.255'] },
      'busybox:1.29',
      SLEEP,
    );
    const { stdout } = await kit.exec(barker, ['cat', '/etc/hosts']);
    expect(stdout).toMatch(/^10\.10\.10\.255\s+test$/m);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\.\d+\s+barker$/m);
    expect((await kit.exec(barker, ['hostname'])).stdout.trim()).toBe('barker');
  });

  it.concurrent('writes --dns and --dns-search into /etc/resolv.conf', async ({ expect }) => {
    const resolver = await runContainer(
      'resolver',
      { dns: ['1.1.1.1'], dnsSearch: ['docker.com'] },
      'busybox:1.29',
      SLEEP,
    );
    const { stdout } = await kit.exec(resolver, ['cat', '/etc/resolv.conf']);
    expect(stdout).toMatch(/^search docker\.com$/m);
    expect(stdout).toMatch(/^nameserver 1\.1\.1\.1$/m);
  });
});

kit.describe('network create requests compared with docker network create', () => {
  const comparable = async (name: string) => {
    const network = (await kit.docker.getNetwork(name).inspect()) as {
      Driver: string;
      Scope: string;
      EnableIPv6: boolean;
      Internal: boolean;
      Attachable: boolean;
      IPAM: { Driver: string; Options: Record<string, string> | null; Config: { Subnet: string }[] | null };
      Options: Record<string, string>;
      Labels: Record<string, string>;
    };
    return {
      ...network,
      IPAM: {
        ...network.IPAM,
        Config: [...(network.IPAM.Config ?? [])].sort((a, b) => a.Subnet.localeCompare(b.Subnet)),
      },
      Id: undefined,
      Name: undefined,
      Created: undefined,
      Containers: undefined,
    };
  };

  it.for([
    (sub: string) => [
      '--subnet',
      `${sub}.0/24`,
      '--ip-range',
      `${sub}.128/25`,
      '--gateway',
      `${sub}.1`,
      '--aux-address',
      `router=${sub}.2`,
    ],
    (sub: string) => [
      '--internal',
      '--attachable',
      '--scope',
      'local',
      '-o',
      'com.docker.network.bridge.enable_icc=false',
      '--ipam-opt',
      'a=b',
      '--subnet',
      `${sub}.0/24`,
    ],
    (sub: string) => [
      '--ipv6',
      '--subnet',
      `fd00:${sub.split('.').slice(1).join(':')}::/64`,
      '--subnet',
      `${sub}.0/24`,
      '--gateway',
      `${sub}.254`,
    ],
  ])('builds the request docker builds for %#', async (args, { expect }) => {
    const sub = randomSubnetPrefix();
    const flags = args(sub);
    const viaCli = kit.name('net-cli');
    const cli = await kit.labelledCli(['network', 'create'], [...flags, viaCli]);
    expect(cli.stderr).toBe('');
    // The same subnet cannot be held twice: compare with the CLI's network removed.
    const expected = await comparable(viaCli);
    await kit.docker.getNetwork(viaCli).remove();
    const viaApi = kit.name('net-api');
    const request = parseNetworkCreate(viaApi, readNetworkFlags(flags));
    await kit.docker.createNetwork({ ...request, Labels: { ...request.Labels, ...kit.labels } } as never);
    expect(await comparable(viaApi)).toEqual(expected);
  });
});

/** The test's own reading of a `network create` argv. */
function readNetworkFlags(args: readonly string[]): NetworkCreateFlags {
  const flags: Record<string, unknown> = {};
  const lists: Record<string, string> = {
    '--subnet': 'subnet',
    '--ip-range': 'ipRange',
    '--gateway': 'gateway',
    '--aux-address': 'auxAddress',
    '-o': 'opt',
    '--ipam-opt': 'ipamOpt',
  };
  const booleans: Record<string, string> = { '--internal': 'internal', '--attachable': 'attachable', '--ipv6': 'ipv6' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const list = lists[arg];
    const boolean = booleans[arg];
    if (boolean) flags[boolean] = true;
    else if (list) flags[list] = [...((flags[list] as string[] | undefined) ?? []), args[++i] ?? ''];
    else if (arg === '--scope') flags.scope = args[++i];
    else throw new TypeError(`unknown network create flag ${arg}`);
  }
  return flags as NetworkCreateFlags;
}
