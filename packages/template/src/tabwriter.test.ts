import { describe, expect, it } from 'vitest';
import { displayWidth, tabwriter } from './tabwriter';

describe('tabwriter', () => {
  it('pads each column to its widest cell plus 3, at least 10 wide, as docker lays out tables', () => {
    expect(tabwriter('NAME\tSTATUS\nweb\tUp 2 hours\na-long-name-here\tExited\n')).toBe(
      'NAME               STATUS\nweb                Up 2 hours\na-long-name-here   Exited\n',
    );
  });

  it('ends a block of aligned lines at a line without a tab', () => {
    expect(tabwriter('a\tb\nheading\nlonger cell\tc\n')).toBe('a         b\nheading\nlonger cell   c\n');
  });

  it('keeps text after the last newline, unpadded', () => {
    expect(tabwriter('a\tb\ntail')).toBe('a         b\ntail');
  });

  it("counts East Asian wide characters as two columns, combining marks as none (docker's go-runewidth)", () => {
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(tabwriter('日本語\tx\nab\ty\n', { minwidth: 0, tabwidth: 8, padding: 1, padchar: ' ' })).toBe(
      '日本語 x\nab     y\n',
    );
  });

  it('aligns right and pads with any character when asked', () => {
    const options = { minwidth: 0, tabwidth: 8, padding: 1, padchar: '.', alignRight: true };
    expect(tabwriter('a\tbb\nccc\td\n', options)).toBe('...abb\n.cccd\n');
  });
});
