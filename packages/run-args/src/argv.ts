import { parseGoBool } from '@berth/go-syntax';
import { RunArgsError } from './errors';

// The command-line grammar of the docker CLI (spf13/pflag): `--flag=value` or `--flag value`, short flags combine
// (`-dit`) and take their value attached (`-p80`, `-p=80`) or as the next word, `--` ends the options. With
// interspersed arguments off (`run`, `create`, `exec`), the first word that is not an option ends them too; on
// (most other commands: `docker rm web -f`), options and arguments mix.

export type FlagKind = 'bool' | 'value';

export interface FlagDefinition {
  long: string;
  short?: string;
  kind: FlagKind;
  /** A hidden old name of another flag (`--net` for `--network`): its values are recorded under that flag. */
  aliasOf?: string;
}

export interface ParsedArgv {
  /** Every value a flag was given, in order; a bool flag's values are `"true"`/`"false"` as written. */
  values: Map<string, string[]>;
  /** The words after the options: for `docker run`, the image and then the command. */
  positionals: string[];
}

/** Go's `strconv.ParseBool`, which pflag uses for `--rm=false`. */
export function parseBoolWord(flag: FlagDefinition, word: string): boolean {
  const value = parseGoBool(word);
  if (value !== undefined) return value;
  throw new RunArgsError(
    'invalid-boolean',
    word,
    `invalid argument "${word}" for "${flagLabel(flag)}" flag: strconv.ParseBool: parsing "${word}": invalid syntax`,
  );
}

/** A bool flag's last value as parsed (`--rm=false` is false); undefined when it was not given. */
export function lastBool(parsed: ParsedArgv, flag: FlagDefinition): boolean | undefined {
  const last = parsed.values.get(flag.long)?.at(-1);
  return last === undefined ? undefined : parseBoolWord(flag, last);
}

function flagLabel(flag: FlagDefinition): string {
  return flag.short ? `-${flag.short}, --${flag.long}` : `--${flag.long}`;
}

export interface ParseOptions {
  /** Options may follow arguments, as in pflag's default; off for `run`, whose command follows the image. */
  interspersed?: boolean;
}

export class FlagSet {
  readonly #definitions: readonly FlagDefinition[];
  readonly #byLong = new Map<string, FlagDefinition>();
  readonly #byShort = new Map<string, FlagDefinition>();

  constructor(definitions: readonly FlagDefinition[]) {
    this.#definitions = definitions;
    for (const definition of definitions) {
      this.#byLong.set(definition.long, definition);
      if (definition.short) this.#byShort.set(definition.short, definition);
    }
  }

  /** This grammar and a tool's own flags (`berth run --dry-run`); a definition given again replaces the first. */
  with(extra: readonly FlagDefinition[]): FlagSet {
    return new FlagSet([...this.#definitions, ...extra]);
  }

  get(long: string): FlagDefinition | undefined {
    return this.#byLong.get(long);
  }

  /** The flags a user sees in usage: every one but the hidden old names. */
  visible(): FlagDefinition[] {
    return [...this.#byLong.values()].filter((flag) => flag.aliasOf === undefined);
  }

  parse(argv: readonly string[], options: ParseOptions = {}): ParsedArgv {
    const values = new Map<string, string[]>();
    const record = (flag: FlagDefinition, value: string) => {
      if (flag.kind === 'bool') parseBoolWord(flag, value);
      const name = flag.aliasOf ?? flag.long;
      const list = values.get(name);
      if (list) list.push(value);
      else values.set(name, [value]);
    };
    const positionals: string[] = [];
    let index = 0;
    const next = () => argv[index++];
    while (index < argv.length) {
      const word = argv[index] as string;
      if (word.length < 2 || !word.startsWith('-')) {
        if (!options.interspersed) break;
        positionals.push(word);
        index += 1;
        continue;
      }
      index += 1;
      if (word === '--') break;
      if (word.startsWith('--')) this.#parseLong(word, next, record);
      else this.#parseShorts(word, next, record);
    }
    positionals.push(...argv.slice(index));
    return { values, positionals };
  }

  #parseLong(word: string, next: () => string | undefined, record: (flag: FlagDefinition, value: string) => void) {
    const body = word.slice(2);
    if (body.startsWith('-') || body.startsWith('=')) {
      throw new RunArgsError('bad-flag-syntax', word, `bad flag syntax: ${word}`);
    }
    const equals = body.indexOf('=');
    const name = equals === -1 ? body : body.slice(0, equals);
    const flag = this.#byLong.get(name);
    if (!flag) throw new RunArgsError('unknown-flag', word, `unknown flag: --${name}`);
    if (equals !== -1) return record(flag, body.slice(equals + 1));
    if (flag.kind === 'bool') return record(flag, 'true');
    const value = next();
    if (value === undefined) {
      throw new RunArgsError('flag-needs-argument', word, `flag needs an argument: --${name}`);
    }
    record(flag, value);
  }

  #parseShorts(word: string, next: () => string | undefined, record: (flag: FlagDefinition, value: string) => void) {
    let shorts = word.slice(1);
    while (shorts.length > 0) {
      const letter = shorts.charAt(0);
      const flag = this.#byShort.get(letter);
      if (!flag) {
        throw new RunArgsError('unknown-shorthand', word, `unknown shorthand flag: '${letter}' in ${word}`);
      }
      if (shorts.length > 2 && shorts.charAt(1) === '=') {
        record(flag, shorts.slice(2));
        return;
      }
      if (flag.kind === 'bool') {
        record(flag, 'true');
        shorts = shorts.slice(1);
        continue;
      }
      if (shorts.length > 1) {
        record(flag, shorts.slice(1));
        return;
      }
      const value = next();
      if (value === undefined) {
        throw new RunArgsError('flag-needs-argument', word, `flag needs an argument: '${letter}' in ${word}`);
      }
      record(flag, value);
      return;
    }
  }
}
