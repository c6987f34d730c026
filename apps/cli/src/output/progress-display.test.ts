import { PassThrough } from 'node:stream';
import type { ProgressEvent } from '@berth/engine';
import { describe, expect, it } from 'vitest';
import { ProgressDisplay, progressText } from './progress-display';

function shown(events: ProgressEvent[], terminal: boolean, columns = 150): string {
  const out = Object.assign(new PassThrough(), { isTTY: terminal, columns });
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const display = new ProgressDisplay(out);
  for (const event of events) display.show(event);
  return text;
}

const pull: ProgressEvent[] = [
  { type: 'layer', id: '1.29', status: 'Pulling from library/busybox', note: true },
  { type: 'layer', id: 'aaa', status: 'Already exists' },
  { type: 'layer', id: 'bbb', status: 'Pulling fs layer' },
  { type: 'layer', id: 'bbb', status: 'Downloading', current: 512, total: 2048 },
  { type: 'layer', id: 'bbb', status: 'Pull complete' },
  { type: 'status', status: 'Digest: sha256:abc' },
];

describe('progressText', () => {
  it('is docker’s bar and sizes, the bar only on a terminal wider than 110 columns', () => {
    expect(progressText(512, 2048, 150)).toBe(`[============>${' '.repeat(38)}]     512B/2.048kB`);
    expect(progressText(512, 2048, 80)).toBe('    512B/2.048kB');
    expect(progressText(4096, 0, 150)).toBe(' 4.096kB');
    expect(progressText(undefined, undefined, 150)).toBe('');
  });
});

describe('ProgressDisplay', () => {
  it('prints the plain lines without a terminal, leaving out steps with counts', () => {
    expect(shown(pull, false)).toBe(
      '1.29: Pulling from library/busybox\naaa: Already exists\nbbb: Pulling fs layer\nbbb: Pull complete\nDigest: sha256:abc\n',
    );
  });

  it('on a terminal redraws each layer’s line in place, moving up to it and back', () => {
    const text = shown(pull, true);
    // a new layer takes a new line, then the cursor goes up to it (docker's diff of 1) and back down
    expect(text.startsWith('1.29: Pulling from library/busybox\n\n\x1b[1A\x1b[2K\raaa: Already exists \r\x1b[1B')).toBe(
      true,
    );
    // bbb is the second line: one up from the bottom to redraw it, one down after
    expect(text).toContain('\x1b[1A\x1b[2K\rbbb: Downloading [============>');
    expect(text).toContain('\x1b[2K\rbbb: Pull complete \r\x1b[1B');
    expect(text.endsWith('Digest: sha256:abc\n')).toBe(true);
  });
});
