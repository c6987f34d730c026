import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { describeFailure } from '../exit-codes';
import { attachedContainer } from '../terminal/attached-container';

const ATTACH: CliFlag = {
  long: 'attach',
  short: 'a',
  kind: 'bool',
  description: 'Attach STDOUT/STDERR and forward signals',
};
const DETACH_KEYS: CliFlag = {
  long: 'detach-keys',
  kind: 'value',
  type: 'string',
  description: 'Override the key sequence for detaching a container',
};
const INTERACTIVE: CliFlag = { long: 'interactive', short: 'i', kind: 'bool', description: "Attach container's STDIN" };

/**
 * `berth start`: without `-a`/`-i` each container in turn, a failure reported as it comes and named again at the end
 * (docker's way for start, unlike stop's); with them, one container attached.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [ATTACH, DETACH_KEYS, INTERACTIVE, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    const attach = context.bool(ATTACH);
    const interactive = context.bool(INTERACTIVE);
    // a dry run records the start alone: an attach changes nothing
    if ((attach || interactive) && !context.dryRun) {
      if (context.args.length > 1) {
        throw new CliError('start-attach-several', '', 'you cannot start and attach multiple containers at once');
      }
      const inspect = await engine.inspectContainer(context.args[0] ?? '');
      const tty = inspect.Config.Tty === true;
      const code = await attachedContainer(engine, inspect.Id, context.io, {
        tty,
        stdin: interactive && inspect.Config.OpenStdin === true,
        detachKeys: context.string(DETACH_KEYS) || undefined,
        sigProxy: !tty,
        condition: inspect.HostConfig.AutoRemove ? 'removed' : 'next-exit',
        start: () => engine.startContainer(inspect.Id),
      });
      return code === 'detached' ? 0 : code;
    }
    const failedNames: string[] = [];
    for (const name of context.args) {
      try {
        await engine.startContainer(name);
        context.io.stdout.write(`${name}\n`);
      } catch (error) {
        context.io.stderr.write(`${describeFailure(error)}\n`);
        failedNames.push(name);
      }
    }
    if (failedNames.length > 0) {
      const names = failedNames.join(', ');
      throw new CliError('start-failed', names, `Error: failed to start containers: ${names}`);
    }
    return 0;
  },
};
