import { describeFailure, EXIT_FAILED } from '../exit-codes';
import type { CommandIo } from '../io';
import { EXIT_BAD_FORMAT, formatTemplate } from './format-template';
import { goJson, indentedJsonList, withIntegers } from './go-json';

/**
 * docker's inspect (cli/command/inspect): each name looked up by `find`, all of them before anything is printed;
 * then the documents found — an indented JSON array by default, one compact array for `json`, or the template's
 * output for each — and the failures, one line each on stderr, exit 1. An array is printed even when empty.
 */
export async function printInspected(
  io: CommandIo,
  names: readonly string[],
  format: string,
  find: (name: string) => Promise<unknown>,
): Promise<number> {
  // '' and json print the documents themselves
  const template = format === 'json' ? undefined : formatTemplate(io, format, { refusal: 'template parsing error' });
  if (template === EXIT_BAD_FORMAT) return template;
  const lookups = names.map((name) => find(name));
  for (const lookup of lookups) lookup.catch(() => undefined); // awaited in order below
  const found: unknown[] = [];
  const failures: string[] = [];
  let printed = '';
  for (const lookup of lookups) {
    let document: unknown;
    try {
      document = await lookup;
    } catch (error) {
      failures.push(describeFailure(error));
      continue;
    }
    if (template === undefined) {
      found.push(document);
      continue;
    }
    try {
      printed += `${template.execute(withIntegers(document))}\n`;
    } catch (error) {
      failures.push(`template parsing error: ${(error as Error).message}`);
    }
  }
  if (template !== undefined) io.stdout.write(printed === '' ? '\n' : printed);
  else if (format === 'json') io.stdout.write(`${found.length === 0 ? '[]' : goJson(found)}\n`);
  else io.stdout.write(`${indentedJsonList(found)}\n`);
  if (failures.length === 0) return 0;
  io.stderr.write(`${failures.join('\n')}\n`);
  return EXIT_FAILED;
}
