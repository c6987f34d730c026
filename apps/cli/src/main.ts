import { Command, CommanderError } from 'commander';
import { EXIT_REFUSED } from './exit-codes';
import type { CommandIo } from './io';
import { createCommand, runCommand } from './run';
import { COMMAND_DESCRIPTIONS } from './usage';
import { versionCommand } from './version';

/** Runs one berth command line (the words after `berth`) and resolves to its exit code. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('berth')
    .description('A docker-compatible CLI built on the berth packages')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  // run and create take docker's own option grammar: the words go to @berth/run-args untouched
  for (const [name, action] of [
    ['run', runCommand],
    ['create', createCommand],
  ] as const) {
    program
      .command(name)
      .description(COMMAND_DESCRIPTIONS[name])
      .usage('[OPTIONS] IMAGE [COMMAND] [ARG...]')
      .helpOption(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .argument('[words...]')
      .action(async (words: string[]) => {
        exitCode = await action(words, io);
      });
  }
  program
    .command('version')
    .description('Show the engine berth talks to')
    .action(async () => {
      exitCode = await versionCommand(io);
    });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_REFUSED;
    throw error;
  }
  return exitCode;
}
