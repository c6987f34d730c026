import type { CommandIo, TerminalReadable } from '../io';

/** The first line of `stdin`, or what it held before it ended; nothing when there is no input. */
async function firstLine(stdin: TerminalReadable | undefined): Promise<string> {
  if (!stdin) return '';
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    const end = text.indexOf('\n');
    if (end >= 0) return text.slice(0, end);
  }
  return text;
}

/**
 * docker's confirmation prompt (`prune` without `-f`): the message and ` [y/N] ` on stdout, then one line read
 * from stdin; only `y` or `Y`, blanks aside, confirms.
 */
export async function confirm(io: CommandIo, message: string): Promise<boolean> {
  io.stdout.write(`${message} [y/N] `);
  return (await firstLine(io.stdin)).trim().toLowerCase() === 'y';
}
