import type { CliFlag } from './command';

// Help as the docker CLI prints it (cobra's template, pflag's flag table), for a terminal 80 columns wide.

const WIDTH = 79;

/** pflag's wrapN: break `text` at the last blank before `width`, unless the rest fits within `slop`. */
function wrapOnce(width: number, slop: number, text: string): [string, string] {
  if (width + slop > text.length) return [text, ''];
  const head = text.slice(0, width);
  const blank = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (blank <= 0) return [text, ''];
  const newline = head.lastIndexOf('\n');
  if (newline > 0 && newline < blank) return [text.slice(0, newline), text.slice(newline + 1)];
  return [text.slice(0, blank), text.slice(blank + 1)];
}

/** pflag's wrap: the text from column `indent` on, wrapped to `width` with continuation lines indented. */
function wrapFrom(indent: number, width: number, text: string): string {
  let room = width - indent;
  let prefix = '';
  let column = indent;
  if (room < 24) {
    column = 16;
    room = width - column;
    prefix = `\n${' '.repeat(column)}`;
  }
  if (room < 24) return text.replaceAll('\n', prefix);
  const slop = 5;
  const pad = `\n${' '.repeat(column)}`;
  let [line, rest] = wrapOnce(room - slop, slop, text);
  let wrapped = prefix + line.replaceAll('\n', pad);
  while (rest !== '') {
    [line, rest] = wrapOnce(room - slop, slop, rest);
    wrapped += pad + line.replaceAll('\n', pad);
  }
  return wrapped;
}

function flagUsage(flag: CliFlag): string {
  return flag.default === undefined ? flag.description : `${flag.description} (default ${flag.default})`;
}

/** The options table: `  -a, --all             Show all containers…`. */
export function flagTable(flags: readonly CliFlag[]): string {
  const shown = flags.filter((flag) => !flag.hidden);
  const heads = shown.map((flag) => {
    const names = flag.short ? `  -${flag.short}, --${flag.long}` : `      --${flag.long}`;
    return flag.type && flag.kind === 'value' ? `${names} ${flag.type}` : names;
  });
  // pflag counts the separator it puts after the names, then Fprintln adds a blank on each side of the padding
  const width = Math.max(0, ...heads.map((head) => head.length + 1));
  return shown
    .map((flag, index) => {
      const head = heads[index] ?? '';
      return `${head}${' '.repeat(width - head.length + 2)}${wrapFrom(width + 2, WIDTH, flagUsage(flag))}\n`;
    })
    .join('');
}

export interface HelpPage {
  /** `berth ps [OPTIONS]` */
  useLine: string;
  description: string;
  /** Every name of the command, `berth container ls, …, berth ps`, when it has more than one. */
  aliases?: string;
  flags: readonly CliFlag[];
}

/** `berth ps --help`. */
export function helpPage(page: HelpPage): string {
  let text = `Usage:  ${page.useLine}\n\n${page.description}\n`;
  if (page.aliases) text += `\nAliases:\n  ${page.aliases}\n`;
  if (page.flags.some((flag) => !flag.hidden)) text += `\nOptions:\n${flagTable(page.flags)}`;
  return text;
}

/** A two-column list of commands, as the management commands print them: `  attach      Attach local…`. */
export function commandList(title: string, commands: readonly (readonly [string, string])[]): string {
  // cobra pads names to its NamePadding (at least 11), then a blank
  const width = Math.max(11, ...commands.map(([name]) => name.length));
  return `${title}:\n${commands.map(([name, summary]) => `  ${name.padEnd(width)} ${summary}\n`).join('')}`;
}
