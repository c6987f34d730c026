import { type FlagDefinition, type ParsedArgv, parseBoolWord } from './argv';

/** Typed access to what the command line gave each flag: the last value of a single flag, all of a repeated one. */
export class FlagValues {
  readonly #values: ParsedArgv['values'];
  readonly #definitions: (long: string) => FlagDefinition | undefined;

  constructor(values: ParsedArgv['values'], definitions: (long: string) => FlagDefinition | undefined) {
    this.#values = values;
    this.#definitions = definitions;
  }

  has(long: string): boolean {
    return this.#values.has(long);
  }

  /** The last value given (pflag: a repeated single-value flag keeps the last). */
  last(long: string): string | undefined {
    return this.#values.get(long)?.at(-1);
  }

  all(...longs: string[]): string[] {
    return longs.flatMap((long) => this.#values.get(long) ?? []);
  }

  bool(long: string): boolean {
    const word = this.last(long);
    const definition = this.#definitions(long);
    return word !== undefined && definition !== undefined && parseBoolWord(definition, word);
  }
}
