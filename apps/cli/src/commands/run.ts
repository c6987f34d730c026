import { create } from '../create-container';
import { runGrammarCommand } from '../run-grammar-command';
import { attachedContainer } from '../terminal/attached-container';

/**
 * `berth run`: create and start; detached, print the id; attached, relay the streams (stdin with `-i`, a raw
 * terminal with `-t`) and exit with the container's code.
 */
export const command = runGrammarCommand(
  'run',
  'Create and run a new container from an image',
  async ({ io }, engine, run) => {
    const stdin = run.body.AttachStdin === true;
    // docker's CheckTty, before anything is created
    if (!run.detach && stdin && run.tty && !io.stdin?.isTTY) {
      io.stderr.write('the input device is not a TTY\n');
      return 1;
    }
    const id = await create(engine, run, io);
    if (run.detach) {
      await engine.startContainer(id);
      io.stdout.write(`${id}\n`);
      return 0;
    }
    const code = await attachedContainer(engine, id, io, {
      tty: run.tty,
      stdin,
      stdout: run.body.AttachStdout === true,
      stderr: run.body.AttachStderr === true,
      detachKeys: run.detachKeys,
      sigProxy: run.sigProxy,
      condition: run.autoRemove ? 'removed' : 'next-exit',
      start: () => engine.startContainer(id),
    });
    return code === 'detached' ? 0 : code;
  },
);
