// docker's listings show 12 hex digits of an id unless --no-trunc is given.
const SHORT_ID_LENGTH = 12;

/** docker's `TruncateID`: an algorithm prefix (`sha256:`) dropped, then the first 12 characters. */
export function shortId(id: string): string {
  const colon = id.indexOf(':');
  return id.slice(colon + 1).slice(0, SHORT_ID_LENGTH);
}

// East Asian wide and fullwidth characters take two columns in a terminal (Unicode TR11).
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

function columns(character: string): number {
  return WIDE.test(character) ? 2 : 1;
}

/** docker's `Ellipsis`: `text` cut to `width` terminal columns, its last one `…` when anything was cut. */
export function ellipsis(text: string, width: number): string {
  if (width <= 0) return '';
  const characters = [...text];
  if (width === 1) return characters[0] ?? '';
  let total = 0;
  for (const character of characters) total += columns(character);
  if (total <= width) return text;
  let used = 0;
  let kept = '';
  for (const character of characters) {
    if (used + columns(character) > width - 1) break;
    used += columns(character);
    kept += character;
  }
  return `${kept}…`;
}
