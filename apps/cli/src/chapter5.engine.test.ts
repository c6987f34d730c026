// Book ch. 5 (single-host networking), each scenario through the berth executable, and the network and port
// commands' output compared line by line with docker's for the same state. Traffic stays on loopback and between
// this file's own containers on this file's own networks, whose subnets are checked free first.
import { networkInterfaces } from 'node:os';
import { dockerCli, recordRequests, useEngine } from '@berth/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { berthCli } from './testing/berth-binary';
import { labelsInOrder, labelWords, PairedParity, succeeds } from './testing/paired-parity';

const kit = await useEngine();
const lines = new PairedParity();
const labels = labelWords(kit);
const scope = `label=berth.test.scope=${kit.labels['berth.test.scope']}`;
const taken = new Set<string>();

/** A /24 in 10.213–215.x.0 that no network on the engine holds or overlaps, nor one this file already took. */
async function freeSubnetPrefix(): Promise<string> {
  const networks = await kit.docker.listNetworks();
  const used = networks.flatMap((network) => (network.IPAM?.Config ?? []).map((config) => config.Subnet ?? ''));
  const overlaps = (prefix: string) =>
    used.some((subnet) => {
      const [base = '', bits = '32'] = subnet.split('/');
      const octets = base.split('.').map(Number);
      const mine = prefix.split('.').map(Number);
      if (Number(bits) >= 24) return octets.slice(0, 3).join('.') === prefix;
      const keep = Math.floor(Number(bits) / 8);
      return octets.slice(0, keep).join('.') === mine.slice(0, keep).join('.');
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    const prefix = `10.${213 + Math.floor(Math.random() * 3)}.${Math.floor(Math.random() * 256)}`;
    if (!taken.has(prefix) && !overlaps(prefix)) {
      taken.add(prefix);
      return prefix;
    }
  }
  throw new Error('no free 10.213-215.x.0/24 subnet');
}

/** The book's network: a bridge with labels, attachable, local scope, a /24 subnet and the upper half as ip-range. */
async function bookNetwork(via: 'berth' | 'docker', name: string): Promise<string> {
  const prefix = await freeSubnetPrefix();
  const args = [
    'network',
    'create',
    '--driver',
    'bridge',
    '--label',
    'project=dockerinaction',
    '--label',
    'chapter=5',
    '--attachable',
    '--scope',
    'local',
    '--subnet',
    `${prefix}.0/24`,
    '--ip-range',
    `${prefix}.128/25`,
    ...labels,
    name,
  ];
  const result = via === 'berth' ? await berthCli(args) : await kit.cli(args);
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(/^[0-9a-f]{64}\n$/);
  return prefix;
}

afterAll(() => {
  console.info(`chapter 5: ${lines.compared} command lines compared with docker`);
});

kit.describe('ch.5.2 user-defined bridge networks', () => {
  const first = kit.name('user-network');
  const second = kit.name('user-network2');
  const explorer = kit.name('network-explorer');
  const lighthouse = kit.name('lighthouse');
  let firstPrefix: string;
  let secondPrefix: string;

  beforeAll(async () => {
    firstPrefix = await bookNetwork('berth', first);
    secondPrefix = await bookNetwork('berth', second);
  }, 60_000);

  it('lists and inspects the networks as docker does', async () => {
    await lines.same(['network', 'ls', '--filter', scope]);
    await lines.same(['network', 'list', '--no-trunc', '--filter', scope]);
    await lines.same(['network', 'ls', '-q', '--filter', scope]);
    await lines.same(['network', 'ls', '--format', 'json', '--filter', 'label=chapter=5', '--filter', scope], {
      normalize: labelsInOrder,
    });
    await lines.same(['network', 'ls', '--format', 'raw', '--filter', scope]);
    await lines.same([
      'network',
      'ls',
      '--format',
      '{{.Name}} {{.Label "project"}} {{.IPv6}} {{.Internal}}',
      '-f',
      scope,
    ]);
    await lines.same(['network', 'ls', '-f', 'driver=bridge', '-f', 'type=custom', '-f', `name=${first}`]);
    await lines.same(['network', 'ls', '-f', 'dangling=true', '-f', scope]);
    await lines.same(['network', 'ls', '-f', 'type=builtin']);
    await lines.same(['network', 'ls', '-f', 'driver']);
    await lines.same(['network', 'inspect', first]);
    await lines.same(['network', 'inspect', first, second, 'no-such-network']);
    await lines.same(['network', 'inspect', '-f', '{{json .IPAM.Config}} {{.Attachable}} {{.Scope}}', first]);
    await lines.same(['network', 'inspect', '-f', 'json', second]);
    await lines.same(['network', 'inspect', '-v', '-f', '{{.Name}} {{len .Containers}}', first]);
    await lines.same(['network', 'create', first]);
  });

  it('gives a container an address from the ip-range, and one more interface on connect', async () => {
    await succeeds(['run', '-d', '--network', first, '--name', explorer, ...labels, 'busybox:1.29', 'sleep', '600']);
    const addresses = async () => succeeds(['exec', explorer, 'ip', '-f', 'inet', '-4', '-o', 'addr']);
    const before = await addresses();
    expect(before).toMatch(/lo\s+inet 127\.0\.0\.1\/8/);
    const eth0 = new RegExp(`eth0\\s+inet ${firstPrefix.replaceAll('.', '\\.')}\\.(\\d+)/24`).exec(before);
    expect(Number(eth0?.[1])).toBeGreaterThanOrEqual(128);
    expect(await succeeds(['network', 'connect', second, explorer])).toBe('');
    const eth1 = new RegExp(`eth1\\s+inet ${secondPrefix.replaceAll('.', '\\.')}\\.(\\d+)/24`).exec(await addresses());
    expect(Number(eth1?.[1])).toBeGreaterThanOrEqual(128);
    // connecting again, or to what is not there, changes nothing: both CLIs get the daemon's refusal
    await lines.same(['network', 'connect', second, explorer]);
    await lines.same(['network', 'connect', 'no-such-network', explorer]);
    await lines.same(['network', 'connect', '--driver-opt', 'novalue', second, explorer]);
    await lines.same(['network', 'inspect', '-f', '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}', second]);
    await lines.same(['network', 'ls', '--filter', scope]);
  });

  it('finds containers by name on a user network, and not on the default bridge', async () => {
    await succeeds(['run', '-d', '--network', second, '--name', lighthouse, ...labels, 'busybox:1.29', 'sleep', '600']);
    const found = await succeeds(['exec', explorer, 'ping', '-c', '1', '-W', '2', lighthouse]);
    expect(found).toMatch(new RegExp(`PING ${lighthouse} \\(${secondPrefix.replaceAll('.', '\\.')}\\.\\d+\\)`));
    expect(await succeeds(['exec', explorer, 'cat', '/etc/resolv.conf'])).toContain('nameserver 127.0.0.11');
    // the default bridge has no embedded DNS server: no name of another container is known there
    const bridged = await succeeds([
      'run',
      '--rm',
      ...labels,
      'busybox:1.29',
      'sh',
      '-c',
      'cat /etc/resolv.conf /etc/hosts',
    ]);
    expect(bridged).not.toContain('127.0.0.11');
    expect(bridged).not.toContain(lighthouse);
  });

  it('disconnects and removes as docker does, refusing a network in use', async () => {
    await lines.same(['network', 'rm', second]);
    await lines.same(['network', 'rm', 'no-such-network']);
    await lines.same(['network', 'rm', '-f', 'no-such-network']);
    await lines.same(['network', 'disconnect', second, 'no-such-container']);
    expect(await succeeds(['network', 'disconnect', '--force', second, explorer])).toBe('');
    expect(await succeeds(['network', 'disconnect', second, lighthouse])).toBe('');
    expect(await succeeds(['network', 'rm', second])).toBe(`${second}\n`);
    await lines.same(['network', 'disconnect', first, lighthouse]);
  });

  it('prunes unused networks by label after the prompt, or with -f', async () => {
    const ofDocker = kit.name('prune-d');
    const ofBerth = kit.name('prune-b');
    await kit.cli(['network', 'create', ...labels, '--label', 'set=d', ofDocker]);
    await succeeds(['network', 'create', ...labels, '--label', 'set=b', ofBerth]);
    const alike = (text: string) => text.replaceAll(ofDocker, '<network>').replaceAll(ofBerth, '<network>');
    const prune = (set: string, extra: readonly string[]) => [
      'network',
      'prune',
      '--filter',
      `label=set=${set}`,
      ...extra,
    ];
    // the engine runs one prune at a time: the two sides go one after the other
    const apart = { normalize: alike, sequential: true };
    await lines.paired(prune('d', []), prune('b', []), { ...apart, input: 'no\n' });
    const pruned = await lines.paired(prune('d', ['-f']), prune('b', ['--force']), apart);
    expect(alike(pruned.stdout)).toBe('Deleted Networks:\n<network>\n\n');
    await lines.same(['network', 'prune', '-f', '--filter', 'label=nothing-has-this', '--filter', 'label!=berth.test']);
  });
});

/** A request body less what Go leaves out or the engine reads as unset: false, empty strings, lists and maps. */
function withoutZeroValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(withoutZeroValues);
  if (value === null || value === false || value === '' || value === 0) return undefined;
  if (typeof value !== 'object') return value;
  const kept = Object.entries(value)
    .map(([key, item]) => [key, withoutZeroValues(item)] as const)
    .filter(([, item]) => item !== undefined);
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}

/** The first request a dry run printed (a removal prints the name after it, as it would have). */
function firstRequest(text: string): unknown {
  return JSON.parse(text.slice(0, text.indexOf('\n}\n') + 2));
}

kit.describe('network create and connect requests', () => {
  it('sends the bodies docker sends (berth as a dry run, docker through a recorder)', async () => {
    const recorder = await recordRequests(kit.docker);
    try {
      const prefix = await freeSubnetPrefix();
      const name = kit.name('requests');
      const create = [
        'network',
        'create',
        '--driver',
        'bridge',
        '--label',
        'project=dockerinaction',
        '--attachable',
        '--internal',
        '--scope',
        'local',
        '--subnet',
        `${prefix}.0/24`,
        '--ip-range',
        `${prefix}.128/25`,
        '--gateway',
        `${prefix}.1`,
        '--aux-address',
        `printer=${prefix}.5`,
        '--ipam-opt',
        'foo=bar',
        '-o',
        'com.docker.network.bridge.enable_icc=false',
        ...labels,
        name,
      ];
      const planned = JSON.parse(await succeeds([...create.slice(0, 2), '--dry-run', ...create.slice(2)])) as {
        body: Record<string, unknown>;
      };
      const env = { DOCKER_HOST: recorder.host };
      expect((await dockerCli(create, { env })).exitCode).toBe(0);
      expect(withoutZeroValues(planned.body)).toEqual(withoutZeroValues(recorder.jsonBody('POST', '/networks/create')));

      const container = kit.name('requests-c');
      await succeeds(['create', '--name', container, ...labels, 'busybox:1.29']);
      const connect = [
        'network',
        'connect',
        '--alias',
        'web,www',
        '--ip',
        `${prefix}.200`,
        '--link-local-ip',
        '169.254.7.7',
        '--driver-opt',
        'x=y',
        name,
        container,
      ];
      const wouldConnect = JSON.parse(await succeeds([...connect.slice(0, 2), '--dry-run', ...connect.slice(2)])) as {
        path: string;
        body: Record<string, unknown>;
      };
      expect(wouldConnect.path).toBe(`/networks/${name}/connect`);
      expect((await dockerCli(connect, { env })).exitCode).toBe(0);
      expect(withoutZeroValues(wouldConnect.body)).toEqual(
        withoutZeroValues(recorder.jsonBody('POST', `/networks/${name}/connect`)),
      );
      const planDisconnect = JSON.parse(await succeeds(['network', 'disconnect', '--dry-run', '-f', name, container]));
      expect(planDisconnect).toMatchObject({ body: { Container: container, Force: true } });
      const planRemove = firstRequest(await succeeds(['network', 'rm', '--dry-run', name]));
      expect(planRemove).toMatchObject({ method: 'DELETE', path: `/networks/${name}` });
      expect(await succeeds(['network', 'ls', '-q', '-f', `name=${name}`])).not.toBe('');
    } finally {
      await recorder.close();
    }
  });
});

kit.describe('ch.5.3 host and none', () => {
  it('shows only loopback on none, and the host interfaces on host', async () => {
    const none = await succeeds(['run', '--rm', ...labels, '--network', 'none', 'busybox:1.29', 'ip', '-o', 'addr']);
    expect(
      none
        .split('\n')
        .filter(Boolean)
        .every((line) => /^1: lo /.test(line)),
    ).toBe(true);
    const host = await succeeds(['run', '--rm', ...labels, '--network', 'host', 'busybox:1.29', 'ip', '-o', 'addr']);
    // other tests' containers add and remove veth pairs meanwhile: the lasting interfaces are compared
    const lasting = Object.keys(networkInterfaces()).filter((name) => !name.startsWith('veth'));
    for (const name of lasting) expect(host).toContain(` ${name}`);
    await lines.same(['network', 'inspect', '-f', '{{.Name}} {{.Driver}} {{.Scope}}', 'host', 'none', 'bridge']);
    await lines.same(['network', 'ls', '-f', 'name=none']);
  });
});

kit.describe('ch.5.4 publishing ports on loopback', () => {
  it('looks up every publish form with port, as docker does', async () => {
    const name = kit.name('listener');
    await succeeds([
      'run',
      '-d',
      '--name',
      name,
      ...labels,
      '-p',
      '127.0.0.1::8080',
      '-p',
      '127.0.0.1::8088/udp',
      '-p',
      '127.0.0.1::3000/tcp',
      '-p',
      '127.0.0.1:0:7500',
      '--expose',
      '9000',
      'busybox:1.29',
      'sleep',
      '600',
    ]);
    const all = await lines.same(['port', name]);
    expect(all.stdout).toMatch(/^8080\/tcp -> 127\.0\.0\.1:\d+$/m);
    for (const lookup of ['8080', '8088/udp', '3000/tcp', '7500', '9000', '8088', '1/sctp']) {
      await lines.same(['port', name, lookup]);
    }
    await lines.same(['container', 'port', name, '8080/tcp']);
    await lines.same(['port', 'no-such-container']);
  });

  it('refuses a host port that is already published', async () => {
    const first = kit.name('first');
    await succeeds(['run', '-d', '--name', first, ...labels, '-p', '127.0.0.1::80', 'busybox:1.29', 'sleep', '600']);
    const taken = /127\.0\.0\.1:(\d+)/.exec(await succeeds(['port', first, '80']))?.[1] ?? '';
    const second = (name: string) => [
      'run',
      '-d',
      '--name',
      name,
      ...labels,
      '-p',
      `127.0.0.1:${taken}:80`,
      'busybox:1.29',
      'sleep',
      '600',
    ];
    const [ofDocker, ofBerth] = [kit.name('second-d'), kit.name('second-b')];
    // docker prints the new container's id before its start fails; berth's run (another command's file) does not
    const refusal = await lines.paired(second(ofDocker), second(ofBerth), {
      stdoutIgnored: true,
      normalize: (text) =>
        text
          .replaceAll(ofDocker, '<name>')
          .replaceAll(ofBerth, '<name>')
          .replace(/\b[0-9a-f]{64}\b/g, '<id>'),
    });
    expect(refusal.exitCode).toBe(125);
    expect(refusal.stderr).toContain(`Bind for 127.0.0.1:${taken} failed: port is already allocated`);
  });
});

kit.describe('ch.5.5 hostname, extra hosts and DNS', () => {
  it("writes the container's /etc/hosts, /etc/hostname and /etc/resolv.conf as docker does", async () => {
    const args = [
      'run',
      '--rm',
      ...labels,
      '--hostname',
      'mycontainer',
      '--add-host',
      'docker.com:127.0.0.1',
      '--add-host',
      'test:10.10.10.2',
      '--dns',
      '8.8.8.8',
      '--dns-search',
      'docker.com',
      '--dns-option',
      'ndots:2',
      'busybox:1.29',
      'sh',
      '-c',
      'cat /etc/hostname /etc/hosts /etc/resolv.conf',
    ];
    const files = await lines.paired(args, args, {
      normalize: (text) => text.replace(/172\.\d+\.\d+\.\d+/g, '<bridge ip>'),
    });
    expect(files.stdout).toMatch(/^mycontainer\n/);
    expect(files.stdout).toContain('127.0.0.1\tdocker.com\n10.10.10.2\ttest\n');
    expect(files.stdout).toContain('search docker.com\nnameserver 8.8.8.8\noptions ndots:2\n');
  });
});
