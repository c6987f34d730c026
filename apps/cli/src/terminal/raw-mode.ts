import type { TerminalReadable } from '../io';

/**
 * Puts the input terminal in raw mode (keys reach the container as typed: Ctrl-C is a byte, not SIGINT) and returns
 * the function that restores it; does nothing for input that is not a terminal.
 */
export function enterRawMode(stdin: TerminalReadable): () => void {
  if (!stdin.isTTY || !stdin.setRawMode) return () => undefined;
  stdin.setRawMode(true);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    stdin.setRawMode?.(false);
  };
}
