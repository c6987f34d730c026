import { useEngine } from '@berth/testkit';
import { BerthError, type ContainerCreateRequest } from '@berth/types';
import { expect, it } from 'vitest';
import { createEngine } from './engine';
import { engineUnderTest } from './engine-under-test';
import {
  ApiVersionError,
  BadRequestError,
  ConflictError,
  EngineError,
  NotFoundError,
  NotModifiedError,
  ServerError,
  StreamError,
  UnreachableError,
} from './errors';

const kit = await useEngine();
const engine = engineUnderTest();

const labelled = (body: ContainerCreateRequest): ContainerCreateRequest => ({
  ...body,
  Labels: { ...body.Labels, ...kit.labels },
});

async function caught(run: () => Promise<unknown>): Promise<EngineError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toBeInstanceOf(BerthError);
    return error as EngineError;
  }
  throw new Error('expected the call to fail');
}

kit.describe('API version negotiation', () => {
  it('settles on 1.41 with this engine and prefixes every call with it', async () => {
    expect(await engine.apiVersion()).toBe('1.41');
    const error = await caught(() => engine.inspectContainer(kit.name('missing')));
    expect(error.path).toMatch(/^\/v1\.41\/containers\//);
  });

  it('asks GET /version once per client', async () => {
    const fresh = engineUnderTest();
    const [a, b] = await Promise.all([fresh.apiVersion(), fresh.apiVersion()]);
    expect(a).toBe('1.41');
    expect(fresh.apiVersion()).toBe(fresh.apiVersion());
    expect(b).toBe(a);
  });

  it('uses a lower client maximum as is', async () => {
    const older = engineUnderTest({ maxApiVersion: '1.40' });
    expect(await older.apiVersion()).toBe('1.40');
    expect((await caught(() => older.inspectImage('berth-no-such-image:1'))).path).toBe(
      '/v1.40/images/berth-no-such-image%3A1/json',
    );
  });

  it('takes DOCKER_API_VERSION without negotiating', async () => {
    const pinned = createEngine({ env: { ...process.env, DOCKER_API_VERSION: '1.39' } });
    expect(await pinned.apiVersion()).toBe('1.39');
    expect((await pinned.version()).ApiVersion).toBe('1.41');
  });

  it('refuses with ApiVersionError when the engine serves nothing this client speaks', async () => {
    const ancient = engineUnderTest({ maxApiVersion: '1.11' });
    const error = await caught(() => ancient.ping());
    expect(error).toBeInstanceOf(ApiVersionError);
    expect(error.code).toBe('api-version-too-old');
    expect(error.message).toMatch(/serves API 1\.12 to 1\.41/);
  });

  it('refuses a field newer than 1.41 instead of sending it, which this engine would silently drop', async () => {
    const name = kit.name('rro');
    const body = labelled({
      Image: 'busybox:1.29',
      HostConfig: {
        Mounts: [{ Type: 'bind', Source: '/tmp', Target: '/x', BindOptions: { ReadOnlyNonRecursive: true } }],
      },
    });
    const error = await caught(() => engine.createContainer(body, { name }));
    expect(error).toBeInstanceOf(ApiVersionError);
    expect(error.code).toBe('field-needs-newer-api');
    expect(error.input).toBe('HostConfig.Mounts[0].BindOptions.ReadOnlyNonRecursive');
    expect(error.message).toMatch(/needs API 1\.44, but the engine speaks 1\.41/);
    expect(await engine.listContainers({ all: true, filters: { name: [name] } })).toEqual([]);

    // what would have happened: the engine accepts the request and forgets the option
    const sent = await kit.createViaApi(body as Parameters<typeof kit.createViaApi>[0]);
    expect(sent.HostConfig.Mounts?.[0]?.BindOptions?.ReadOnlyNonRecursive).toBeUndefined();
  });
});

kit.describe('typed errors, each provoked on the engine', () => {
  it('NotFoundError (404) names the container, the call and the engine’s words', async () => {
    const name = kit.name('missing');
    const error = await caught(() => engine.inspectContainer(name));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      code: 'not-found',
      input: name,
      status: 404,
      method: 'GET',
      path: `/v1.41/containers/${name}/json`,
      daemonMessage: `No such container: ${name}`,
    });
    expect(error.message).toBe(`GET /v1.41/containers/${name}/json failed with 404: No such container: ${name}`);
  });

  it('ConflictError (409) when the name is taken', async () => {
    const name = kit.name('taken');
    await engine.createContainer(labelled({ Image: 'busybox:1.29' }), { name });
    const error = await caught(() => engine.createContainer(labelled({ Image: 'busybox:1.29' }), { name }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, method: 'POST', path: '/v1.41/containers/create', input: name });
    expect(error.daemonMessage).toMatch(/is already in use/);
  });

  it('BadRequestError (400) when the engine refuses the parameters', async () => {
    const body = labelled({ Image: 'busybox:1.29', HostConfig: { RestartPolicy: { Name: 'bogus' as 'no' } } });
    const error = await caught(() => engine.createContainer(body));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, daemonMessage: "invalid restart policy 'bogus'" });
  });

  it('ServerError (500) when the engine fails doing the work (a pull from a closed loopback port)', async () => {
    const reference = '127.0.0.1:1/berth/nothing:1';
    const error = await caught(async () => {
      for await (const _ of engine.pullImage(reference));
    });
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, method: 'POST', path: '/v1.41/images/create', input: reference });
    expect(error.daemonMessage).toMatch(/127\.0\.0\.1:1.*connection refused/);
  });

  it('NotModifiedError (304) from a raw call; start and stop answer false instead', async () => {
    const { Id } = await engine.createContainer(labelled({ Image: 'busybox:1.29', Cmd: ['sleep', '30'] }));
    expect(await engine.startContainer(Id)).toBe(true);
    expect(await engine.startContainer(Id)).toBe(false);
    const error = await caught(() => engine.request({ method: 'POST', path: `/containers/${Id}/start`, subject: Id }));
    expect(error).toBeInstanceOf(NotModifiedError);
    expect(error).toMatchObject({ status: 304, input: Id });
    expect(await engine.stopContainer(Id, { timeout: 0 })).toBe(true);
    expect(await engine.stopContainer(Id, { timeout: 0 })).toBe(false);
  });

  it('UnreachableError names the address tried and how to start an engine', async () => {
    const socket = createEngine({ host: 'unix:///tmp/berth-no-engine.sock' });
    const error = await caught(() => socket.ping());
    expect(error).toBeInstanceOf(UnreachableError);
    expect(error).toMatchObject({
      code: 'engine-unreachable',
      address: 'unix:///tmp/berth-no-engine.sock',
      status: undefined,
    });
    expect(error.message).toMatch(/cannot connect to the Docker engine at unix:\/\/\/tmp\/berth-no-engine\.sock/);
    expect(error.message).toMatch(/Start an engine listening there/);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');

    const port = createEngine({ env: { DOCKER_HOST: 'tcp://127.0.0.1:1' } });
    const refused = await caught(() => port.version());
    expect(refused).toMatchObject({ address: 'tcp://127.0.0.1:1', method: 'GET', path: '/version' });
    expect(refused.message).toMatch(/ECONNREFUSED.*unset DOCKER_HOST/);
  });

  it('UnreachableError is retried: a failed negotiation is not remembered', async () => {
    const port = createEngine({ env: { DOCKER_HOST: 'tcp://127.0.0.1:1' } });
    await expect(port.apiVersion()).rejects.toThrow(UnreachableError);
    await expect(port.apiVersion()).rejects.toThrow(UnreachableError);
  });

  it('StreamError when a build step fails after the answer began', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'berth-failing-build-'));
    try {
      writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox:1.29\nRUN exit 3\n');
      const error = await caught(async () => {
        for await (const _ of engine.buildImage(dir, { labels: kit.labels, forceRm: true }));
      });
      expect(error).toBeInstanceOf(StreamError);
      expect(error).toMatchObject({ code: 'progress-error', detailCode: 3 });
      expect(error.daemonMessage).toMatch(/returned a non-zero code: 3/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('one caller aborting its wait for the shared version request does not fail the others', async () => {
    const fresh = engineUnderTest();
    const giving = new AbortController();
    const first = fresh.version({ signal: giving.signal });
    const second = fresh.version();
    giving.abort(new Error('first gave up'));
    await expect(first).rejects.toThrow('first gave up');
    expect((await second).ApiVersion).toBe('1.41');
    expect(await fresh.apiVersion()).toBe('1.41');
  });

  it('an aborted call rejects with the signal’s reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(engine.version({ signal: controller.signal })).rejects.toThrow('stop');
    const late = new AbortController();
    const waiting = engine.waitContainer(
      (await engine.createContainer(labelled({ Image: 'busybox:1.29', Cmd: ['sleep', '30'] }))).Id,
      { condition: 'next-exit', signal: late.signal },
    );
    setTimeout(() => late.abort(), 100);
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
