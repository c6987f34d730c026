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

/** An integer flag as pflag reads it (`--cpu-shares 0x200` is 512, `010` is 8). */
export function parseIntegerFlag(value: string, flag: string, bitSize = 64): number {
  return toNumber(parseGoInt(value, bitSize), { flag, input: value }, `signed ${bitSize}-bit`);
}

/** An unsigned integer flag as pflag reads it (`--blkio-weight` is a uint16). */
export function parseUnsignedFlag(value: string, flag: string, bitSize: number): number {
  return toNumber(parseGoUint(value, bitSize), { flag, input: value }, `unsigned ${bitSize}-bit`);
}
