import { readFileSync } from 'node:fs';
import { DEFAULT_DETACH_KEYS, parseDetachKeys, parseEnv } from '@berth/run-args';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { relaySession } from '../terminal/relay-session';
import { followTerminalSize } from '../terminal/terminal-size';

const DETACH: CliFlag = {
  long: 'detach',
  short: 'd',
  kind: 'bool',
  description: 'Detached mode: run command in the background',
};
const DETACH_KEYS: CliFlag = {
  long: 'detach-keys',
  kind: 'value',
  type: 'string',
  description: 'Override the key sequence for detaching a container',
};
const ENV: CliFlag = { long: 'env', short: 'e', kind: 'value', type: 'list', description: 'Set environment variables' };
const ENV_FILE: CliFlag = {
  long: 'env-file',
  kind: 'value',
  type: 'list',
  description: 'Read in a file of environment variables',
};
const INTERACTIVE: CliFlag = {
  long: 'interactive',
  short: 'i',
  kind: 'bool',
  description: 'Keep STDIN open even if not attached',
};
const PRIVILEGED: CliFlag = {
  long: 'privileged',
  kind: 'bool',
  description: 'Give extended privileges to the command',
};
const TTY: CliFlag = { long: 'tty', short: 't', kind: 'bool', description: 'Allocate a pseudo-TTY' };
const USER: CliFlag = {
  long: 'user',
  short: 'u',
  kind: 'value',
  type: 'string',
  description: 'Username or UID (format: "<name|uid>[:<group|gid>]")',
};
const WORKDIR: CliFlag = {
  long: 'workdir',
  short: 'w',
  kind: 'value',
  type: 'string',
  description: 'Working directory inside the container',
};

/**
 * `berth exec`: a command in a running container. Attached, it relays the streams as `run` does and exits with the
 * command's code; detached (`-d`), it starts the command and prints nothing.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER COMMAND [ARG...]',
  flags: [DETACH, DETACH_KEYS, ENV, ENV_FILE, INTERACTIVE, PRIVILEGED, TTY, USER, WORKDIR, DRY_RUN_FLAG],
  args: { kind: 'min', count: 2 },
  interspersed: false,
  async run(context) {
    const [container = '', ...cmd] = context.args;
    const { io } = context;
    const detach = context.bool(DETACH);
    const tty = context.bool(TTY);
    const stdin = !detach && context.bool(INTERACTIVE);
    const detachKeys = context.string(DETACH_KEYS) || undefined;
    const env = parseEnv(context.list(ENV), context.list(ENV_FILE), {
      readFile: (path) => readFileSync(path),
      lookupEnv: (key) => context.env[key],
    });
    const config = {
      User: context.string(USER) ?? '',
      Privileged: context.bool(PRIVILEGED),
      Tty: tty,
      Env: env,
      WorkingDir: context.string(WORKDIR) ?? '',
      Cmd: cmd,
      ...(detachKeys ? { DetachKeys: detachKeys } : {}),
    };
    const engine = context.engine();
    // a missing container is named before a terminal is asked for, as docker does
    await engine.inspectContainer(container);
    if (!detach && stdin && tty && !io.stdin?.isTTY) {
      throw new CliError('not-a-tty', 'stdin', 'the input device is not a TTY');
    }
    const path = `/containers/${encodeURIComponent(container)}/exec`;
    if (detach || context.dryRun) {
      const attached = { AttachStdin: stdin, AttachStdout: !detach, AttachStderr: !detach };
      const created = await engine.request<{ Id: string }>({
        method: 'POST',
        path,
        body: { ...config, ...attached },
        subject: container,
      });
      if (context.dryRun) return 0;
      await engine.request({ method: 'POST', path: `/exec/${created.Id}/start`, body: { Detach: true, Tty: tty } });
      return 0;
    }
    const session = await engine.exec(container, { ...config, stdin });
    const stopResize =
      tty && io.stdin?.isTTY
        ? followTerminalSize(io.stdout, (size) =>
            engine.request({ method: 'POST', path: `/exec/${session.id}/resize`, query: size }),
          )
        : () => undefined;
    try {
      const keys = detachKeys ? parseDetachKeys(detachKeys) : DEFAULT_DETACH_KEYS;
      const end = await relaySession(session, io, { stdin: stdin ? io.stdin : undefined, detachKeys: keys });
      if (end === 'detached') throw new CliError('detached', container, 'read escape sequence');
      return await session.exitCode();
    } finally {
      stopResize();
      session.close();
    }
  },
};
