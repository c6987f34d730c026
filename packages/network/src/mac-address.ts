// MAC addresses as Go's `net.ParseMAC` reads them (docker's opts.ValidateMACAddress): 6, 8 or 20 bytes written
// as `00:00:5e:00:53:01`, `00-00-5e-00-53-01` or `0000.5e00.5301`.
import { trimSpace } from '@berth/go-syntax';

function groups(text: string, separator: string, width: number): string[] | undefined {
  const parts = text.split(separator);
  return parts.every((part) => part.length === width && /^[0-9a-fA-F]+$/.test(part)) ? parts : undefined;
}

/** Whether docker takes the text (surrounding white space aside) as a MAC address. */
export function isMacAddress(value: string): boolean {
  const text = trimSpace(value);
  if (text.length < 14) return false;
  const separator = text[2];
  if (separator === ':' || separator === '-') {
    const pairs = groups(text, separator, 2);
    return pairs !== undefined && [6, 8, 20].includes(pairs.length);
  }
  if (text[4] === '.') {
    const quads = groups(text, '.', 4);
    return quads !== undefined && [3, 4, 10].includes(quads.length);
  }
  return false;
}
