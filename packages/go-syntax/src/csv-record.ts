// The first record of a CSV text, read the way Go's encoding/csv Reader.Read does with its defaults (comma `,`, no
// lazy quotes, no leading-space trimming): the docker CLI reads every `--mount` and advanced `--network` value so.
import { utf8Length } from './go-strings';

/** Why a text is not one CSV record, in Go's words (lines and columns 1-based, columns in UTF-8 bytes). */
export interface CsvSyntaxProblem {
  message: string;
}

const BARE_QUOTE = 'bare " in non-quoted-field';
const QUOTE = 'extraneous or missing " in quoted-field';

/** Lines with their `\n`, `\r\n` folded to `\n`, and a `\r` dropped before the end of the text. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) {
      const last = text.slice(start);
      lines.push(last.endsWith('\r') ? last.slice(0, -1) : last);
      break;
    }
    const line = text.slice(start, newline + 1);
    lines.push(line.endsWith('\r\n') ? `${line.slice(0, -2)}\n` : line);
    start = newline + 1;
  }
  return lines;
}

function problem(startLine: number, line: number, column: number, reason: string): CsvSyntaxProblem {
  const where = `parse error on line ${line}, column ${column}: ${reason}`;
  return { message: startLine === line ? where : `record on line ${startLine}; ${where}` };
}

/** The fields of the first non-empty line (or multi-line quoted record) of `text`, or the syntax problem. */
export function readCsvRecord(text: string): string[] | CsvSyntaxProblem {
  const lines = splitLines(text);
  let next = 0;
  let lineNumber = 0;
  const readLine = (): string => {
    lineNumber++;
    return lines[next++] ?? '';
  };

  let line = '';
  while (next < lines.length) {
    line = readLine();
    if (line !== '' && line !== '\n') break;
    line = '';
  }
  if (line === '') return { message: 'EOF' };

  const recordLine = lineNumber;
  // Go's pos: the line and column (1-based, UTF-8 bytes) of the reader in the record, for error messages
  let positionLine = lineNumber;
  let column = 1;
  const fields: string[] = [];
  for (;;) {
    if (!line.startsWith('"')) {
      const comma = line.indexOf(',');
      const field = comma >= 0 ? line.slice(0, comma) : line.endsWith('\n') ? line.slice(0, -1) : line;
      const quote = field.indexOf('"');
      if (quote >= 0) {
        return problem(recordLine, positionLine, column + utf8Length(field.slice(0, quote)), BARE_QUOTE);
      }
      fields.push(field);
      if (comma < 0) return fields;
      column += utf8Length(field) + 1;
      line = line.slice(comma + 1);
      continue;
    }
    line = line.slice(1);
    column += 1;
    let field = '';
    for (;;) {
      const quote = line.indexOf('"');
      if (quote >= 0) {
        field += line.slice(0, quote);
        column += utf8Length(line.slice(0, quote)) + 1;
        line = line.slice(quote + 1);
        if (line.startsWith('"')) {
          field += '"';
          line = line.slice(1);
          column += 1;
        } else if (line.startsWith(',')) {
          line = line.slice(1);
          column += 1;
          fields.push(field);
          break;
        } else if (line === '' || line === '\n') {
          fields.push(field);
          return fields;
        } else {
          return problem(recordLine, positionLine, column - 1, QUOTE);
        }
      } else if (line.length > 0) {
        // The quoted field goes on past the end of this line; an empty read (the end) leaves the position as it is.
        field += line;
        column += utf8Length(line);
        line = readLine();
        if (line.length > 0) {
          positionLine += 1;
          column = 1;
        }
      } else {
        return problem(recordLine, positionLine, column, QUOTE);
      }
    }
  }
}
