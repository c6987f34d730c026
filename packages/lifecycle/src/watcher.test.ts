import type { ContainerInspect, ContainerStatus, EventMessage, Filters, RestartPolicy } from '@berth/types';
import { afterEach, describe, expect, it } from 'vitest';
import { LifecycleError, WaitError, WatchError } from './errors';
import type { ContainerEventSource, EventStreamOptions } from './event-source';
import { type ContainerWatcher, watchContainers } from './watcher';

/**
 * An in-memory stand-in for the engine's side of the interface (the real one is exercised by
 * watcher.engine.test.ts): a clock, containers as inspect documents, a log of events that `since`/`until` replay,
 * live streams, and ways to break them.
 */
class ScriptedSource implements ContainerEventSource {
  nowMs = 1_700_000_000_000;
  readonly containers = new Map<string, ContainerInspect>();
  /** Names outlive the inspect documents: a destroy event still carries the name. */
  private readonly names = new Map<string, string>();
  private log: EventMessage[] = [];
  private readonly streams = new Set<{ push(event: EventMessage): void; fail(error: Error): void }>();
  readonly calls: { events: EventStreamOptions[]; inspect: string[]; list: ({ filters?: Filters } | undefined)[] } = {
    events: [],
    inspect: [],
    list: [],
  };
  /** While false, events are logged but no live stream receives them (the connection is down). */
  connected = true;

  async *events(options: EventStreamOptions): AsyncGenerator<EventMessage> {
    this.calls.events.push(options);
    const { since, until, signal } = options;
    const inWindow = (event: EventMessage) =>
      (since === undefined || event.timeNano / 1e9 >= since) && (until === undefined || event.timeNano / 1e9 <= until);
    for (const event of this.log.filter(inWindow)) yield event;
    if (until !== undefined) return;
    const queue: EventMessage[] = [];
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    const stream = {
      push: (event: EventMessage) => {
        queue.push(event);
        wake?.();
      },
      fail: (error: Error) => {
        failure = error;
        wake?.();
      },
    };
    const onAbort = () => stream.fail(new Error('aborted'));
    signal?.addEventListener('abort', onAbort);
    this.streams.add(stream);
    try {
      for (;;) {
        while (queue.length > 0) yield queue.shift() as EventMessage;
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      this.streams.delete(stream);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async inspect(id: string): Promise<ContainerInspect> {
    this.calls.inspect.push(id);
    const found = this.containers.get(id);
    if (!found) throw Object.assign(new Error(`No such container: ${id}`), { status: 404 });
    return structuredClone(found);
  }

  async list(options?: { filters?: Filters }): Promise<{ Id: string }[]> {
    this.calls.list.push(options);
    return [...this.containers.keys()].map((Id) => ({ Id }));
  }

  breakStreams(): void {
    for (const stream of this.streams) stream.fail(new Error('connection reset'));
  }

  /** The engine keeps only recent events: forget the log, as if more than it holds had happened. */
  forgetLog(): void {
    this.log = [];
  }

  add(id: string, name: string, status: ContainerStatus, policy: RestartPolicy = { Name: 'no' }): void {
    const running = ['running', 'paused', 'restarting'].includes(status);
    this.containers.set(id, {
      Id: id,
      Name: `/${name}`,
      RestartCount: 0,
      State: {
        Status: status,
        Running: running,
        Paused: status === 'paused',
        Restarting: status === 'restarting',
        OOMKilled: false,
        Dead: status === 'dead',
        Pid: running ? 42 : 0,
        ExitCode: 0,
        Error: '',
        StartedAt: status === 'created' ? '0001-01-01T00:00:00Z' : new Date(this.nowMs).toISOString(),
        FinishedAt: '0001-01-01T00:00:00Z',
      },
      HostConfig: { RestartPolicy: policy },
      Config: {},
    } as unknown as ContainerInspect);
  }

  setStatus(id: string, status: ContainerStatus): void {
    const doc = this.containers.get(id);
    if (doc) {
      doc.State.Status = status;
      doc.State.Running = ['running', 'paused', 'restarting'].includes(status);
      doc.State.Paused = status === 'paused';
      doc.State.Restarting = status === 'restarting';
    }
  }

  /** Logs an event (and delivers it when connected); the inspect documents are the test's to keep in step. */
  emit(id: string, Action: string, attributes: Record<string, string> = {}): void {
    this.nowMs += 10;
    const name = this.containers.get(id)?.Name.slice(1) ?? this.names.get(id) ?? id;
    this.names.set(id, name);
    const event: EventMessage = {
      Type: 'container',
      Action,
      Actor: { ID: id, Attributes: { name, ...attributes } },
      scope: 'local',
      time: Math.floor(this.nowMs / 1000),
      timeNano: this.nowMs * 1e6,
    };
    this.log.push(event);
    if (this.connected) for (const stream of this.streams) stream.push(event);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

let watcher: ContainerWatcher | undefined;
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
});

function watch(source: ScriptedSource, options: Parameters<typeof watchContainers>[1] = {}) {
  watcher = watchContainers(source, { now: () => source.nowMs, reconnectDelayMs: 5, ...options });
  return watcher;
}

describe('watchContainers', () => {
  it('reads the existing containers first, without inventing transitions for them', async () => {
    const source = new ScriptedSource();
    source.add('aaaa1111', 'web', 'running');
    source.add('bbbb2222', 'mailer', 'exited');
    const w = watch(source, { filters: { label: ['app=farm'] } });
    await w.ready;
    expect(w.state('web')).toBe('running');
    expect(w.state('bbbb')).toBe('exited');
    expect(w.state('aaaa1111')).toBe('running');
    expect(w.state('nothing')).toBe('gone');
    expect(w.history('web')).toEqual([]);
    expect(source.calls.list).toEqual([{ filters: { label: ['app=farm'] } }]);
    expect(source.calls.events[0]).toMatchObject({ filters: { label: ['app=farm'] } });
  });

  it('follows a container through created → running → paused → running → exited → gone', async () => {
    const source = new ScriptedSource();
    const w = watch(source);
    await w.ready;
    const seen: string[] = [];
    w.subscribe((transition) => seen.push(`${transition.from}->${transition.to}`));
    const running = w.waitFor('web', 'running');

    source.add('c0ffee', 'web', 'created');
    source.emit('c0ffee', 'create');
    source.setStatus('c0ffee', 'running');
    source.emit('c0ffee', 'start');
    expect(await running).toMatchObject({ id: 'c0ffee', name: 'web', state: 'running' });
    source.emit('c0ffee', 'pause');
    source.emit('c0ffee', 'unpause');
    source.emit('c0ffee', 'die', { exitCode: '3' });
    source.containers.delete('c0ffee');
    source.emit('c0ffee', 'destroy');

    await w.waitFor('web', 'gone');
    expect(w.history('web').map((t) => [t.cause, t.to])).toEqual([
      ['create', 'created'],
      ['start', 'running'],
      ['pause', 'paused'],
      ['unpause', 'running'],
      ['die', 'exited'],
      ['destroy', 'gone'],
    ]);
    expect(w.history('web')[4]).toMatchObject({ exitCode: 3 });
    expect(seen).toEqual([
      'gone->created',
      'created->running',
      'running->paused',
      'paused->running',
      'running->exited',
      'exited->gone',
    ]);
    expect(w.get('web')).toMatchObject({ state: 'gone', exitCode: 3 });
  });

  it('predicts the restart policy: restarting after a die, with the backoff, until a stop cancels it', async () => {
    const source = new ScriptedSource();
    source.add('d1', 'backoff', 'running', { Name: 'always', MaximumRetryCount: 0 });
    const w = watch(source);
    await w.ready;
    source.emit('d1', 'die', { exitCode: '0' });
    source.emit('d1', 'start');
    source.emit('d1', 'die', { exitCode: '0' });
    source.emit('d1', 'start');
    source.emit('d1', 'kill', { signal: '15' });
    source.emit('d1', 'die', { exitCode: '143' });
    source.emit('d1', 'stop');
    await w.waitFor('backoff', 'exited');
    expect(w.history('backoff').map((t) => [t.to, t.restartDelayMs])).toEqual([
      ['restarting', 100],
      ['running', undefined],
      ['restarting', 200],
      ['running', undefined],
      ['exited', undefined],
    ]);
    expect(w.get('backoff')?.restartCount).toBe(2);
    // a manual start resets the engine's restart manager
    source.emit('d1', 'start');
    source.emit('d1', 'die', { exitCode: '1' });
    await w.waitFor('backoff', 'restarting');
    expect(w.history('backoff').at(-1)).toMatchObject({ restartDelayMs: 100 });
    expect(w.get('backoff')?.restartCount).toBe(1);
  });

  it('on-failure:2 leaves the container exited after the second retry', async () => {
    const source = new ScriptedSource();
    source.add('e1', 'flaky', 'running', { Name: 'on-failure', MaximumRetryCount: 2 });
    const w = watch(source);
    await w.ready;
    for (let run = 0; run < 3; run++) {
      source.emit('e1', 'die', { exitCode: '1' });
      if (run < 2) source.emit('e1', 'start');
    }
    await w.waitFor('flaky', (c) => c.state === 'exited');
    expect(w.history('flaky').map((t) => t.to)).toEqual(['restarting', 'running', 'restarting', 'running', 'exited']);
  });

  it('re-reads a restarting container whose restart is overdue: docker kill of it emits no event', async () => {
    const source = new ScriptedSource();
    source.add('f1', 'loop', 'running', { Name: 'always', MaximumRetryCount: 0 });
    const w = watch(source);
    await w.ready;
    source.emit('f1', 'die', { exitCode: '1' });
    await w.waitFor('loop', 'restarting');
    source.setStatus('f1', 'exited');
    const exited = await w.waitFor('loop', 'exited', { timeout: 3000 });
    expect(exited.state).toBe('exited');
    expect(w.history('loop').at(-1)).toMatchObject({ from: 'restarting', to: 'exited', cause: 'inspect' });
  });

  it('keeps the backoff when an inspect sees a policy restart before its start event arrives', async () => {
    const source = new ScriptedSource();
    source.add('g1', 'slow-events', 'running', { Name: 'always', MaximumRetryCount: 0 });
    const w = watch(source);
    await w.ready;
    source.emit('g1', 'die', { exitCode: '0' });
    await w.waitFor('slow-events', 'restarting');
    // the engine restarts it; the overdue re-read sees it running while the start event is still on its way
    source.nowMs += 300;
    const startedAt = source.nowMs;
    source.setStatus('g1', 'running');
    const doc = source.containers.get('g1');
    if (doc)
      Object.assign(
        doc,
        { RestartCount: 1 },
        { State: { ...doc.State, StartedAt: new Date(startedAt).toISOString() } },
      );
    await w.waitFor('slow-events', 'running', { timeout: 3000 });
    expect(w.history('slow-events').at(-1)).toMatchObject({ from: 'restarting', to: 'running', time: startedAt });
    source.emit('g1', 'start');
    source.emit('g1', 'die', { exitCode: '0' });
    await w.waitFor('slow-events', (c) => c.state === 'restarting' && c.restartCount === 2);
    expect(w.history('slow-events').map((t) => [t.to, t.restartDelayMs])).toEqual([
      ['restarting', 100],
      ['running', undefined],
      ['restarting', 200],
    ]);
  });

  it('reconnects after the stream breaks and replays what it missed', async () => {
    const source = new ScriptedSource();
    source.add('a1', 'web', 'running');
    const errors: unknown[] = [];
    const w = watch(source, { onError: (error) => errors.push(error) });
    await w.ready;
    source.emit('a1', 'pause');
    await w.waitFor('web', 'paused');

    source.connected = false;
    source.breakStreams();
    source.emit('a1', 'unpause');
    source.emit('a1', 'die', { exitCode: '137' });
    source.setStatus('a1', 'exited');
    source.connected = true;

    await w.waitFor('web', 'exited', { timeout: 2000 });
    expect(w.reconnects).toBeGreaterThanOrEqual(1);
    expect(errors[0]).toBeInstanceOf(Error);
    expect(w.history('web').map((t) => [t.cause, t.to])).toEqual([
      ['pause', 'paused'],
      ['unpause', 'running'],
      ['die', 'exited'],
    ]);
    // the replay window started just before the last event seen
    const replay = source.calls.events.find((call) => call.until !== undefined);
    expect(replay?.since).toBeLessThan(replay?.until as number);
  });

  it('re-reads every container by inspect when the replay lost events, and finds the new ones', async () => {
    const source = new ScriptedSource();
    source.add('a1', 'web', 'running');
    source.add('b1', 'db', 'running');
    const w = watch(source);
    await w.ready;
    source.connected = false;
    source.breakStreams();
    source.setStatus('a1', 'paused');
    source.containers.delete('b1');
    source.add('c1', 'cache', 'running');
    source.forgetLog();
    source.connected = true;

    await w.waitFor('cache', 'running', { timeout: 2000 });
    await w.waitFor('db', 'gone', { timeout: 2000 });
    expect(w.state('web')).toBe('paused');
    expect(w.history('web')).toEqual([expect.objectContaining({ from: 'running', to: 'paused', cause: 'inspect' })]);
    expect(w.history('cache')).toEqual([expect.objectContaining({ from: 'gone', to: 'running', cause: 'inspect' })]);
  });

  it('does not apply an event twice when a replay overlaps what was seen', async () => {
    const source = new ScriptedSource();
    source.add('a1', 'web', 'running');
    const w = watch(source);
    await w.ready;
    source.emit('a1', 'pause');
    source.emit('a1', 'unpause');
    await w.waitFor('web', (c) => w.history(c.id).length === 2);
    source.breakStreams();
    await settle();
    source.emit('a1', 'pause');
    await w.waitFor('web', 'paused', { timeout: 2000 });
    expect(w.history('web').map((t) => t.to)).toEqual(['paused', 'running', 'paused']);
  });

  it('follows renames', async () => {
    const source = new ScriptedSource();
    source.add('a1', 'webid', 'running');
    const w = watch(source);
    await w.ready;
    source.emit('a1', 'rename', { name: 'webid-old', oldName: '/webid' });
    await w.waitFor('webid-old', 'running');
    expect(w.get('webid')).toBeUndefined();
    expect(w.get('a1')?.name).toBe('webid-old');
  });

  it('keeps the health status', async () => {
    const source = new ScriptedSource();
    source.add('h1', 'checked', 'running');
    const w = watch(source);
    await w.ready;
    source.emit('h1', 'health_status: healthy');
    expect(await w.waitFor('checked', (c) => c.health === 'healthy')).toMatchObject({ state: 'running' });
  });

  it('rejects ready with a WatchError when the first read of the containers fails, and closes', async () => {
    const source = new ScriptedSource();
    const refused = Object.assign(new Error('connect ENOENT /var/run/docker.sock'), { code: 'ENOENT' });
    source.list = () => Promise.reject(refused);
    const errors: unknown[] = [];
    const w = watch(source, { onError: (error) => errors.push(error) });
    const pending = w.waitFor('web', 'running');
    const error = await w.ready.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(WatchError);
    expect(error).toBeInstanceOf(LifecycleError);
    expect(error).toMatchObject({
      code: 'watch-failed',
      input: 'containers',
      message: "the container watcher could not read the engine's containers: connect ENOENT /var/run/docker.sock",
      cause: refused,
    });
    expect(errors).toEqual([error]);
    await expect(pending).rejects.toMatchObject({ code: 'watcher-closed', cause: error });
    await expect(w.waitFor('web', 'running')).rejects.toMatchObject({ code: 'watcher-closed', cause: error });
    await settle();
    expect(w.reconnects).toBe(0);
    expect(source.calls.events).toHaveLength(1);
  });

  it('rejects ready with a WatchError when the first event stream is refused', async () => {
    const source = new ScriptedSource();
    source.add('a1', 'web', 'running');
    const refused = new Error('400 Bad Request: invalid filter');
    const refusing: ContainerEventSource = {
      events: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(refused) }) }),
      inspect: (id) => source.inspect(id),
      list: (options) => source.list(options),
    };
    watcher = watchContainers(refusing, { reconnectDelayMs: 5 });
    const w = watcher;
    await expect(w.ready).rejects.toMatchObject({ code: 'watch-failed', input: 'events', cause: refused });
    expect(w.get('web')).toMatchObject({ state: 'running' });
  });

  it('once ready, reconnects after a failed read instead of failing', async () => {
    const source = new ScriptedSource();
    source.add('a1', 'web', 'running');
    const errors: unknown[] = [];
    const w = watch(source, { onError: (error) => errors.push(error) });
    await w.ready;
    const list = source.list.bind(source);
    const broken = new Error('connection reset');
    source.list = () => {
      source.list = list;
      return Promise.reject(broken);
    };
    source.breakStreams();
    source.setStatus('a1', 'paused');
    await w.waitFor('web', 'paused', { timeout: 2000 });
    expect(errors).toContain(broken);
    expect(w.reconnects).toBeGreaterThanOrEqual(2);
  });
});

describe('waitFor', () => {
  it('resolves at once when the predicate already holds, and takes a list of states', async () => {
    const source = new ScriptedSource();
    source.add('a1', 'web', 'exited');
    const w = watch(source);
    expect(await w.waitFor('web', ['created', 'exited'])).toMatchObject({ state: 'exited' });
    expect(await w.waitFor('never-created', 'gone')).toMatchObject({ state: 'gone', name: 'never-created' });
  });

  it('times out with a WaitError naming the container and its state', async () => {
    const source = new ScriptedSource();
    source.add('a1', 'web', 'running');
    const w = watch(source);
    await expect(w.waitFor('web', 'paused', { timeout: 30 })).rejects.toThrow(
      expect.objectContaining({
        code: 'wait-timeout',
        input: 'web',
        message: 'web did not become paused within 30 ms (it is running)',
      }),
    );
  });

  it('stops when its signal aborts, keeping the reason as the cause', async () => {
    const source = new ScriptedSource();
    const w = watch(source);
    const controller = new AbortController();
    const waiting = w.waitFor('web', 'running', { signal: controller.signal });
    controller.abort(new Error('user pressed ^C'));
    const error = await waiting.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(WaitError);
    expect(error).toMatchObject({ code: 'wait-aborted', cause: new Error('user pressed ^C') });
    await expect(w.waitFor('web', 'running', { signal: controller.signal })).rejects.toMatchObject({
      code: 'wait-aborted',
    });
  });

  it('rejects pending and later waits once the watcher is closed, also through its signal', async () => {
    const source = new ScriptedSource();
    const controller = new AbortController();
    const w = watch(source, { signal: controller.signal });
    await w.ready;
    const pending = w.waitFor('web', 'running');
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'watcher-closed' });
    await expect(w.waitFor('web', 'running')).rejects.toMatchObject({ code: 'watcher-closed' });
  });

  it('a watcher closed before it was ready rejects ready', async () => {
    const source = new ScriptedSource();
    source.list = () => new Promise(() => undefined);
    const w = watch(source);
    await w.close();
    await expect(w.ready).rejects.toMatchObject({ code: 'watcher-closed' });
  });
});
