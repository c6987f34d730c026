import type { Engine } from '@berth/engine';
import { DEFAULT_DETACH_KEYS, parseDetachKeys } from '@berth/run-args';
import type { CommandIo } from '../io';
import { relaySession } from './relay-session';
import { proxySignals } from './signal-proxy';
import { followTerminalSize } from './terminal-size';

export interface AttachedContainerOptions {
  tty: boolean;
  /** Forward the CLI's stdin (the container must have `OpenStdin`). */
  stdin: boolean;
  stdout?: boolean;
  stderr?: boolean;
  detachKeys?: string | undefined;
  /** Forward the signals the CLI receives to the container. */
  sigProxy: boolean;
  /** What the exit code waits for: the next exit (run, start), or not running (attach); removal under `--rm`. */
  condition: 'next-exit' | 'not-running' | 'removed';
  /** Send a size one off before the real one (`attach`: a shell redraws its prompt). */
  nudgeSize?: boolean;
  /** Called once attached and waiting, before the output is read: `run` and `start -a` start the container here. */
  start?: () => Promise<unknown>;
}

/**
 * A container attached to the CLI's streams, as `docker run`, `start -a` and `attach` have it: attached and waited
 * for before it starts (a quick exit is not missed), signals and terminal size forwarded, output relayed until it
 * ends or the user detaches. Resolves to the container's exit code, or `detached` (it keeps running).
 */
export async function attachedContainer(
  engine: Engine,
  id: string,
  io: CommandIo,
  options: AttachedContainerOptions,
): Promise<number | 'detached'> {
  const keys = options.detachKeys ? detachKeysOrDefault(options.detachKeys, io) : DEFAULT_DETACH_KEYS;
  const session = await engine.attachContainer(id, {
    tty: options.tty,
    stdin: options.stdin,
    stdout: options.stdout ?? true,
    stderr: options.stderr ?? true,
    ...(options.detachKeys ? { detachKeys: options.detachKeys } : {}),
  });
  const waiting = new AbortController();
  const stopSignals = options.sigProxy
    ? proxySignals((killSignal) => {
        engine.killContainer(id, { killSignal }).catch(() => undefined);
      })
    : () => undefined;
  let stopResize: () => void = () => undefined;
  try {
    const exited = engine.waitContainer(id, { condition: options.condition, signal: waiting.signal });
    exited.catch(() => undefined); // settled below, or abandoned when the start fails
    await options.start?.();
    if (options.tty) {
      stopResize = followTerminalSize(
        io.stdout,
        (size) => engine.request({ method: 'POST', path: `/containers/${encodeURIComponent(id)}/resize`, query: size }),
        { nudge: options.nudgeSize === true },
      );
    }
    const end = await relaySession(session, io, { stdin: options.stdin ? io.stdin : undefined, detachKeys: keys });
    if (end === 'detached') return end;
    return (await exited).StatusCode;
  } finally {
    stopResize();
    stopSignals();
    waiting.abort();
    session.close();
  }
}

// docker warns about keys it cannot read and detaches on its default ones
function detachKeysOrDefault(spec: string, io: CommandIo): readonly number[] {
  try {
    return parseDetachKeys(spec);
  } catch (error) {
    io.stderr.write(`invalid detach escape keys, using default: ${(error as Error).message}\n`);
    return DEFAULT_DETACH_KEYS;
  }
}
