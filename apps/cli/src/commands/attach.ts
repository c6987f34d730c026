import type { CliFlag, CommandModule } from '../command';
import { CliError } from '../errors';
import { attachedContainer } from '../terminal/attached-container';

const DETACH_KEYS: CliFlag = {
  long: 'detach-keys',
  kind: 'value',
  type: 'string',
  description: 'Override the key sequence for detaching a container',
};
const NO_STDIN: CliFlag = { long: 'no-stdin', kind: 'bool', description: 'Do not attach STDIN' };
const SIG_PROXY: CliFlag = {
  long: 'sig-proxy',
  kind: 'bool',
  description: 'Proxy all received signals to the process',
  default: 'true',
};

/** docker refuses to attach to a container that is not running, before attaching. */
function refuseState(state: { Running: boolean; Paused: boolean; Restarting: boolean }, name: string): void {
  const refuse = (message: string) => {
    throw new CliError('cannot-attach', name, message);
  };
  if (!state.Running) refuse('You cannot attach to a stopped container, start it first');
  if (state.Paused) refuse('You cannot attach to a paused container, unpause it first');
  if (state.Restarting) refuse('You cannot attach to a restarting container, wait until it is running');
}

/**
 * `berth attach`: the CLI's streams on a running container's, until it exits (its exit code) or the user detaches
 * (docker then says `read escape sequence` and exits 1).
 */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER',
  flags: [DETACH_KEYS, NO_STDIN, SIG_PROXY],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const [name = ''] = context.args;
    const { io } = context;
    const engine = context.engine();
    const inspect = await engine.inspectContainer(name);
    refuseState(inspect.State, name);
    const noStdin = context.bool(NO_STDIN);
    const tty = inspect.Config.Tty === true;
    if (!noStdin && tty && !io.stdin?.isTTY) throw new CliError('not-a-tty', 'stdin', 'the input device is not a TTY');
    const sigProxy = !context.given(SIG_PROXY) || context.bool(SIG_PROXY);
    const detachKeys = context.string(DETACH_KEYS) || undefined;
    const code = await attachedContainer(engine, inspect.Id, io, {
      tty,
      stdin: !noStdin && inspect.Config.OpenStdin === true,
      detachKeys,
      sigProxy: sigProxy && !tty,
      condition: 'not-running',
      nudgeSize: true,
    });
    if (code === 'detached') throw new CliError('detached', name, 'read escape sequence');
    return code;
  },
};
