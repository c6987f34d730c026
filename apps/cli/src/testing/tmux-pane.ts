import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** A pane of its own tmux session running a bare shell (prompt `$ `), driven as a person at a terminal would. */
export class TmuxPane {
  readonly session: string;

  private constructor(session: string) {
    this.session = session;
  }

  /** A new detached session `width`×`height`; `env` is exported to its shell. */
  static open(session: string, size: { width: number; height: number }, env: Record<string, string>): TmuxPane {
    const exports = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    execFileSync('tmux', [
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      String(size.width),
      '-y',
      String(size.height),
      ...exports,
      '-e',
      'PS1=$ ',
      'bash --norc --noprofile',
    ]);
    return new TmuxPane(session);
  }

  /** Text typed, then Enter. */
  type(line: string): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, '-l', line]);
    execFileSync('tmux', ['send-keys', '-t', this.session, 'Enter']);
  }

  /** Keys by tmux's names: `C-p`, `C-q`. */
  keys(...keys: string[]): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, ...keys]);
  }

  resize(size: { width: number; height: number }): void {
    execFileSync('tmux', ['resize-window', '-t', this.session, '-x', String(size.width), '-y', String(size.height)]);
  }

  /** What the pane shows, its trailing blank lines left out. */
  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.session], { encoding: 'utf8' }).trimEnd();
  }

  /** Resolves with the screen once `seen` holds for it; the screen so far in the rejection after `timeoutMs`. */
  async waitFor(seen: (screen: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (seen(screen)) return screen;
      if (Date.now() > deadline) throw new TmuxWaitError(this.session, screen);
      await sleep(100);
    }
  }

  close(): void {
    execFileSync('tmux', ['kill-session', '-t', this.session]);
  }
}

export class TmuxWaitError extends Error {
  constructor(session: string, screen: string) {
    super(`tmux session ${session}: what was waited for did not show; the screen:\n${screen}`);
  }
}
