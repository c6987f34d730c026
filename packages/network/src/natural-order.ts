// The natural order `docker port` sorts its lines in (fvbommel/sortorder NaturalLess): runs of digits compare as
// numbers, digits sort before other characters, and other characters compare by their UTF-8 bytes.

const encoder = new TextEncoder();

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 48 && byte <= 57;
}

/** Negative when `a` sorts before `b`, positive when after, 0 when equal. */
export function compareNatural(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const digitX = isDigit(x[i]);
    const digitY = isDigit(y[j]);
    if (digitX !== digitY) return digitX ? -1 : 1;
    if (!digitX) {
      if (x[i] !== y[j]) return (x[i] ?? 0) - (y[j] ?? 0);
      i++;
      j++;
      continue;
    }
    while (x[i] === 48) i++;
    while (y[j] === 48) j++;
    const startX = i;
    const startY = j;
    while (isDigit(x[i])) i++;
    while (isDigit(y[j])) j++;
    if (i - startX !== j - startY) return i - startX - (j - startY);
    for (let k = 0; k < i - startX; k++) {
      const difference = (x[startX + k] ?? 0) - (y[startY + k] ?? 0);
      if (difference !== 0) return difference;
    }
    // The same number: fewer leading zeros first.
    if (startX !== startY) return startX - startY;
  }
  return x.length - i - (y.length - j);
}
