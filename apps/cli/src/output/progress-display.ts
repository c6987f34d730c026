import { type ProgressEvent, StreamError } from '@berth/engine';
import type { CliFlag } from '../command';
import { CliError } from '../errors';
import type { TerminalWritable } from '../io';
import { humanSize } from './sizes';

// docker's jsonmessage display of a pull, push or load: on a terminal one line per layer, redrawn in place with the
// cursor moved up to it and back; otherwise the plain lines only (progress steps with counts are left out).
const CLEAR_LINE = '\x1b[2K';
const up = (lines: number) => (lines > 0 ? `\x1b[${lines}A` : '');
const down = (lines: number) => (lines > 0 ? `\x1b[${lines}B` : '');

// the bar needs a terminal wider than this; without a terminal width docker assumes 200
const BAR_MIN_WIDTH = 110;
const BAR_CELLS = 50;

/** docker's `JSONProgress.String()` without the time left (the engine's `start` is not kept): bar and sizes. */
export function progressText(current: number | undefined, total: number | undefined, width: number): string {
  const now = current ?? 0;
  const all = total ?? 0;
  if (now <= 0 && all <= 0) return '';
  if (all <= 0) return humanSize(now, 4).padStart(8);
  const filled = Math.min(Math.trunc(Math.trunc((now / all) * 100) / 2), BAR_CELLS);
  const bar = width > BAR_MIN_WIDTH ? `[${'='.repeat(filled)}>${' '.repeat(BAR_CELLS - filled)}] ` : '';
  const counts = now > all ? humanSize(now, 4).padStart(8) : `${humanSize(now, 4).padStart(8)}/${humanSize(all, 4)}`;
  return bar + counts;
}

/** Writes progress events as docker's CLI does, to a terminal or not. */
export class ProgressDisplay {
  readonly #out: TerminalWritable;
  readonly #terminal: boolean;
  #lines = new Map<string, number>();

  constructor(out: TerminalWritable) {
    this.#out = out;
    this.#terminal = out.isTTY === true;
  }

  show(event: ProgressEvent): void {
    if (event.type === 'result') return;
    if (event.type === 'output') {
      this.#lines.clear();
      this.#out.write(event.text);
      return;
    }
    if (event.type === 'status' || event.note) {
      // a line that is not a layer's step ends the lines redrawn so far (docker: pull -a, one tag after another)
      this.#lines.clear();
      this.#out.write(event.type === 'status' ? `${event.status}\n` : `${event.id}: ${event.status}\n`);
      return;
    }
    const counts = progressText(event.current, event.total, this.#out.columns ?? 200);
    if (!this.#terminal) {
      if (counts === '') this.#out.write(`${event.id}: ${event.status}\n`);
      return;
    }
    let line = this.#lines.get(event.id);
    let text = '';
    if (line === undefined) {
      line = this.#lines.size;
      this.#lines.set(event.id, line);
      text += '\n';
    }
    const distance = this.#lines.size - line;
    text += `${up(distance)}${CLEAR_LINE}\r${event.id}: ${event.status} ${counts}\r${down(distance)}`;
    this.#out.write(text);
  }
}

/** `-q, --quiet` of `pull` and `push`: the progress lines left out. */
export const PROGRESS_QUIET_FLAG: CliFlag = {
  long: 'quiet',
  short: 'q',
  kind: 'bool',
  description: 'Suppress verbose output',
};

/**
 * Reads a pull, push or load to its end, shown on `out` (nothing shown without one); a failure the engine reports
 * mid-stream reads as its own words, as docker prints it.
 */
export async function displayProgress(
  events: AsyncIterable<ProgressEvent>,
  out: TerminalWritable | undefined,
): Promise<void> {
  const display = out ? new ProgressDisplay(out) : undefined;
  try {
    for await (const event of events) display?.show(event);
  } catch (error) {
    throw inEngineWords(error);
  }
}

/** A failure the engine reported inside a stream (status 200 already sent), with only its words, as docker prints. */
export function inEngineWords(error: unknown): unknown {
  if (error instanceof StreamError && error.daemonMessage !== undefined) {
    return new CliError(error.code, error.input, error.daemonMessage, { cause: error });
  }
  return error;
}
