import { FlagSet, type ParsedArgv } from '@berth/run-args';
import { BerthError } from '@berth/types';
import { type ArgsRule, type CommandModule, HELP_FLAG } from './command';
import { CommandContext } from './context';
import { type HelpVerb, UsageError } from './errors';
import { EXIT_FAILED, failed } from './exit-codes';
import { GLOBAL_FLAG_SET, GLOBAL_FLAGS, type GlobalOptions, readGlobalOptions } from './global-options';
import { commandList, flagTable, helpPage } from './help-text';
import type { CommandIo } from './io';
import { COMMANDS, COMMON_ORDER, type CommandEntry, GROUPS } from './registry';
import { BERTH_VERSION } from './version-info';

const PROGRAM = 'berth';

interface Found {
  entry: CommandEntry;
  /** The words it was called by. */
  path: readonly string[];
  rest: readonly string[];
}

/** The command the words name: two words (`container ls`) before one (`ps`). */
function findCommand(words: readonly string[]): Found | undefined {
  for (const length of [2, 1]) {
    const path = words.slice(0, length);
    if (path.length !== length) continue;
    const entry = COMMANDS.find((candidate) =>
      candidate.names.some((name) => name.length === length && name.every((word, index) => word === path[index])),
    );
    if (entry) return { entry, path, rest: words.slice(length) };
  }
  return undefined;
}

function useLine(path: readonly string[], command: CommandModule): string {
  return [PROGRAM, ...path, command.usage].filter((part) => part !== '').join(' ');
}

/** docker's closing lines after a refused command line: the usage, and where to read more. */
function usageRefusal(error: UsageError, path: readonly string[], usage: string, io: CommandIo): number {
  const named = [PROGRAM, ...path].join(' ');
  io.stderr.write(`${error.message}\n\nUsage:  ${usage}\n\n${error.helpVerb} '${named} --help' for more information\n`);
  return error.exitCode;
}

function checkArgs(rule: ArgsRule, args: readonly string[], commandLine: string): void {
  const count = args.length;
  const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
  const refuse = (text: string, verb: HelpVerb = 'Run') => {
    throw new UsageError('wrong-argument-count', String(count), `${PROGRAM}: '${commandLine}' ${text}`, 1, verb);
  };
  if (rule.kind === 'none' && count > 0) refuse('accepts no arguments');
  if (rule.kind === 'exact' && count !== rule.count) refuse(`requires ${rule.count} ${plural(rule.count)}`);
  if (rule.kind === 'min' && count < rule.count) {
    refuse(`requires at least ${rule.count} ${plural(rule.count)}`, 'See');
  }
  if (rule.kind === 'max' && count > rule.count) refuse(`requires at most ${rule.count} ${plural(rule.count)}`, 'SRun');
  if (rule.kind === 'range' && (count < rule.min || count > rule.max)) {
    refuse(`requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}`);
  }
}

/** Reads the words against the command's flags; `run` and `create` read theirs with docker's run grammar. */
function parseWords(command: CommandModule, words: readonly string[]): ParsedArgv {
  if (command.rawWords) return { values: new Map(), positionals: [...words] };
  const flags = new FlagSet([...command.flags, HELP_FLAG]);
  try {
    return flags.parse(words, { interspersed: command.interspersed ?? true });
  } catch (error) {
    if (error instanceof BerthError && !(error instanceof UsageError)) {
      throw new UsageError(error.code, error.input, error.message, 125);
    }
    throw error;
  }
}

function namesOf(entry: CommandEntry): string {
  return entry.names.map((name) => [PROGRAM, ...name].join(' ')).join(', ');
}

async function runCommand(found: Found, globals: GlobalOptions, io: CommandIo): Promise<number> {
  const { command } = await found.entry.load();
  const usage = useLine(found.path, command);
  const commandLine = [PROGRAM, ...found.path].join(' ');
  try {
    const parsed = parseWords(command, found.rest);
    if (!command.rawWords && parsed.values.has('help')) {
      const page = { useLine: usage, description: found.entry.summary, flags: command.flags };
      io.stdout.write(helpPage(found.entry.names.length > 1 ? { ...page, aliases: namesOf(found.entry) } : page));
      return 0;
    }
    checkArgs(command.args, parsed.positionals, commandLine);
    return await command.run(new CommandContext(io, globals, found.path, parsed));
  } catch (error) {
    if (error instanceof UsageError) return usageRefusal(error, found.path, usage, io);
    return failed(error, io);
  }
}

function groupHelp(group: string): string {
  const subcommands = COMMANDS.flatMap((entry) => {
    const name = entry.names.find((candidate) => candidate.length === 2 && candidate[0] === group);
    return name ? [[name[1] ?? '', entry.summary] as const] : [];
  }).sort(([a], [b]) => a.localeCompare(b));
  const summary = GROUPS.find((candidate) => candidate.name === group)?.summary ?? '';
  return `Usage:  ${PROGRAM} ${group} COMMAND\n\n${summary}\n\n${commandList('Commands', subcommands)}\nRun '${PROGRAM} ${group} COMMAND --help' for more information on a command.\n`;
}

function topHelp(): string {
  const single = (entry: CommandEntry) => entry.names.find((name) => name.length === 1)?.[0];
  const listed = (entries: readonly CommandEntry[]) =>
    entries.flatMap((entry) => {
      const name = single(entry);
      return name ? [[name, entry.summary] as const] : [];
    });
  const rank = ([name]: readonly [string, string]) => COMMON_ORDER.indexOf(name);
  const common = listed(COMMANDS.filter((entry) => entry.common)).sort((a, b) => rank(a) - rank(b));
  const management = GROUPS.filter((group) => !group.swarm).map((group) => [group.name, group.summary] as const);
  const swarm = GROUPS.filter((group) => group.swarm).map((group) => [group.name, group.summary] as const);
  const others = listed(COMMANDS.filter((entry) => !entry.common)).sort(([a], [b]) => a.localeCompare(b));
  const sections = [
    commandList('Common Commands', common),
    commandList('Management Commands', management),
    ...(swarm.length > 0 ? [commandList('Swarm Commands', swarm)] : []),
    commandList('Commands', others),
    `Global Options:\n${flagTable(Object.values(GLOBAL_FLAGS))}`,
  ];
  return `Usage:  ${PROGRAM} [OPTIONS] COMMAND\n\nA docker-compatible CLI built on the berth packages\n\n${sections.join('\n')}\nRun '${PROGRAM} COMMAND --help' for more information on a command.\n`;
}

/** Runs one berth command line (the words after `berth`) and resolves to its exit code. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  let globals: GlobalOptions;
  let words: readonly string[];
  try {
    const parsed = GLOBAL_FLAG_SET.parse(argv);
    globals = readGlobalOptions(parsed);
    words = parsed.positionals;
  } catch (error) {
    const refusal =
      error instanceof UsageError ? error : new UsageError('bad-global-option', '', (error as Error).message, 125);
    return usageRefusal(refusal, [], `${PROGRAM} [OPTIONS] COMMAND [ARG...]`, io);
  }
  if (globals.version) {
    io.stdout.write(`berth version ${BERTH_VERSION}\n`);
    return 0;
  }
  const first = words[0];
  if (first === undefined || (globals.help && words.length === 0)) {
    io.stdout.write(topHelp());
    return 0;
  }
  if (first === 'help') return main([...words.slice(1), '--help'], io);
  const found = findCommand(words);
  if (found) return runCommand(found, globals, io);
  const group = GROUPS.find((candidate) => candidate.name === first);
  if (group && (words.length === 1 || words[1] === '--help')) {
    io.stdout.write(groupHelp(group.name));
    return 0;
  }
  const named = [PROGRAM, ...words.slice(0, group ? 2 : 1)].join(' ');
  const usage = group ? `\n\nUsage:  ${PROGRAM} ${group.name}` : '';
  const help = group ? `${PROGRAM} ${group.name}` : PROGRAM;
  io.stderr.write(`${PROGRAM}: unknown command: ${named}${usage}\n\nRun '${help} --help' for more information\n`);
  return EXIT_FAILED;
}
