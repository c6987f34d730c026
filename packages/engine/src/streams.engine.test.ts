import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SCOPE_LABEL, useEngine } from '@berth/testkit';
import type { ContainerCreateRequest, EventMessage } from '@berth/types';
import { describe, expect, it } from 'vitest';
import type { OutputChunk } from './demultiplex';
import { engineUnderTest } from './engine-under-test';
import type { ContainerStats } from './responses';

const kit = await useEngine();
const engine = engineUnderTest();
const scopeFilter = { label: [`${SCOPE_LABEL}=${kit.labels[SCOPE_LABEL]}`] };

async function run(body: ContainerCreateRequest): Promise<string> {
  const { Id } = await engine.createContainer({ Image: 'busybox:1.29', ...body, Labels: kit.labels });
  await engine.startContainer(Id);
  return Id;
}

async function ran(body: ContainerCreateRequest): Promise<string> {
  const id = await run(body);
  await engine.waitContainer(id);
  return id;
}

async function collect(
  output: AsyncIterable<OutputChunk>,
): Promise<{ stdout: string; stderr: string; chunks: number }> {
  const parts = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  let chunks = 0;
  for await (const chunk of output) {
    parts[chunk.stream].push(chunk.data);
    chunks += 1;
  }
  return {
    stdout: Buffer.concat(parts.stdout).toString('utf8'),
    stderr: Buffer.concat(parts.stderr).toString('utf8'),
    chunks,
  };
}

// a frame header is 8 bytes starting with 0, 1 or 2 followed by three zero bytes
const HEADER_STARTS = [0, 1, 2].map((type) => Buffer.from([type, 0, 0, 0]));
const hasFrameHeader = (data: Buffer | string) =>
  HEADER_STARTS.some((start) => Buffer.from(data).indexOf(start) !== -1);

kit.describe('logs', () => {
  it('separates stdout and stderr of a non-TTY container exactly as docker logs does', async () => {
    const id = await ran({ Cmd: ['sh', '-c', 'echo out1; echo err1 >&2; echo out2; printf partial'] });
    const logs = await collect(engine.containerLogs(id));
    expect(logs.stdout).toBe('out1\nout2\npartial');
    expect(logs.stderr).toBe('err1\n');
    expect(hasFrameHeader(logs.stdout + logs.stderr)).toBe(false);
    const docker = await kit.cli(['logs', id]);
    expect({ stdout: logs.stdout, stderr: logs.stderr }).toEqual({ stdout: docker.stdout, stderr: docker.stderr });
  });

  it('passes a TTY container’s output raw, stderr merged by the terminal', async () => {
    const id = await ran({ Tty: true, Cmd: ['sh', '-c', 'echo out1; echo err1 >&2'] });
    const logs = await collect(engine.containerLogs(id));
    expect(logs.stdout).toBe('out1\r\nerr1\r\n');
    expect(logs.stderr).toBe('');
    expect((await kit.cli(['logs', id])).stdout).toBe(logs.stdout);
  });

  it('streams a 10 MB log in many pieces without holding it in memory', async () => {
    const size = 10 * 1024 * 1024;
    const line = '0123456789'.repeat(10);
    const id = await ran({ Cmd: ['sh', '-c', `yes ${line} | head -c ${size}`] });
    // live memory only: collect garbage before each reading
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    const base = live();
    let peak = 0;
    let bytes = 0;
    let chunks = 0;
    let clean = true;
    let nextReading = size / 8;
    for await (const chunk of engine.containerLogs(id, { stderr: false })) {
      bytes += chunk.data.length;
      chunks += 1;
      if (chunk.stream !== 'stdout' || hasFrameHeader(chunk.data)) clean = false;
      if (bytes >= nextReading) {
        peak = Math.max(peak, live() - base);
        nextReading += size / 8;
      }
    }
    expect(bytes).toBe(size);
    expect(clean).toBe(true);
    expect(chunks).toBeGreaterThan(1000);
    // the whole log is 10 MB; what is alive at any reading stays a fraction of it (about 0.5 MB here)
    expect(peak).toBeLessThan(size / 4);
  });

  it('follows new lines until the signal aborts, and a break ends the request', async () => {
    const id = await run({ Cmd: ['sh', '-c', 'while true; do echo tick; sleep 0.1; done'] });
    const controller = new AbortController();
    const seen: string[] = [];
    const following = (async () => {
      for await (const chunk of engine.containerLogs(id, { follow: true, signal: controller.signal })) {
        seen.push(chunk.data.toString());
        if (seen.length === 3) controller.abort();
      }
    })();
    await expect(following).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['tick\n', 'tick\n', 'tick\n']);

    let count = 0;
    for await (const _ of engine.containerLogs(id, { follow: true })) {
      count += 1;
      if (count === 2) break;
    }
    expect(count).toBe(2);
    await engine.removeContainer(id, { force: true });
  });

  it('honours tail, since and timestamps', async () => {
    const id = await ran({ Cmd: ['sh', '-c', 'for i in 1 2 3 4 5; do echo line$i; done'] });
    expect((await collect(engine.containerLogs(id, { tail: 2 }))).stdout).toBe('line4\nline5\n');
    expect((await collect(engine.containerLogs(id, { tail: 'all' }))).stdout.split('\n')).toHaveLength(6);
    const stamped = (await collect(engine.containerLogs(id, { timestamps: true, tail: 1 }))).stdout;
    expect(stamped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z line5\n$/);
    const future = new Date(Date.now() + 60_000);
    expect((await collect(engine.containerLogs(id, { since: future }))).stdout).toBe('');
  });
});

kit.describe('events', () => {
  it('sees create, start and die of a container as typed messages', async () => {
    const name = kit.name('events');
    const controller = new AbortController();
    const seen: EventMessage[] = [];
    const watching = (async () => {
      const events = engine.events({
        since: new Date(Date.now() - 1000),
        filters: { container: [name] },
        signal: controller.signal,
      });
      for await (const event of events) {
        seen.push(event);
        if (event.Action === 'die') controller.abort();
      }
    })().catch((error: unknown) => error);
    const { Id } = await engine.createContainer(
      { Image: 'busybox:1.29', Cmd: ['sh', '-c', 'exit 4'], Labels: kit.labels },
      { name },
    );
    await engine.startContainer(Id);
    expect(await watching).toMatchObject({ name: 'AbortError' });
    expect(seen.map((event) => event.Action)).toEqual(['create', 'start', 'die']);
    expect(seen[0]).toMatchObject({
      Type: 'container',
      scope: 'local',
      Actor: { ID: Id, Attributes: { image: 'busybox:1.29', name } },
    });
    expect(seen[2]?.Actor.Attributes.exitCode).toBe('4');
    expect(typeof seen[2]?.timeNano).toBe('number');
  });

  it('ends by itself between since and until', async () => {
    const since = new Date(Date.now() - 1000);
    const id = await ran({ Cmd: ['true'] });
    const actions: string[] = [];
    for await (const event of engine.events({
      since,
      until: new Date(),
      filters: { ...scopeFilter, container: [id] },
    })) {
      actions.push(event.Action);
    }
    expect(actions).toEqual(['create', 'start', 'die']);
  });
});

describe('the container event source the lifecycle watcher reads', () => {
  kit.describe('on the engine', () => {
    it('gives container events only, inspect and the list of all containers', async () => {
      const source = engine.containerEventSource();
      const since = Date.now() / 1000 - 1;
      const id = await ran({ Cmd: ['true'] });
      const types = new Set<string>();
      for await (const event of source.events({ since, until: Date.now() / 1000, filters: scopeFilter }))
        types.add(event.Type);
      expect([...types]).toEqual(['container']);
      expect((await source.inspect(id)).State.Status).toBe('exited');
      expect((await source.list()).some((container) => container.Id === id)).toBe(true);
      expect((await source.list({ filters: { id: [id] } })).map((container) => container.Id)).toEqual([id]);
    });
  });
});

kit.describe('exec', () => {
  it('separates output and reports the exit code', async () => {
    const id = await run({ Cmd: ['sleep', '60'] });
    const session = await engine.exec(id, { Cmd: ['sh', '-c', 'echo to-out; echo to-err >&2; exit 7'] });
    expect(await collect(session.output)).toMatchObject({ stdout: 'to-out\n', stderr: 'to-err\n' });
    expect(await session.exitCode()).toBe(7);
    expect(session.stdin).toBeUndefined();
  });

  it('feeds stdin and reads it back; a TTY exec is raw', async () => {
    const id = await run({ Cmd: ['sleep', '60'] });
    const cat = await engine.exec(id, { Cmd: ['cat'], stdin: true });
    cat.stdin?.end('hello\nworld\n');
    expect((await collect(cat.output)).stdout).toBe('hello\nworld\n');
    expect(await cat.exitCode()).toBe(0);

    const tty = await engine.exec(id, { Cmd: ['sh', '-c', 'echo a; echo b >&2; exit 2'], Tty: true });
    expect(await collect(tty.output)).toMatchObject({ stdout: 'a\r\nb\r\n', stderr: '' });
    expect(await tty.exitCode()).toBe(2);
  });

  it('runs as another user and in another directory', async () => {
    const id = await run({ Cmd: ['sleep', '60'] });
    const session = await engine.exec(id, { Cmd: ['sh', '-c', 'id -u; pwd'], User: 'nobody', WorkingDir: '/tmp' });
    expect((await collect(session.output)).stdout).toBe('65534\n/tmp\n');
  });
});

kit.describe('attach', () => {
  it('sends stdin to a waiting container and separates what it answers', async () => {
    const { Id } = await engine.createContainer({
      Image: 'busybox:1.29',
      Cmd: ['sh', '-c', 'read line; echo "got $line"; echo bye >&2'],
      OpenStdin: true,
      StdinOnce: true,
      Labels: kit.labels,
    });
    const session = await engine.attachContainer(Id, { stdin: true });
    expect(session.tty).toBe(false);
    await engine.startContainer(Id);
    session.stdin?.end('berth\n');
    expect(await collect(session.output)).toMatchObject({ stdout: 'got berth\n', stderr: 'bye\n' });
    expect((await engine.waitContainer(Id)).StatusCode).toBe(0);
  });

  it('passes a TTY container’s output raw', async () => {
    const { Id } = await engine.createContainer({
      Image: 'busybox:1.29',
      Cmd: ['sh', '-c', 'read line; echo "got $line"'],
      OpenStdin: true,
      StdinOnce: true,
      Tty: true,
      Labels: kit.labels,
    });
    const session = await engine.attachContainer(Id, { stdin: true });
    expect(session.tty).toBe(true);
    await engine.startContainer(Id);
    session.stdin?.write('tty\n');
    const output = (await collect(session.output)).stdout;
    // the terminal echoes the input, then the answer, with CRLF line ends
    expect(output).toBe('tty\r\ngot tty\r\n');
  });
});

kit.describe('wait and stats', () => {
  it('waits for the exit code, and for removal', async () => {
    expect(await engine.waitContainer(await run({ Cmd: ['sh', '-c', 'exit 5'] }))).toMatchObject({ StatusCode: 5 });
    const { Id } = await engine.createContainer({
      Image: 'busybox:1.29',
      Cmd: ['true'],
      HostConfig: { AutoRemove: true },
      Labels: kit.labels,
    });
    const removed = engine.waitContainer(Id, { condition: 'removed' });
    await engine.startContainer(Id);
    expect((await removed).StatusCode).toBe(0);
    await expect(engine.inspectContainer(Id)).rejects.toMatchObject({ status: 404 });
  });

  it('reads one stats sample, or a stream of them', async () => {
    const id = await run({ Cmd: ['sleep', '60'] });
    const once: ContainerStats[] = [];
    for await (const sample of engine.containerStats(id, { stream: false, oneShot: true })) once.push(sample);
    expect(once).toHaveLength(1);
    expect(once[0]?.memory_stats.usage).toBeGreaterThan(0);
    expect(once[0]?.cpu_stats.cpu_usage.total_usage).toBeGreaterThan(0);
    let samples = 0;
    for await (const sample of engine.containerStats(id)) {
      expect(sample.read).toMatch(/^\d{4}-/);
      samples += 1;
      if (samples === 2) break;
    }
    expect(samples).toBe(2);
  });
});
