import { ResourceError, type ValueSource } from './errors';
import { parseIntegerFlag } from './integer-flag';

/** Linux's PID_MAX_LIMIT on 64-bit hosts: pids.max refuses anything larger when the container starts. */
export const MAX_PIDS_LIMIT = 4_194_304;

/** A pids limit: 0 or any negative value means unlimited (the daemon drops it), otherwise at most 4194304. */
export function checkPidsLimit(limit: number, source: ValueSource): void {
  if (limit > MAX_PIDS_LIMIT) {
    throw new ResourceError(
      'pids-limit-out-of-range',
      source,
      `the kernel's maximum is ${MAX_PIDS_LIMIT}; -1 is unlimited`,
    );
  }
}

/** `--pids-limit` → `PidsLimit`. */
export function parsePidsLimit(value: string): number {
  return parseIntegerFlag(value, '--pids-limit', checkPidsLimit);
}
