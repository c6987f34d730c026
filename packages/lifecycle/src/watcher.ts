import type { ContainerInspect, EventMessage, Filters } from '@berth/types';
import { trimSlash } from './container-name';
import { WaitError, WatchError } from './errors';
import { type ContainerEventSource, isNotFound } from './event-source';
import { eventAction, stateAfterEvent } from './events';
import { isZeroTime } from './go-time';
import {
  MAX_RESTART_DELAY_MS,
  type RestartTracker,
  restartTracker,
  trackExit,
  trackKill,
  trackManualStart,
} from './restart-manager';
import type { LifecycleState } from './states';

/** What the watcher knows of one container now. */
export interface ContainerSnapshot {
  readonly id: string;
  /** Without docker's leading slash. */
  readonly name: string;
  readonly state: LifecycleState;
  /** The exit code of the last run, once it ended. */
  readonly exitCode: number | undefined;
  /** Restarts by the restart policy since the last manual start (inspect's `RestartCount`). */
  readonly restartCount: number;
  /** The health check status (`starting`, `healthy`, `unhealthy`) when the container has one. */
  readonly health: string | undefined;
}

/** One change of state, as the watcher saw it. */
export interface Transition {
  readonly id: string;
  readonly name: string;
  readonly from: LifecycleState;
  readonly to: LifecycleState;
  /** The event's action (`start`, `die`…), or `inspect` when re-reading the container found it changed. */
  readonly cause: string;
  /** When: the event's time in ms since the epoch (the local clock for `inspect`). */
  readonly time: number;
  readonly exitCode?: number;
  /** For a move to `restarting`: the wait before the restart, by the engine's backoff model. */
  readonly restartDelayMs?: number;
}

/** A state, any of several states, or a test of the snapshot. */
export type StatePredicate = LifecycleState | readonly LifecycleState[] | ((container: ContainerSnapshot) => boolean);

export interface WaitOptions {
  /** Give up after this many ms (rejects with a `wait-timeout` {@link WaitError}). */
  timeout?: number;
  signal?: AbortSignal;
}

export interface WatchOptions {
  /** Engine API filters for the events and the container list (`{ label: ['app=farm'] }`); all containers by default. */
  filters?: Filters;
  /** Closes the watcher when aborted. */
  signal?: AbortSignal;
  /** Wait between a broken event stream and the next connection; 250 ms by default. */
  reconnectDelayMs?: number;
  /**
   * Told about every broken stream or failed read; the watcher reconnects by itself, except when its first connection
   * fails: then it is told the {@link WatchError} that rejects `ready`.
   */
  onError?: (error: unknown) => void;
  /** The clock, in ms since the epoch: it dates the replay windows (`since`/`until`) of a reconnection. */
  now?: () => number;
}

export interface ContainerWatcher {
  /**
   * Resolves once the containers were read and the event stream is followed; rejects with a `watch-failed`
   * {@link WatchError} (the source's error as its `cause`) when that first connection fails, and the watcher closes.
   */
  readonly ready: Promise<void>;
  /** How many times the event stream broke and was reopened. */
  readonly reconnects: number;
  /** By id, id prefix or name. */
  get(container: string): ContainerSnapshot | undefined;
  /** `gone` for a container the watcher does not know. */
  state(container: string): LifecycleState;
  /** Every transition seen, oldest first (a container known before the watcher started begins with none). */
  history(container: string): readonly Transition[];
  /** Resolves with the container's snapshot as soon as the predicate holds (at once if it already does). */
  waitFor(container: string, predicate: StatePredicate, options?: WaitOptions): Promise<ContainerSnapshot>;
  /** Calls `listener` on every transition; returns the unsubscribe function. */
  subscribe(listener: (transition: Transition) => void): () => void;
  close(): Promise<void>;
}

interface Tracked {
  id: string;
  name: string;
  state: LifecycleState;
  exitCode: number | undefined;
  health: string | undefined;
  restart: RestartTracker;
  stopSignal: string | undefined;
  startedAt: number | undefined;
  history: Transition[];
  /** Bumped by every event: an inspect that overlapped one is stale. */
  epoch: number;
  /** An inspect saw a policy restart's start before its event arrived: that event is not a manual start. */
  restartStartSeen: boolean;
  verify: ReturnType<typeof setTimeout> | undefined;
}

interface Waiter {
  check(): void;
  fail(error: WaitError): void;
}

const REMEMBERED_EVENTS = 1024;
// each pending read holds one abort listener: stay under the default limit of ten per signal
const INSPECT_CONCURRENCY = 4;
// a restarting container is re-read when its restart is this late: a `docker kill` of it emits no event at all
const VERIFY_GRACE_MS = 1000;

function eventTime(event: EventMessage): number {
  return event.timeNano ? event.timeNano / 1e6 : event.time * 1000;
}

function describe(predicate: StatePredicate): string {
  if (typeof predicate === 'string') return predicate;
  if (typeof predicate === 'function') return 'the expected state';
  return predicate.join(' or ');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * A read the watcher stops waiting for once closed, whether or not the source honours signals (short reads are not
 * given the signal: one listener per pending call is enough).
 */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // the read still settles later, maybe failing with the same abort: it must not go unhandled
    promise.then(resolve, reject);
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.finally(() => signal.removeEventListener('abort', onAbort)).catch(() => undefined);
  });
}

/** Ends a stream; not awaited: a stream that ignores the signal may never settle its pending read. */
function release(iterator: AsyncIterator<unknown>): void {
  void iterator.return?.()?.catch(() => undefined);
}

/**
 * Iterates a source's stream from `first`, its pending first read, but stops at once when the watcher closes, even if
 * the stream ignores the signal.
 */
async function* untilAborted<T>(
  iterator: AsyncIterator<T>,
  signal: AbortSignal,
  first = iterator.next(),
): AsyncGenerator<T> {
  try {
    for (let read = first; ; read = iterator.next()) {
      const step = await abortable(read, signal);
      if (step.done) return;
      yield step.value;
    }
  } finally {
    release(iterator);
  }
}

async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

class Watcher implements ContainerWatcher {
  readonly ready: Promise<void>;
  reconnects = 0;

  private readonly containers = new Map<string, Tracked>();
  private readonly names = new Map<string, string>();
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<(transition: Transition) => void>();
  private readonly seen = new Set<string>();
  private readonly controller = new AbortController();
  private readonly now: () => number;
  private readonly loop: Promise<void>;
  private lastEventNano: number | undefined;
  private isReady = false;
  private closed = false;
  private markReady!: () => void;
  private failReady!: (error: unknown) => void;
  /** Why the first connection failed, once it did. */
  private failure: WatchError | undefined;

  constructor(
    private readonly source: ContainerEventSource,
    private readonly options: WatchOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.failReady = reject;
    });
    // nobody has to await `ready`: a watcher closed before it was ready must not leave an unhandled rejection
    this.ready.catch(() => undefined);
    if (options.signal?.aborted) this.closed = true;
    options.signal?.addEventListener('abort', () => void this.close(), { once: true });
    this.loop = this.follow();
  }

  get(container: string): ContainerSnapshot | undefined {
    const tracked = this.find(container);
    return tracked && this.snapshot(tracked);
  }

  state(container: string): LifecycleState {
    return this.find(container)?.state ?? 'gone';
  }

  history(container: string): readonly Transition[] {
    return [...(this.find(container)?.history ?? [])];
  }

  subscribe(listener: (transition: Transition) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  waitFor(container: string, predicate: StatePredicate, options: WaitOptions = {}): Promise<ContainerSnapshot> {
    const test =
      typeof predicate === 'function'
        ? predicate
        : (snapshot: ContainerSnapshot) =>
            typeof predicate === 'string' ? snapshot.state === predicate : predicate.includes(snapshot.state);
    const { timeout, signal } = options;
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (finish: () => void) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.waiters.delete(waiter);
        finish();
      };
      const waiter: Waiter = {
        check: () => {
          if (!this.isReady) return;
          const snapshot = this.get(container) ?? { ...GONE, id: container, name: trimSlash(container) };
          if (test(snapshot)) settle(() => resolve(snapshot));
        },
        fail: (error) => settle(() => reject(error)),
      };
      const onAbort = () =>
        waiter.fail(
          new WaitError('wait-aborted', container, `stopped waiting for ${container} to be ${describe(predicate)}`, {
            cause: signal?.reason,
          }),
        );
      if (this.closed) return reject(closedError(container, this.failure));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeout !== undefined) {
        timer = setTimeout(
          () =>
            waiter.fail(
              new WaitError(
                'wait-timeout',
                container,
                `${container} did not become ${describe(predicate)} within ${timeout} ms (it is ${this.state(container)})`,
              ),
            ),
          timeout,
        );
      }
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.controller.abort();
    }
    await this.loop;
    for (const tracked of this.containers.values()) clearTimeout(tracked.verify);
    for (const waiter of this.waiters) waiter.fail(closedError('watcher', this.failure));
    this.failReady(closedError('watcher'));
  }

  /** The first connection failed: there is nothing to follow, so the watcher closes with that error. */
  private fail(error: WatchError): void {
    this.failure = error;
    this.closed = true;
    this.controller.abort();
    this.failReady(error);
    for (const waiter of this.waiters) waiter.fail(closedError('watcher', error));
    this.options.onError?.(error);
  }

  /** Reads the containers, then follows the events; after a break, replays what was missed and reads them again. */
  private async follow(): Promise<void> {
    const { filters } = this.options;
    while (!this.closed) {
      // a millisecond ahead, so that float rounding never leaves the latest event out of the replay
      const until = this.now() / 1000 + 0.001;
      // one per connection: ending it closes every stream the connection opened, even one never read
      const connection = new AbortController();
      const closeConnection = () => connection.abort();
      this.controller.signal.addEventListener('abort', closeConnection, { once: true });
      const signal = connection.signal;
      let reading: 'events' | 'containers' = 'events';
      let live: AsyncIterator<EventMessage> | undefined;
      try {
        // back to just before the last event seen: repeats are recognised and skipped
        const since = this.lastEventNano === undefined ? undefined : this.lastEventNano / 1e9 - 1e-6;
        if (since !== undefined && since < until) {
          const replay = this.source.events({ since, until, ...(filters ? { filters } : {}), signal });
          for await (const event of untilAborted(replay[Symbol.asyncIterator](), signal)) await this.apply(event);
        }
        // opened and read from before the read below, so that a refused stream fails the first connection; `since`
        // makes the engine replay what happened in between
        live = this.source.events({ since: until, ...(filters ? { filters } : {}), signal })[Symbol.asyncIterator]();
        const first = live.next();
        const refusal = { refused: false, error: undefined as unknown };
        first.catch((error: unknown) => Object.assign(refusal, { refused: true, error }));
        reading = 'containers';
        await this.reconcile(!this.isReady);
        reading = 'events';
        if (refusal.refused) throw refusal.error;
        if (!this.isReady) {
          this.isReady = true;
          this.markReady();
          this.notify();
        }
        for await (const event of untilAborted(live, signal, first)) await this.apply(event);
      } catch (error) {
        if (this.closed) break;
        if (!this.isReady) {
          this.fail(new WatchError(reading, error));
          break;
        }
        this.options.onError?.(error);
      } finally {
        this.controller.signal.removeEventListener('abort', closeConnection);
        connection.abort();
        if (live) release(live);
      }
      if (this.closed) break;
      this.reconnects++;
      await sleep(this.options.reconnectDelayMs ?? 250, this.controller.signal);
    }
  }

  private find(container: string): Tracked | undefined {
    const byId = this.containers.get(container);
    if (byId) return byId;
    const named = this.names.get(trimSlash(container));
    if (named !== undefined) return this.containers.get(named);
    const prefixed = [...this.containers.values()].filter((tracked) => tracked.id.startsWith(container));
    return prefixed.length === 1 ? prefixed[0] : undefined;
  }

  private snapshot(tracked: Tracked): ContainerSnapshot {
    return {
      id: tracked.id,
      name: tracked.name,
      state: tracked.state,
      exitCode: tracked.exitCode,
      restartCount: tracked.restart.restartCount,
      health: tracked.health,
    };
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  private track(inspect: ContainerInspect | undefined, id: string, name: string): Tracked {
    const state = inspect?.State;
    const tracked: Tracked = {
      id,
      name: inspect ? trimSlash(inspect.Name) : name,
      state: state?.Status ?? 'gone',
      exitCode: state?.ExitCode,
      health: state?.Health?.Status,
      restart: restartTracker(inspect?.HostConfig.RestartPolicy, inspect?.RestartCount ?? 0),
      stopSignal: inspect?.Config.StopSignal,
      startedAt: state && !isZeroTime(state.StartedAt) ? Date.parse(state.StartedAt) : undefined,
      history: [],
      epoch: 0,
      restartStartSeen: false,
      verify: undefined,
    };
    this.containers.set(id, tracked);
    this.names.set(tracked.name, id);
    return tracked;
  }

  private rename(tracked: Tracked, name: string): void {
    if (this.names.get(tracked.name) === tracked.id) this.names.delete(tracked.name);
    tracked.name = name;
    this.names.set(name, tracked.id);
  }

  private async inspect(id: string): Promise<ContainerInspect | undefined> {
    try {
      return await abortable(this.source.inspect(id), this.controller.signal);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private move(
    tracked: Tracked,
    to: LifecycleState,
    cause: string,
    time: number,
    extra: { exitCode?: number; restartDelayMs?: number } = {},
  ): void {
    if (tracked.state === to) return;
    const transition: Transition = {
      id: tracked.id,
      name: tracked.name,
      from: tracked.state,
      to,
      cause,
      time,
      ...extra,
    };
    tracked.state = to;
    tracked.history.push(transition);
    clearTimeout(tracked.verify);
    tracked.verify = undefined;
    if (to === 'restarting') this.verifyLater(tracked, (extra.restartDelayMs ?? 0) + VERIFY_GRACE_MS);
    for (const listener of [...this.listeners]) listener(transition);
  }

  /** Brings a container in line with its inspect (a 404 makes it gone); `quiet` for the first read. */
  private sync(tracked: Tracked | undefined, id: string, inspect: ContainerInspect | undefined, quiet: boolean) {
    if (!tracked) {
      if (inspect === undefined) return;
      const added = this.track(inspect, id, trimSlash(inspect.Name));
      if (!quiet) {
        const state = added.state;
        added.state = 'gone';
        this.move(added, state, 'inspect', this.now());
      }
      return;
    }
    if (inspect) {
      this.rename(tracked, trimSlash(inspect.Name));
      tracked.exitCode = inspect.State.ExitCode;
      tracked.health = inspect.State.Health?.Status;
      tracked.stopSignal = inspect.Config.StopSignal;
      tracked.restart = {
        ...tracked.restart,
        policy: inspect.HostConfig.RestartPolicy,
        restartCount: inspect.RestartCount,
      };
      if (inspect.State.Status === 'running' && tracked.state === 'restarting') {
        // the engine started it before its start event reached us: date the move by the engine's start
        tracked.restartStartSeen = true;
        const startedAt = Date.parse(inspect.State.StartedAt);
        if (!Number.isNaN(startedAt)) tracked.startedAt = startedAt;
        this.move(tracked, 'running', 'inspect', tracked.startedAt ?? this.now());
        return;
      }
    }
    this.move(tracked, inspect?.State.Status ?? 'gone', 'inspect', this.now());
  }

  private async reconcile(quiet: boolean): Promise<void> {
    const { filters } = this.options;
    const listed = await abortable(this.source.list(filters ? { filters } : {}), this.controller.signal);
    const ids = new Set(listed.map((summary) => summary.Id));
    for (const tracked of this.containers.values()) if (tracked.state !== 'gone') ids.add(tracked.id);
    await eachLimited([...ids], INSPECT_CONCURRENCY, async (id) => {
      this.sync(this.containers.get(id), id, await this.inspect(id), quiet);
    });
    this.notify();
  }

  private verifyLater(tracked: Tracked, ms: number): void {
    tracked.verify = setTimeout(async () => {
      tracked.verify = undefined;
      if (this.closed || tracked.state !== 'restarting') return;
      const epoch = tracked.epoch;
      try {
        const inspect = await this.inspect(tracked.id);
        // an event arrived meanwhile: it is newer than this read
        if (epoch !== tracked.epoch || this.closed) return;
        this.sync(tracked, tracked.id, inspect, false);
        this.notify();
      } catch (error) {
        if (this.closed) return;
        this.options.onError?.(error);
      }
      if (tracked.state === 'restarting' && tracked.verify === undefined) {
        this.verifyLater(tracked, Math.min(ms * 2, MAX_RESTART_DELAY_MS));
      }
    }, ms);
  }

  private remember(event: EventMessage): boolean {
    const key = `${event.timeNano}|${event.Actor.ID}|${event.Action}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > REMEMBERED_EVENTS) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    this.lastEventNano = Math.max(this.lastEventNano ?? 0, event.timeNano || event.time * 1e9);
    return true;
  }

  private async apply(event: EventMessage): Promise<void> {
    if (event.Type !== 'container' || !this.remember(event)) return;
    const id = event.Actor.ID;
    const attributes = event.Actor.Attributes;
    const action = eventAction(event);
    const time = eventTime(event);
    let tracked = this.containers.get(id);
    if (!tracked) {
      const inspect = await this.inspect(id);
      tracked = this.track(inspect, id, attributes.name ?? id);
      // a container seen first by its create event starts from nothing, whatever it became since
      if (action === 'create') {
        Object.assign(tracked, { state: 'gone', exitCode: undefined, health: undefined, startedAt: undefined });
        tracked.restart = restartTracker(tracked.restart.policy);
      }
    }
    tracked.epoch++;
    if (attributes.name !== undefined && attributes.name !== tracked.name) this.rename(tracked, attributes.name);
    switch (action) {
      case 'kill':
        tracked.restart = trackKill(tracked.restart, attributes.signal ?? '9', tracked.stopSignal);
        break;
      case 'die': {
        tracked.restartStartSeen = false;
        const exitCode = Number(attributes.exitCode ?? 0);
        const decision = trackExit(tracked.restart, { exitCode, ranForMs: time - (tracked.startedAt ?? time) });
        tracked.restart = decision.tracker;
        tracked.exitCode = exitCode;
        this.move(tracked, decision.restart ? 'restarting' : 'exited', action, time, {
          exitCode,
          ...(decision.restart ? { restartDelayMs: decision.delayMs } : {}),
        });
        break;
      }
      case 'start':
        // a start that does not end a restart wait is a manual one: the engine resets its restart manager
        if (tracked.state !== 'restarting' && !tracked.restartStartSeen) {
          tracked.restart = trackManualStart(tracked.restart);
        }
        tracked.restartStartSeen = false;
        tracked.startedAt = time;
        tracked.health = undefined;
        this.move(tracked, 'running', action, time);
        break;
      // `docker stop` of a restarting container cancels the wait with a stop event and no die
      case 'stop':
        if (tracked.state === 'restarting') this.move(tracked, 'exited', action, time);
        break;
      case 'health_status':
        tracked.health = event.Action.slice(event.Action.indexOf(':') + 1).trim();
        break;
      case 'update': {
        const inspect = await this.inspect(id);
        if (inspect) tracked.restart = { ...tracked.restart, policy: inspect.HostConfig.RestartPolicy };
        break;
      }
      default:
        this.move(tracked, stateAfterEvent(tracked.state, event), action, time);
    }
    this.notify();
  }
}

const GONE: Omit<ContainerSnapshot, 'id' | 'name'> = {
  state: 'gone',
  exitCode: undefined,
  restartCount: 0,
  health: undefined,
};

function closedError(input: string, cause?: WatchError): WaitError {
  return new WaitError('watcher-closed', input, 'the container watcher was closed', cause ? { cause } : {});
}

/**
 * Follows the containers of an engine (those matching `filters`) through its event stream and keeps each one's
 * state. When the stream breaks it reconnects, replays the events it missed and re-reads every container by inspect,
 * so that no transition is lost; a container whose policy restart is overdue is re-read too.
 */
export function watchContainers(source: ContainerEventSource, options: WatchOptions = {}): ContainerWatcher {
  return new Watcher(source, options);
}
