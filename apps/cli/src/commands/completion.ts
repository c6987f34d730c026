import { runCaptured } from '../captured-main';
import type { CliFlag, CommandModule } from '../command';
import { GLOBAL_FLAGS } from '../global-options';
import { COMMANDS, GROUPS } from '../registry';

const NO_DESCRIPTIONS: CliFlag = {
  long: 'no-descriptions',
  kind: 'bool',
  description: 'disable completion descriptions',
};

const SHELLS = ['bash', 'fish', 'zsh'] as const;
type Shell = (typeof SHELLS)[number];

/** A word to offer, and what `--help` says of it. */
interface Word {
  readonly word: string;
  readonly summary: string;
}

/** One command as the scripts know it: the words that name it, its flags, whether it takes containers. */
interface CompletedCommand {
  readonly names: readonly string[];
  readonly flags: readonly Word[];
  readonly containers: boolean;
}

/** What every script is made from: the registry, and each command's flags as its `--help` page lists them. */
interface Model {
  /** The words after `berth` (or after a management command's name), keyed by that name ('' for `berth`). */
  readonly words: ReadonlyMap<string, readonly Word[]>;
  readonly commands: readonly CompletedCommand[];
  readonly globalFlags: readonly Word[];
  /** The global options that take a value, so that the value is not read as the command's name. */
  readonly globalValueFlags: readonly string[];
}

const FLAG_LINE = /^ {2}(?:-(\w), )?\s*--([\w-]+)(?: \S+)?(?: {2,}(.*))?$/;

/** The flags a `--help` page lists: the same text the user reads, for every command alike (run's come from there). */
function helpFlags(page: string): { flags: Word[]; containers: boolean } {
  const listed: { long: string; short: string | undefined; summary: string }[] = [];
  for (const line of page.slice(page.indexOf('\nOptions:\n')).split('\n')) {
    const match = FLAG_LINE.exec(line);
    const last = listed.at(-1);
    if (match) listed.push({ long: match[2] ?? '', short: match[1], summary: match[3] ?? '' });
    // a description pflag wrapped onto the next lines
    else if (last && /^ {8,}\S/.test(line)) last.summary = `${last.summary} ${line.trim()}`;
  }
  const flags = listed.flatMap(({ long, short, summary }) => [
    { word: `--${long}`, summary },
    ...(short ? [{ word: `-${short}`, summary }] : []),
  ]);
  const usage = /^Usage: {2}(.*)$/m.exec(page)?.[1] ?? '';
  return { flags, containers: /\bCONTAINER\b/.test(usage) };
}

async function buildModel(): Promise<Model> {
  const words = new Map<string, Word[]>([['', []]]);
  const offer = (under: string, word: string, summary: string) => {
    const list = words.get(under) ?? [];
    if (!list.some((each) => each.word === word)) list.push({ word, summary });
    words.set(under, list);
  };
  for (const group of GROUPS) offer('', group.name, group.summary);
  const commands: CompletedCommand[] = [];
  for (const entry of COMMANDS) {
    for (const name of entry.names) offer(name.length === 2 ? (name[0] ?? '') : '', name.at(-1) ?? '', entry.summary);
    const { stdout } = await runCaptured([...(entry.names[0] ?? []), '--help']);
    commands.push({ names: entry.names.map((name) => name.join(' ')), ...helpFlags(stdout) });
  }
  for (const list of words.values()) list.sort((a, b) => a.word.localeCompare(b.word));
  const globals = Object.values(GLOBAL_FLAGS).filter((flag: CliFlag) => !flag.hidden);
  return {
    words,
    commands,
    globalFlags: globals.flatMap((flag: CliFlag) => [
      { word: `--${flag.long}`, summary: flag.description },
      ...(flag.short ? [{ word: `-${flag.short}`, summary: flag.description }] : []),
    ]),
    globalValueFlags: globals
      .filter((flag: CliFlag) => flag.kind === 'value')
      .flatMap((flag: CliFlag) => [`--${flag.long}`, ...(flag.short ? [`-${flag.short}`] : [])]),
  };
}

const plain = (list: readonly Word[]) => list.map((each) => each.word).join(' ');
/** A shell word in single quotes: the one quoting all three shells read alike. */
const quoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The `case` arms shared by bash and zsh: the words a command path offers, and its flags. */
function caseFunctions(model: Model): string {
  const wordArms = [...model.words].map(([under, list]) => `    ${quoted(under)}) echo ${quoted(plain(list))} ;;`);
  const flagArms = model.commands.map(
    (command) => `    ${command.names.map(quoted).join('|')}) echo ${quoted(plain(command.flags))} ;;`,
  );
  const containerArms = model.commands.filter((command) => command.containers).flatMap((command) => command.names);
  return [
    '__berth_words() {',
    '  case "$1" in',
    ...wordArms,
    '  esac',
    '}',
    '__berth_flags() {',
    '  case "$1" in',
    `    '') echo ${quoted(plain(model.globalFlags))} ;;`,
    ...flagArms,
    '  esac',
    '}',
    '__berth_takes_containers() {',
    '  case "$1" in',
    `    ${containerArms.map(quoted).join('|')}) return 0 ;;`,
    '  esac',
    '  return 1',
    '}',
    `__berth_global_value_flags=${quoted(` ${model.globalValueFlags.join(' ')} `)}`,
  ].join('\n');
}

/**
 * The command path typed so far (`ps`, `container ls`), read from the words before the cursor: global options and
 * their values skipped, a management command's name joined with its subcommand. The loop is the same in bash and zsh
 * but for where the words are.
 */
function pathLoop(first: number, words: string): string {
  return [
    '  local cmdpath="" word i',
    `  for ((i = ${first}; i < cword; i++)); do`,
    `    word=\${${words}[i]}`,
    '    if [[ $word == -* ]]; then',
    '      [[ -z $cmdpath && $__berth_global_value_flags == *" $word "* ]] && ((i++))',
    '      continue',
    '    fi',
    '    if [[ -z $cmdpath ]]; then',
    '      cmdpath=$word',
    '    elif [[ $cmdpath != *" "* && " $(__berth_words "$cmdpath") " == *" $word "* ]]; then',
    '      cmdpath="$cmdpath $word"',
    '    else',
    '      break',
    '    fi',
    '  done',
  ].join('\n');
}

const CONTAINER_NAMES = `berth ps -a --format '{{.Names}}' 2>/dev/null`;

function bashScript(model: Model): string {
  return `# bash completion for berth, generated by \`berth completion bash\`: source <(berth completion bash)
${caseFunctions(model)}
_berth() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cword=$COMP_CWORD
${pathLoop(1, 'COMP_WORDS')}
  local offered
  if [[ $cur == -* ]]; then
    offered=$(__berth_flags "$cmdpath")
  elif [[ -n $cmdpath ]] && __berth_takes_containers "$cmdpath"; then
    offered=$(${CONTAINER_NAMES})
  else
    offered=$(__berth_words "$cmdpath")
  fi
  COMPREPLY=($(compgen -W "$offered" -- "$cur"))
}
complete -F _berth berth
`;
}

function zshScript(model: Model): string {
  return `#compdef berth
# zsh completion for berth, generated by \`berth completion zsh\`: source <(berth completion zsh)
${caseFunctions(model)}
_berth() {
  local cword=$CURRENT
${pathLoop(2, 'words')}
  if [[ \${words[CURRENT]} == -* ]]; then
    compadd -- \${=$(__berth_flags "$cmdpath")}
  elif [[ -n $cmdpath ]] && __berth_takes_containers "$cmdpath"; then
    compadd -- \${(f)"$(${CONTAINER_NAMES})"}
  else
    compadd -- \${=$(__berth_words "$cmdpath")}
  fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _berth "$@"; else compdef _berth berth; fi
`;
}

function fishScript(model: Model, descriptions: boolean): string {
  const described = (summary: string) => (descriptions && summary !== '' ? ` -d ${quoted(summary)}` : '');
  const when = (path: string) => `-n ${quoted(`__berth_path_is ${quoted(path)}`)}`;
  const option = (word: string) => (word.startsWith('--') ? `-l ${word.slice(2)}` : `-s ${word.slice(1)}`);
  const lines = [
    '# fish completion for berth, generated by `berth completion fish`: berth completion fish | source',
    'function __berth_path',
    '    set -l cmdpath',
    '    set -l skip 0',
    '    for word in (commandline -opc)[2..-1]',
    '        if test $skip = 1',
    '            set skip 0',
    '            continue',
    '        end',
    "        if string match -q -- '-*' $word",
    `            if test -z "$cmdpath"; and contains -- $word ${model.globalValueFlags.join(' ')}`,
    '                set skip 1',
    '            end',
    '            continue',
    '        end',
    '        if test -z "$cmdpath"',
    '            set cmdpath $word',
    `        else if contains -- $cmdpath ${GROUPS.map((group) => group.name).join(' ')}`,
    '            set cmdpath "$cmdpath $word"',
    '        else',
    '            break',
    '        end',
    '    end',
    '    echo $cmdpath',
    'end',
    'function __berth_path_is',
    '    set -l typed (__berth_path)',
    '    test "$typed" = "$argv[1]"',
    'end',
    'complete -c berth -f',
    ...model.globalFlags.map((flag) => `complete -c berth ${when('')} ${option(flag.word)}${described(flag.summary)}`),
    ...[...model.words].flatMap(([under, list]) =>
      list.map((each) => `complete -c berth ${when(under)} -a ${quoted(each.word)}${described(each.summary)}`),
    ),
    ...model.commands.flatMap((command) =>
      command.names.flatMap((name) => [
        ...command.flags.map(
          (flag) => `complete -c berth ${when(name)} ${option(flag.word)}${described(flag.summary)}`,
        ),
        ...(command.containers ? [`complete -c berth ${when(name)} -a ${quoted(`(${CONTAINER_NAMES})`)}`] : []),
      ]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** docker's listing of the shells, for `berth completion` alone or with a shell it has no script for. */
const SHELL_LIST = `Usage:  berth completion COMMAND

Generate the autocompletion script for berth for the specified shell.
See each sub-command's help for details on how to use the generated script.

Commands:
  bash        Generate the autocompletion script for bash
  fish        Generate the autocompletion script for fish
  zsh         Generate the autocompletion script for zsh

Run 'berth completion COMMAND --help' for more information on a command.
`;

/** `berth completion bash|zsh|fish`: a static script made from the registry and each command's `--help` flags. */
export const command: CommandModule = {
  usage: '[bash|fish|zsh]',
  flags: [NO_DESCRIPTIONS],
  args: { kind: 'range', min: 0, max: 1 },
  async run(context) {
    const shell = context.args[0];
    if (!SHELLS.includes(shell as Shell)) {
      context.io.stdout.write(SHELL_LIST);
      return 0;
    }
    const model = await buildModel();
    const script: Record<Shell, () => string> = {
      bash: () => bashScript(model),
      zsh: () => zshScript(model),
      fish: () => fishScript(model, !context.bool(NO_DESCRIPTIONS)),
    };
    context.io.stdout.write(script[shell as Shell]());
    return 0;
  },
};
