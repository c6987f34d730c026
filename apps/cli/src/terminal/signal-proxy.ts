// docker's --sig-proxy: the signals the CLI receives go to the container's process instead of ending the CLI.
// SIGCHLD, SIGPIPE, SIGURG and SIGWINCH stay the CLI's own (docker leaves them too); SIGKILL and SIGSTOP cannot be
// caught.
const FORWARDED: readonly NodeJS.Signals[] = [
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGTERM',
  'SIGUSR1',
  'SIGUSR2',
  'SIGALRM',
  'SIGCONT',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
  'SIGABRT',
];

/** Forwards each signal the process receives (by its name without `SIG`, as the kill endpoint reads it). */
export function proxySignals(forward: (signal: string) => void): () => void {
  const handlers = FORWARDED.map((signal) => {
    const handler = () => forward(signal.slice(3));
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
