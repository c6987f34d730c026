import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { useEngine } from '@berth/testkit';
import Docker from 'dockerode';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseDockerHost } from './docker-host';
import { createEngine } from './engine';
import { EndpointError, UnreachableError } from './errors';

const kit = await useEngine();
const SOCKET = '/var/run/docker.sock';
const scratch = mkdtempSync(join(tmpdir(), 'berth-connection-'));
const servers: Server[] = [];
// the client's pooled keep-alive connections would hold each server open: they are cut when the file ends
const connections = new Set<{ destroy?: () => void; end?: () => void }>();

afterAll(async () => {
  for (const connection of connections) (connection.destroy ?? connection.end)?.call(connection);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(scratch, { recursive: true, force: true });
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  server.on('connection', (connection) => connections.add(connection));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return address.port;
}

// a loopback port that carries each connection to the engine's socket, as an engine listening on TCP would
function relayToEngine(socket: NodeJS.ReadWriteStream & { destroy(): void; on(e: string, f: () => void): unknown }) {
  const engineSide = connect({ path: SOCKET, allowHalfOpen: true });
  socket.pipe(engineSide).pipe(socket);
  engineSide.on('error', () => socket.destroy());
  socket.on('error', () => engineSide.destroy());
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { cwd: scratch, stdio: 'ignore' });
}

// a CA, a server certificate for 127.0.0.1 and a client certificate, as `dockerd --tlsverify` setups use
function makeCertificates(): {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientDir: string;
  otherCaDir: string;
} {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca-key.pem',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=berth test CA',
  ]);
  openssl(['req', ...ec, '-keyout', 'server-key.pem', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  const sign = (csr: string, out: string, extensions: string) => {
    writeFileSync(join(scratch, `${out}.ext`), extensions);
    openssl([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-out',
      out,
      '-days',
      '1',
      '-extfile',
      `${out}.ext`,
    ]);
  };
  sign('server.csr', 'server-cert.pem', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  execFileSync('mkdir', ['-p', 'client', 'other'], { cwd: scratch });
  openssl(['req', ...ec, '-keyout', 'client/key.pem', '-out', 'client.csr', '-subj', '/CN=berth client']);
  sign('client.csr', 'client/cert.pem', 'extendedKeyUsage=clientAuth\n');
  execFileSync('cp', ['ca.pem', 'client/ca.pem'], { cwd: scratch });
  openssl([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'other/key.pem',
    '-out',
    'other/ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=other',
  ]);
  execFileSync('cp', ['client/cert.pem', 'client/key.pem', 'other/'], { cwd: scratch });
  const read = (path: string) => readFileSync(join(scratch, path), 'utf8');
  return {
    ca: read('ca.pem'),
    serverCert: read('server-cert.pem'),
    serverKey: read('server-key.pem'),
    clientDir: join(scratch, 'client'),
    otherCaDir: join(scratch, 'other'),
  };
}

let tcpPort = 0;
let tlsPort = 0;
let certs: ReturnType<typeof makeCertificates>;

beforeAll(async () => {
  if (!kit.available) return;
  tcpPort = await listen(createServer({ allowHalfOpen: true }, relayToEngine));
  certs = makeCertificates();
  tlsPort = await listen(
    createTlsServer(
      {
        key: certs.serverKey,
        cert: certs.serverCert,
        ca: certs.ca,
        requestCert: true,
        rejectUnauthorized: true,
        allowHalfOpen: true,
      },
      relayToEngine,
    ),
  );
});

// an ssh server that lets `berth` in and runs `docker system dial-stdio` as a relay to the engine's socket
async function listenSsh(): Promise<number> {
  const { Server, utils } = ssh2;
  const hostKey = utils.generateKeyPairSync('ed25519').private;
  const sshServer = new Server({ hostKeys: [hostKey] }, (client) => {
    client.on('authentication', (context) => (context.username === 'berth' ? context.accept() : context.reject()));
    client.on('session', (accept) => {
      accept().on('exec', (acceptExec, reject, info) => {
        if (info.command !== 'docker system dial-stdio') return reject();
        const channel = acceptExec();
        const engineSide = connect(SOCKET);
        channel.pipe(engineSide).pipe(channel);
        engineSide.on('close', () => channel.close());
      });
    });
    client.on('error', () => undefined);
  });
  return listen(sshServer as unknown as Server);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index] as T);
      }
    }),
  );
  return results;
}

kit.describe('DOCKER_HOST, read as docker CLI 28 reads it', () => {
  it('gives the address docker context inspect shows, and refuses what docker refuses', async () => {
    const values = [
      '',
      'unix://',
      'unix:///x.sock',
      'tcp://',
      'tcp://:2375',
      '1.2.3.4',
      'host:99',
      'tcp://[::1]:',
      '::1',
    ];
    values.push('tcp://h/path/', ' tcp://h:1 ', 'tcp://h?x=1', 'tcp://user@h:1', 'ssh://me@host:22', 'ssh://host');
    values.push('tcp://[::1]', 'tcp://h:abc', 'bogus://x', 'tcp://a:b:c', 'tcp://[::1', 'unix://a://b', 'tcp://h:-1');
    const seen = await mapLimit(values, 4, async (value) => {
      const result = await kit.cli(['context', 'inspect', 'default', '--format', '{{.Endpoints.docker.Host}}'], {
        env: { DOCKER_HOST: value },
      });
      const docker = result.stdout.trim() || 'refused';
      let berth: string;
      try {
        berth = parseDockerHost(value).address;
      } catch (error) {
        expect(error).toBeInstanceOf(EndpointError);
        berth = 'refused';
      }
      return { value, docker, berth };
    });
    for (const { value, docker, berth } of seen) expect({ value, address: berth }).toEqual({ value, address: docker });
  });
});

kit.describe('reaching the engine', () => {
  it('over tcp:// (a loopback relay to the engine), streams included', async () => {
    const engine = createEngine({ env: { DOCKER_HOST: `tcp://127.0.0.1:${tcpPort}` } });
    expect(engine.endpoint).toMatchObject({ kind: 'tcp', source: 'DOCKER_HOST' });
    expect(await engine.apiVersion()).toBe('1.41');
    const { Id } = await engine.createContainer({ Image: 'busybox:1.29', Cmd: ['sleep', '30'], Labels: kit.labels });
    await engine.startContainer(Id);
    const session = await engine.exec(Id, { Cmd: ['echo', 'over tcp'] });
    const out: string[] = [];
    for await (const chunk of session.output) out.push(chunk.data.toString());
    expect(out.join('')).toBe('over tcp\n');
    expect(await session.exitCode()).toBe(0);
  });

  it('over TLS with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, as the docker CLI does', async () => {
    const env = {
      DOCKER_HOST: `tcp://127.0.0.1:${tlsPort}`,
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: certs.clientDir,
    };
    const engine = createEngine({ env });
    expect(engine.endpoint.tls?.verify).toBe(true);
    expect((await engine.version()).ApiVersion).toBe('1.41');
    const docker = await kit.cli(['version', '--format', '{{.Server.APIVersion}}'], { env });
    expect(docker.stdout.trim()).toBe('1.41');
  });

  it('refuses an engine whose certificate another CA signed, as the docker CLI does', async () => {
    const env = {
      DOCKER_HOST: `tcp://127.0.0.1:${tlsPort}`,
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: certs.otherCaDir,
    };
    const error = await createEngine({ env })
      .ping()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as UnreachableError).address).toBe(`tcp://127.0.0.1:${tlsPort}`);
    expect((error as Error).message).toMatch(/certificate/);
    expect((await kit.cli(['version'], { env })).exitCode).not.toBe(0);
  });

  it('through contexts made by docker context create and chosen by DOCKER_CONTEXT or docker context use', async () => {
    const config = join(scratch, 'docker-config');
    const env = { DOCKER_CONFIG: config };
    const tlsHost = `host=tcp://127.0.0.1:${tlsPort},ca=${certs.clientDir}/ca.pem,cert=${certs.clientDir}/cert.pem,key=${certs.clientDir}/key.pem`;
    for (const args of [
      ['context', 'create', 'berth-tls', '--docker', tlsHost],
      ['context', 'create', 'berth-socket', '--docker', `host=unix://${SOCKET}`],
    ]) {
      expect((await kit.cli(args, { env })).exitCode).toBe(0);
    }
    const viaEnv = createEngine({ env: { ...env, DOCKER_CONTEXT: 'berth-tls' } });
    expect(viaEnv.endpoint).toMatchObject({ context: 'berth-tls', source: 'DOCKER_CONTEXT', tls: { verify: true } });
    expect(await viaEnv.apiVersion()).toBe('1.41');

    expect((await kit.cli(['context', 'use', 'berth-socket'], { env })).exitCode).toBe(0);
    const current = createEngine({ env });
    expect(current.endpoint).toMatchObject({ context: 'berth-socket', source: 'current-context', kind: 'unix' });
    await current.ping();

    const missing = () => createEngine({ env: { ...env, DOCKER_CONTEXT: 'berth-missing' } });
    expect(missing).toThrow(expect.objectContaining({ name: 'EndpointError', code: 'context-not-found' }));
  });

  it('over ssh:// through docker-modem’s dialer (docker system dial-stdio on the far side)', async () => {
    const port = await listenSsh();
    const engine = createEngine({ env: { DOCKER_HOST: `ssh://berth@127.0.0.1:${port}` } });
    expect(engine.endpoint).toMatchObject({ kind: 'ssh', user: 'berth', port });
    expect(await engine.apiVersion()).toBe('1.41');
    const { Id } = await engine.createContainer({
      Image: 'busybox:1.29',
      Cmd: ['echo', 'over ssh'],
      Labels: kit.labels,
    });
    await engine.startContainer(Id);
    expect((await engine.waitContainer(Id)).StatusCode).toBe(0);
    const out: string[] = [];
    for await (const chunk of engine.containerLogs(Id)) out.push(chunk.data.toString());
    expect(out.join('')).toBe('over ssh\n');

    const stranger = createEngine({ env: { DOCKER_HOST: `ssh://stranger@127.0.0.1:${port}` } });
    await expect(stranger.ping()).rejects.toThrow(UnreachableError);
  });
});

// createEngine({ dockerode }): berth's requests over the connection a dockerode client was set up with
kit.describe('reaching the engine over a dockerode client', () => {
  const echoes = async (engine: ReturnType<typeof createEngine>, text: string) => {
    const { Id } = await engine.createContainer({ Image: 'busybox:1.29', Cmd: ['echo', text], Labels: kit.labels });
    await engine.startContainer(Id);
    expect((await engine.waitContainer(Id)).StatusCode).toBe(0);
    const out: string[] = [];
    for await (const chunk of engine.containerLogs(Id)) out.push(`${chunk.stream}:${chunk.data.toString()}`);
    return out.join('');
  };

  it('over its unix socket, negotiating, and with its pinned version', async () => {
    const engine = createEngine({ dockerode: new Docker({ socketPath: SOCKET }) });
    expect(engine.endpoint).toMatchObject({ kind: 'unix', address: `unix://${SOCKET}`, source: 'dockerode' });
    expect(await engine.apiVersion()).toBe('1.41');
    expect(await echoes(engine, 'over dockerode')).toBe('stdout:over dockerode\n');
    const pinned = createEngine({ dockerode: new Docker({ socketPath: SOCKET, version: 'v1.40' }) });
    expect(await pinned.apiVersion()).toBe('1.40');
    await expect(pinned.inspectContainer(kit.name('missing'))).rejects.toMatchObject({
      status: 404,
      path: expect.stringMatching(/^\/v1\.40\/containers\//),
    });
  });

  it('over tcp with its own agent and headers', async () => {
    const seen: string[] = [];
    const port = await listen(
      createServer({ allowHalfOpen: true }, (socket) => {
        socket.once('data', (chunk: Buffer) => seen.push(chunk.toString('latin1')));
        relayToEngine(socket);
      }),
    );
    const agent = new HttpAgent({ keepAlive: true });
    connections.add(agent);
    // docker-modem takes `agent`; dockerode's types do not list it
    const options = { host: '127.0.0.1', port, agent, headers: { 'X-Berth-Test': 'dockerode' } };
    const dockerode = new Docker(options as Docker.DockerOptions);
    const engine = createEngine({ dockerode });
    expect(engine.endpoint).toMatchObject({ kind: 'tcp', address: `http://127.0.0.1:${port}` });
    expect(await echoes(engine, 'over tcp')).toBe('stdout:over tcp\n');
    // the client's keep-alive agent holds the connection that carried the requests, each with the client's header
    expect(Object.keys(agent.freeSockets)).toEqual([`127.0.0.1:${port}:`]);
    expect(seen.length).toBeGreaterThan(0);
    for (const request of seen) expect(request).toMatch(/^X-Berth-Test: dockerode\r$/m);
  });

  it('over TLS with its certificates, refusing an engine another CA signed', async () => {
    const read = (dir: string, file: string) => readFileSync(join(dir, file));
    const tls = (dir: string) =>
      new Docker({
        host: '127.0.0.1',
        port: tlsPort,
        protocol: 'https',
        ca: read(dir, 'ca.pem'),
        cert: read(dir, 'cert.pem'),
        key: read(dir, 'key.pem'),
      });
    const engine = createEngine({ dockerode: tls(certs.clientDir) });
    expect((await engine.version()).ApiVersion).toBe('1.41');
    const error = await createEngine({ dockerode: tls(certs.otherCaDir) })
      .ping()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as Error).message).toMatch(/certificate.*dockerode client/s);
  });

  it('over ssh with its ssh settings', async () => {
    const port = await listenSsh();
    const dockerode = new Docker({ protocol: 'ssh', host: '127.0.0.1', port, username: 'berth' });
    const engine = createEngine({ dockerode });
    expect(engine.endpoint).toMatchObject({ kind: 'ssh', address: `ssh://berth@127.0.0.1:${port}` });
    expect(await echoes(engine, 'over ssh')).toBe('stdout:over ssh\n');
    const stranger = new Docker({ protocol: 'ssh', host: '127.0.0.1', port, username: 'stranger' });
    await expect(createEngine({ dockerode: stranger }).ping()).rejects.toThrow(UnreachableError);
  });

  it('says which client to fix when its engine does not answer', async () => {
    const error = await createEngine({ dockerode: new Docker({ socketPath: join(scratch, 'none.sock') }) })
      .ping()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as Error).message).toContain('dockerode client');
  });
});
