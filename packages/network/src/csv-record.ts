// The first record of a CSV text, read as Go's encoding/csv reads it with its defaults (the advanced `--network`
// syntax goes through it): fields split at commas, `"…"` quoting with `""` for a quote, a bare quote refused.

/** The fields of the first non-empty line (a quoted field may span lines); `undefined` when the quoting is broken. */
export function readCsvRecord(text: string): string[] | undefined {
  let source = text.replace(/\r\n/g, '\n');
  if (source.endsWith('\r')) source = source.slice(0, -1);
  let pos = 0;
  while (source[pos] === '\n') pos++;
  const fields: string[] = [];
  for (;;) {
    if (source[pos] !== '"') {
      let end = pos;
      while (end < source.length && source[end] !== ',' && source[end] !== '\n') end++;
      const field = source.slice(pos, end);
      if (field.includes('"')) return undefined;
      fields.push(field);
      if (source[end] !== ',') return fields;
      pos = end + 1;
      continue;
    }
    let field = '';
    pos++;
    for (;;) {
      const quote = source.indexOf('"', pos);
      if (quote < 0) return undefined;
      field += source.slice(pos, quote);
      pos = quote + 1;
      if (source[pos] === '"') {
        field += '"';
        pos++;
      } else if (source[pos] === ',') {
        fields.push(field);
        pos++;
        break;
      } else if (pos >= source.length || source[pos] === '\n') {
        fields.push(field);
        return fields;
      } else {
        return undefined;
      }
    }
  }
}
