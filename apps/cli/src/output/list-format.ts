import { dockerFunctions, formatRows, parseTemplate } from '@berth/template';
import { CliError } from '../errors';
import { goJson } from './go-json';

/** What a list command's `--format` names, before docker's choice between its table, raw and custom forms. */
export interface ListFormats {
  /** The default table: `table {{.ID}}\t{{.Image}}…`. */
  readonly table: string;
  /** What `-q` prints: `{{.ID}}`. */
  readonly quiet?: string;
  /** The `raw` form, for the commands that have one. */
  readonly raw?: string;
}

/**
 * The template a listing runs (docker's `NewContainerFormat` and kin): `''` and `table` give the default table,
 * `raw` the raw form, anything else is the user's, `table TEMPLATE` and `json` included; `-q` wins over all but
 * `raw`, printing ids only.
 */
export function chooseListFormat(source: string, formats: ListFormats, quiet = false): string {
  const quietFormat = formats.quiet ?? '{{.ID}}';
  if (source === '' || source === 'table') return quiet ? quietFormat : formats.table;
  if (source === 'raw' && formats.raw !== undefined) return formats.raw;
  return quiet ? quietFormat : source;
}

/**
 * A template docker checks before it asks the engine (`failed to parse template: …`, `failed to execute
 * template: …`): the `--format` text as given, run over an empty row. Exits 1 through the dispatcher.
 */
export function checkListTemplate(source: string, emptyRow: unknown): void {
  let template: ReturnType<typeof parseTemplate>;
  try {
    template = parseTemplate(source, { functions: dockerFunctions });
  } catch (error) {
    throw new CliError('template-parse', source, `failed to parse template: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    template.execute(emptyRow);
  } catch (error) {
    throw new CliError('template-exec', source, `failed to execute template: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * The rows as docker's formatter writes them: one line per row (`json`: one JSON object per line), and for a table
 * a header line from `headers` and columns aligned by docker's tabwriter. A template that fails on a row reads `template parsing error: …`.
 */
export function renderList(
  format: string,
  rows: readonly unknown[],
  headers: Readonly<Record<string, string>>,
): string {
  // docker's rows marshal themselves with json.Marshal, which escapes <, > and & where the json function would not
  if (format === 'json') return rows.map((row) => `${goJson(row)}\n`).join('');
  try {
    return formatRows(format, rows, { headers });
  } catch (error) {
    throw new CliError('template-exec', format, `template parsing error: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The `--format` flag's description in a list command's `--help` (docker's `FormatHelp`). */
export const FORMAT_HELP = `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

/** The `--format` flag's description in an inspect command's `--help` (docker's `InspectFormatHelp`). */
export const INSPECT_FORMAT_HELP = `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;
