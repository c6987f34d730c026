import type { CommandIo } from '../io';

/** Writes `prompt` on stdout and reads one line from stdin (without its line ending). */
export async function readPrompt(io: CommandIo, prompt: string): Promise<string> {
  io.stdout.write(prompt);
  return readLine(io, false);
}

/** As `readPrompt`, with the terminal's echo off so the password never shows; a newline after it, as docker. */
export async function readPassword(io: CommandIo, prompt: string): Promise<string> {
  io.stdout.write(prompt);
  const stdin = io.stdin;
  stdin?.setRawMode?.(true);
  try {
    return await readLine(io, true);
  } finally {
    stdin?.setRawMode?.(false);
    io.stdout.write('\n');
  }
}

// In raw mode nothing is echoed and a line ends at a carriage return; Ctrl-C and Ctrl-D end the input.
function readLine(io: CommandIo, raw: boolean): Promise<string> {
  const stdin = io.stdin;
  if (!stdin) return Promise.resolve('');
  return new Promise((resolve) => {
    let text = '';
    const done = () => {
      stdin.off('data', onData);
      stdin.off('end', done);
      stdin.pause();
      resolve(text);
    };
    const onData = (chunk: Buffer | string) => {
      for (const character of String(chunk)) {
        if (character === '\n' || character === '\r' || (raw && (character === '\x03' || character === '\x04'))) {
          done();
          return;
        }
        if (raw && character === '\x7f') text = text.slice(0, -1);
        else text += character;
      }
    };
    stdin.on('data', onData);
    stdin.on('end', done);
    stdin.resume();
  });
}
