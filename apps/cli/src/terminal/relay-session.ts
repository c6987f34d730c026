import type { StreamSession } from '@berth/engine';
import type { CommandIo, TerminalReadable } from '../io';
import { DetachWatcher } from './detach-watcher';
import { enterRawMode } from './raw-mode';

export interface RelayOptions {
  /** Forwarded to the session's stdin when given; its end is the process's end-of-file. */
  stdin?: TerminalReadable | undefined;
  /** The keys that detach (watched on a TTY session with input), docker's ctrl-p,ctrl-q by default. */
  detachKeys: readonly number[];
}

/** How a relayed session ended: the container's output ended, or the user typed the detach keys. */
export type RelayEnd = 'ended' | 'detached';

/**
 * docker's hijacked-stream copy: output to stdout and stderr (one stream on a TTY), input from stdin with the
 * terminal in raw mode while the session has a TTY. End-of-file on stdin half-closes the connection and the output
 * is read to its end.
 */
export function relaySession(session: StreamSession, io: CommandIo, options: RelayOptions): Promise<RelayEnd> {
  const { stdin } = options;
  const input = stdin && session.stdin ? { stdin, sink: session.stdin } : undefined;
  const restore = input && session.tty ? enterRawMode(input.stdin) : () => undefined;
  const watcher = input && session.tty ? new DetachWatcher(options.detachKeys) : undefined;
  let stopInput: () => void = () => undefined;

  const detached = new Promise<RelayEnd>((resolve) => {
    if (!input) return;
    const { stdin: source, sink } = input;
    const onData = (chunk: Buffer) => {
      const seen = watcher ? watcher.feed(chunk) : { forward: chunk, detached: false };
      if (seen.forward.length > 0) sink.write(seen.forward);
      if (seen.detached) resolve('detached');
    };
    const onEnd = () => sink.end();
    source.on('data', onData);
    source.once('end', onEnd);
    stopInput = () => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.pause();
    };
  });
  const ended = (async (): Promise<RelayEnd> => {
    for await (const chunk of session.output) {
      (chunk.stream === 'stderr' && !session.tty ? io.stderr : io.stdout).write(chunk.data);
    }
    return 'ended';
  })();
  return Promise.race([ended, detached]).finally(() => {
    stopInput();
    restore();
  });
}
