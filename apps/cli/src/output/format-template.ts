import { dockerFunctions, type FunctionMap, parseTemplate, type Template } from '@berth/template';
import type { CliFlag } from '../command';
import type { CommandIo } from '../io';
import { INSPECT_FORMAT_HELP } from './list-format';

/** docker's exit code for a `--format` template that does not parse. */
export const EXIT_BAD_FORMAT = 64;

/** `-f, --format string`, as inspect, version and info declare it. */
export const INSPECT_FORMAT_FLAG: CliFlag = {
  long: 'format',
  short: 'f',
  kind: 'value',
  type: 'string',
  description: INSPECT_FORMAT_HELP,
};

export interface FormatTemplateOptions {
  /** What a refusal starts with: `template parsing error` (inspect, version, info), `Error parsing format` (events). */
  readonly refusal: string;
  /** The template for an empty `--format`; without one, an empty format gives no template. */
  readonly fallback?: string;
  readonly name?: string;
  readonly functions?: FunctionMap;
}

/**
 * A single-object command's `--format` (`json` is `{{json .}}`) as a template; when it does not parse, docker's
 * refusal goes to stderr and the result is undefined: the command then exits EXIT_BAD_FORMAT.
 */
export function formatTemplate(
  io: CommandIo,
  format: string,
  options: FormatTemplateOptions,
): Template | undefined | typeof EXIT_BAD_FORMAT {
  const text = format === '' ? options.fallback : format === 'json' ? '{{json .}}' : format;
  if (text === undefined) return undefined;
  try {
    return parseTemplate(text, { name: options.name ?? '', functions: options.functions ?? dockerFunctions });
  } catch (error) {
    io.stderr.write(`${options.refusal}: ${(error as Error).message}\n`);
    return EXIT_BAD_FORMAT;
  }
}
