import type { TerminalWritable } from '../io';

/** Sends the terminal's size to the container's TTY. */
export type ResizeTty = (size: { h: number; w: number }) => Promise<unknown>;

/**
 * Sends the output terminal's size now and again each time it changes (SIGWINCH, which Node turns into the stream's
 * `resize` event), as docker's MonitorTtySize does; returns the function that stops following it. A refused resize
 * (the process just ended) is no failure.
 */
export function followTerminalSize(stdout: TerminalWritable, resize: ResizeTty): () => void {
  if (!stdout.isTTY) return () => undefined;
  const send = () => {
    const { rows, columns } = stdout;
    if (rows && columns) resize({ h: rows, w: columns }).catch(() => undefined);
  };
  send();
  stdout.on('resize', send);
  return () => stdout.off('resize', send);
}
