// The elastic tabstops of Go's text/tabwriter as docker's fork uses them (cli/command/formatter/tabwriter): text
// is cut into cells at tabs, and each column of a block of consecutive lines is padded to its widest cell plus
// `padding`. Widths count terminal columns the way go-runewidth does: East Asian wide characters take two, combining
// marks none.

export interface TabwriterOptions {
  /** Minimal cell width, padding included. */
  readonly minwidth: number;
  /** Width of a tab character when padding with tabs. */
  readonly tabwidth: number;
  /** Added to a cell's width to compute its column's width. */
  readonly padding: number;
  /** The padding character. */
  readonly padchar: string;
  /** Align cells to the right instead of the left. */
  readonly alignRight?: boolean;
}

/** docker's table layout: tabwriter.NewWriter(out, 10, 1, 3, ' ', 0). */
export const dockerTableLayout: TabwriterOptions = { minwidth: 10, tabwidth: 1, padding: 3, padchar: ' ' };

interface Cell {
  readonly text: string;
  readonly width: number;
  readonly htab: boolean;
}

const zeroWidth = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** Terminal columns of a string, as go-runewidth's StringWidth counts them. */
const printableAscii = /^[\x20-\x7e]*$/;

export function displayWidth(s: string): number {
  if (printableAscii.test(s)) return s.length;
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      width++;
      continue;
    }
    const cp = s.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    const ch = String.fromCodePoint(cp);
    if (zeroWidth.test(ch)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

class Formatter {
  out = '';
  private readonly widths: number[] = [];

  constructor(
    private readonly lines: Cell[][],
    private readonly options: TabwriterOptions,
  ) {}

  private padding(textw: number, cellw: number): string {
    if (this.options.padchar === '\t') {
      if (this.options.tabwidth === 0) return '';
      const tw = this.options.tabwidth;
      const rounded = Math.ceil(cellw / tw) * tw;
      return '\t'.repeat(Math.ceil((rounded - textw) / tw));
    }
    return this.options.padchar.repeat(Math.max(cellw - textw, 0));
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i] as Cell[];
      line.forEach((c, j) => {
        if (c.text.length === 0) {
          if (j < this.widths.length) this.out += this.padding(c.width, this.widths[j] as number);
        } else if (!this.options.alignRight) {
          this.out += c.text;
          if (j < this.widths.length) this.out += this.padding(c.width, this.widths[j] as number);
        } else {
          if (j < this.widths.length) this.out += this.padding(c.width, this.widths[j] as number);
          this.out += c.text;
        }
      });
      // The last line is what followed the last newline: it gets none of its own.
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }

  format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= (this.lines[current] as Cell[]).length - 1) continue;
      // A block of lines with a cell in this column starts here.
      this.writeLines(line0, current);
      line0 = current;
      let width = this.options.minwidth;
      for (; current < line1; current++) {
        const line = this.lines[current] as Cell[];
        if (column >= line.length - 1) break;
        const c = line[column] as Cell;
        width = Math.max(width, c.width + this.options.padding);
      }
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, line1);
  }
}

/** Aligns the tab-separated cells of `text`; a line without a tab ends a block of aligned lines, as in Go. */
export function tabwriter(text: string, options: TabwriterOptions = dockerTableLayout): string {
  let out = '';
  let lines: Cell[][] = [[]];
  let cellStart = 0;
  const flush = (): void => {
    const f = new Formatter(lines, options);
    f.format(0, lines.length);
    out += f.out;
    lines = [[]];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 0x09 && ch !== 0x0b && ch !== 0x0a && ch !== 0x0c) continue;
    const cellText = text.slice(cellStart, i);
    const line = lines[lines.length - 1] as Cell[];
    line.push({ text: cellText, width: displayWidth(cellText), htab: ch === 0x09 });
    cellStart = i + 1;
    if (ch === 0x0a || ch === 0x0c) {
      const ncells = line.length;
      lines.push([]);
      if (ch === 0x0c || ncells === 1) flush();
    }
  }
  const rest = text.slice(cellStart);
  if (rest.length > 0) {
    (lines[lines.length - 1] as Cell[]).push({ text: rest, width: displayWidth(rest), htab: false });
  }
  flush();
  return out;
}
