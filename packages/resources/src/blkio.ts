import { ResourceError, type ValueSource } from './errors';
import { parseUnsignedFlag } from './integer-flag';

/** Block IO weight: 10 to 1000, or 0 for none (the daemon's range). */
export function checkBlkioWeight(weight: number, source: ValueSource): void {
  if (weight !== 0 && (weight < 10 || weight > 1000)) {
    throw new ResourceError('blkio-weight-out-of-range', source, 'the range is 10 to 1000, or 0 to disable');
  }
}

/**
 * `--blkio-weight` → `BlkioWeight`. A daemon whose kernel has no blkio weight drops any value silently, even an
 * out-of-range one; berth refuses those everywhere.
 */
export function parseBlkioWeight(value: string): number {
  return parseUnsignedFlag(value, '--blkio-weight', 16, checkBlkioWeight);
}
