import { RunArgsError } from './errors';

export type AttachStream = 'stdin' | 'stdout' | 'stderr';

export interface AttachSettings {
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Tty: boolean;
}

/** `-a/--attach` words → the streams they name, case-insensitively, each once. */
export function parseAttachStreams(words: readonly string[]): AttachStream[] {
  const streams = new Set<AttachStream>();
  for (const word of words) {
    const stream = word.toLowerCase();
    if (stream !== 'stdin' && stream !== 'stdout' && stream !== 'stderr') {
      throw new RunArgsError(
        'invalid-attach',
        word,
        `invalid argument "${word}" for "-a, --attach" flag: valid streams are STDIN, STDOUT and STDERR`,
      );
    }
    streams.add(stream);
  }
  return [...streams];
}

/** The streams of `-a`, with `-i`, `-t` and `-d` → the attach fields of `Config`, as the docker CLI sets them. */
export function parseAttach(
  attach: readonly AttachStream[],
  flags: { interactive: boolean; tty: boolean; detach: boolean },
): AttachSettings {
  const streams = new Set(attach);
  if (flags.detach && streams.size > 0) {
    throw new RunArgsError(
      'conflicting-options',
      '--attach',
      'conflicting options: cannot specify both --attach and --detach',
    );
  }
  // without -a, a foreground container gets stdout and stderr; -d attaches nothing
  const defaults = !flags.detach && streams.size === 0;
  const AttachStdin = !flags.detach && (streams.has('stdin') || flags.interactive);
  return {
    AttachStdin,
    AttachStdout: defaults || streams.has('stdout'),
    AttachStderr: defaults || streams.has('stderr'),
    OpenStdin: flags.interactive,
    StdinOnce: flags.interactive && AttachStdin,
    Tty: flags.tty,
  };
}
