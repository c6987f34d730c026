// Go's strconv.ParseBool: pflag reads `--rm=false` with it, the daemon `no-new-privileges=<bool>`.
const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** The boolean a word means, or undefined when it is not one of Go's twelve words. */
export function parseGoBool(word: string): boolean | undefined {
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
