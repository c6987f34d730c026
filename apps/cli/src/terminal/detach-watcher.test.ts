import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DetachWatcher } from './detach-watcher';

const CTRL_P = 16;
const CTRL_Q = 17;

function typed(keys: number[], chunks: number[][]): { forwarded: number[]; detached: boolean } {
  const watcher = new DetachWatcher(keys);
  const forwarded: number[] = [];
  for (const chunk of chunks) {
    const { forward, detached } = watcher.feed(Uint8Array.from(chunk));
    forwarded.push(...forward);
    if (detached) return { forwarded, detached };
  }
  return { forwarded, detached: false };
}

describe('DetachWatcher', () => {
  it.each([
    ['the sequence alone', [[CTRL_P, CTRL_Q]], [], true],
    ['text, then the sequence', [[104, 105, CTRL_P, CTRL_Q, 120]], [104, 105], true],
    ['the sequence across chunks', [[97, CTRL_P], [CTRL_Q]], [97], true],
    ['a broken sequence is typed as it was', [[CTRL_P, 97]], [CTRL_P, 97], false],
    ['a first key typed twice starts over', [[CTRL_P, CTRL_P, CTRL_Q]], [CTRL_P], true],
    ['a held key is not forwarded yet', [[97, CTRL_P]], [97], false],
  ])('%s', (_name, chunks, forwarded, detached) => {
    expect(typed([CTRL_P, CTRL_Q], chunks)).toEqual({ forwarded, detached });
  });

  it('forwards every byte, in order, of input without a complete sequence', () => {
    const noQ = fc.array(fc.integer({ min: 0, max: 255 }).filter((byte) => byte !== CTRL_Q));
    fc.assert(
      fc.property(fc.array(noQ, { maxLength: 5 }), (chunks) => {
        const { forwarded, detached } = typed([CTRL_P, CTRL_Q], chunks);
        const held = chunks.flat().at(-1) === CTRL_P ? 1 : 0;
        expect(detached).toBe(false);
        expect(forwarded).toEqual(chunks.flat().slice(0, chunks.flat().length - held));
      }),
    );
  });
});
