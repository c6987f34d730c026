import { type GoIntegerResult, parseGoInt, parseGoUint } from '@berth/go-syntax';
import { ResourceError, type ValueSource } from './errors';

function toNumber(result: GoIntegerResult, source: ValueSource, bits: string): number {
  if (!result.ok) {
    if (result.reason === 'range') {
      throw new ResourceError('integer-out-of-range', source, `the number does not fit a ${bits} integer`);
    }
    throw new ResourceError('invalid-integer', source, 'not an integer (decimal, or 0x/0o/0b/0-prefixed)');
  }
  const value = Number(result.value);
  // the Engine API takes JSON numbers: past 2^53 they no longer hold the integer exactly
  if (!Number.isSafeInteger(value)) {
    throw new ResourceError('integer-out-of-range', source, 'the number is too large to send exactly (above 2^53)');
  }
  return value;
}

/** A flag's own range rule, given the parsed number and where it came from. */
export type RangeCheck = (value: number, source: ValueSource) => void;

/** An int64 flag as pflag reads it (`--cpu-shares 0x200` is 512, `010` is 8), then held to `check`. */
export function parseIntegerFlag(value: string, flag: string, check?: RangeCheck): number {
  const source = { flag, input: value };
  const number = toNumber(parseGoInt(value, 64), source, 'signed 64-bit');
  check?.(number, source);
  return number;
}

/** An unsigned integer flag as pflag reads it (`--blkio-weight` is a uint16), then held to `check`. */
export function parseUnsignedFlag(value: string, flag: string, bitSize: number, check?: RangeCheck): number {
  const source = { flag, input: value };
  const number = toNumber(parseGoUint(value, bitSize), source, `unsigned ${bitSize}-bit`);
  check?.(number, source);
  return number;
}
