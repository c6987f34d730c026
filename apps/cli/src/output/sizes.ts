// go-units' size writers, as docker's listings print sizes: decimal units for `ps -s` and `images`, binary ones
// where docker uses BytesSize (`info`'s Total Memory).
const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function scaled(size: number, base: number, units: readonly string[]): [number, string] {
  let value = size;
  let index = 0;
  while (value >= base && index < units.length - 1) {
    value /= base;
    index++;
  }
  return [value, units[index] ?? ''];
}

/**
 * Go's `%.{precision}g`: `precision` significant digits, exact halves rounded to even, trailing zeros dropped, an
 * exponent (`1e+03`) once the rounded value needs more digits than that.
 */
export function goPrecision(value: number, precision: number): string {
  if (value === 0) return '0';
  let text = value.toPrecision(precision);
  // toPrecision rounds an exact half away from zero; Go rounds it to even
  const exact = value.toExponential(20);
  const [mantissa = '', exponent = ''] = exact.split('e');
  const digits = mantissa.replace('.', '').replace('-', '');
  const kept = digits.slice(0, precision);
  if (/^50*$/.test(digits.slice(precision)) && Number(kept.at(-1)) % 2 === 0) {
    text = Number(`${value < 0 ? '-' : ''}${kept[0]}.${kept.slice(1)}e${exponent}`).toPrecision(precision);
  }
  const [significand = '', power] = text.split('e');
  const trimmed = significand.includes('.') ? significand.replace(/\.?0+$/, '') : significand;
  if (power === undefined) return trimmed;
  const sign = power.startsWith('-') ? '-' : '+';
  return `${trimmed}e${sign}${power.replace(/^[-+]/, '').padStart(2, '0')}`;
}

/** go-units `HumanSizeWithPrecision`: `1.98MB`, `4.1kB`, `0B`; docker's listings use 3 digits. */
export function humanSize(size: number, precision = 3): string {
  const [value, unit] = scaled(size, 1000, DECIMAL_UNITS);
  return `${goPrecision(value, precision)}${unit}`;
}

/** go-units `BytesSize`: binary units with 4 significant digits, `1.944GiB`. */
export function bytesSize(size: number): string {
  const [value, unit] = scaled(size, 1024, BINARY_UNITS);
  return `${goPrecision(value, 4)}${unit}`;
}
