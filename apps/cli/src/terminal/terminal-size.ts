import type { TerminalWritable } from '../io';

/** Sends the terminal's size to the container's TTY. */
export type ResizeTty = (size: { h: number; w: number }) => Promise<unknown>;

/**
 * Sends the output terminal's size now and again each time it changes (SIGWINCH, which Node turns into the stream's
 * `resize` event), as docker's MonitorTtySize does; returns the function that stops following it. A refused resize
 * (the process just ended) is no failure. `nudge` first sends a size one larger each way, as `docker attach` does.
 */
export function followTerminalSize(
  stdout: TerminalWritable,
  resize: ResizeTty,
  options: { nudge?: boolean } = {},
): () => void {
  if (!stdout.isTTY) return () => undefined;
  const send = (grow = 0) => {
    const { rows, columns } = stdout;
    if (rows && columns) return resize({ h: rows + grow, w: columns + grow }).catch(() => undefined);
    return Promise.resolve();
  };
  // docker attach: one size off first, so that a shell attached again redraws its prompt
  if (options.nudge) void send(1).then(() => send());
  else void send();
  const onResize = () => void send();
  stdout.on('resize', onResize);
  return () => stdout.off('resize', onResize);
}
