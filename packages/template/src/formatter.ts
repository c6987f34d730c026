// docker's --format layer (cli/command/formatter/formatter.go): `json` for one JSON object per row, a `table`
// prefix for a header row and tabwriter-aligned columns, and the literal \t and \n escapes docker expands.

import { dockerFunctions, headerFunctions } from './docker-functions';
import type { FunctionMap } from './functions';
import { dockerTableLayout, tabwriter } from './tabwriter';
import { parseTemplate } from './template';

export interface FormatOptions {
  /** A table's column names by field, docker's FullHeader: `{ ID: 'CONTAINER ID', Image: 'IMAGE' }`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The functions rows see; default dockerFunctions. The header row always sees docker's header functions. */
  readonly functions?: FunctionMap;
  /** The template name errors quote; docker's is empty (`template: :1:2: …`). */
  readonly name?: string;
}

/** Whether `format` asks for a table (it starts with "table"). */
export function isTableFormat(format: string): boolean {
  return format.startsWith('table');
}

/** Whether `format` is exactly "json" (not a template that calls json). */
export function isJSONFormat(format: string): boolean {
  return format === 'json';
}

/**
 * The template text docker runs for a --format value: `{{json .}}` for "json", the rest after a "table" prefix,
 * blanks trimmed at both ends and the two-character escapes \t and \n made real. A bare "table" gives "" (the command
 * substitutes its default table format before this).
 */
export function templateText(format: string): string {
  if (format === 'table') return '';
  if (format === 'json') return '{{json .}}';
  const body = isTableFormat(format) ? format.slice('table'.length) : format;
  return body
    .replace(/^ +| +$/g, '')
    .replaceAll('\\t', '\t')
    .replaceAll('\\n', '\n');
}

/**
 * Renders `rows` with a docker --format value, each row followed by a newline; a table gets its header row (the
 * template run over `headers`) and aligned columns. Throws TemplateParseError or TemplateExecError.
 */
export function formatRows(format: string, rows: readonly unknown[], options: FormatOptions = {}): string {
  const text = templateText(format);
  const name = options.name ?? '';
  const template = parseTemplate(text, { name, functions: options.functions ?? dockerFunctions });
  let body = '';
  for (const row of rows) body += `${template.execute(row)}\n`;
  if (!isTableFormat(format)) return body;
  const header = parseTemplate(text, { name, functions: { ...options.functions, ...headerFunctions } });
  return tabwriter(`${header.execute(options.headers ?? {})}\n${body}`, dockerTableLayout);
}
