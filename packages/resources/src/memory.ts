import { parseGoBool } from '@berth/go-syntax';
import { ResourceError, type ValueSource } from './errors';
import { parseIntegerFlag } from './integer-flag';
import { parseBytes } from './size';

// ch.6.1.1: a memory limit guards against overconsumption; it is not a reservation.

/** The daemon's floor for --memory, --memory-reservation and --kernel-memory (linuxMinMemory): 6 MiB. */
export const MIN_MEMORY_BYTES = 6 * 1024 * 1024;

/** The daemon refuses a memory, reservation or kernel-memory limit set below 6 MiB (0 means no limit). */
export function checkMemoryFloor(bytes: number, source: ValueSource): void {
  if (bytes !== 0 && bytes < MIN_MEMORY_BYTES) {
    throw new ResourceError('memory-too-small', source, `the minimum is 6 MiB (${MIN_MEMORY_BYTES} bytes)`);
  }
}

function parseMemoryLimit(value: string, flag: string): number {
  const bytes = parseBytes(value, flag);
  checkMemoryFloor(bytes, { flag, input: value });
  return bytes;
}

/** `-m`/`--memory` → `Memory` in bytes. */
export function parseMemory(value: string): number {
  return parseMemoryLimit(value, '--memory');
}

/** `--memory-reservation` (the soft limit) → `MemoryReservation` in bytes. */
export function parseMemoryReservation(value: string): number {
  return parseMemoryLimit(value, '--memory-reservation');
}

/** `--kernel-memory` → `KernelMemory` in bytes (deprecated by the kernel since 5.4, still accepted by docker). */
export function parseKernelMemory(value: string): number {
  return parseMemoryLimit(value, '--kernel-memory');
}

/** `--shm-size` → `ShmSize` in bytes (0 lets the daemon use its default, 64 MiB). */
export function parseShmSize(value: string): number {
  return parseBytes(value, '--shm-size');
}

/** `--memory-swap` → `MemorySwap`: memory plus swap in bytes, or -1 for unlimited swap. */
export function parseMemorySwap(value: string): number {
  return value === '-1' ? -1 : parseBytes(value, '--memory-swap');
}

/** The range docker's CLI enforces for --memory-swappiness (-1 leaves the host's setting). */
export function checkSwappiness(swappiness: number, source: ValueSource): void {
  if (swappiness !== -1 && (swappiness < 0 || swappiness > 100)) {
    throw new ResourceError('swappiness-out-of-range', source, 'the range is 0 to 100, or -1 for the default');
  }
}

/** `--memory-swappiness` → `MemorySwappiness`. */
export function parseMemorySwappiness(value: string): number {
  return parseIntegerFlag(value, '--memory-swappiness', checkSwappiness);
}

export function checkOomScoreAdj(adjustment: number, source: ValueSource): void {
  if (adjustment < -1000 || adjustment > 1000) {
    throw new ResourceError('oom-score-adj-out-of-range', source, 'the range is -1000 to 1000');
  }
}

/** `--oom-score-adj` → `OomScoreAdj`. */
export function parseOomScoreAdj(value: string): number {
  return parseIntegerFlag(value, '--oom-score-adj', checkOomScoreAdj);
}

/** `--oom-kill-disable[=bool]` → `OomKillDisable`; the words are Go's strconv.ParseBool ones. */
export function parseOomKillDisable(value: boolean | string = true): boolean {
  if (typeof value === 'boolean') return value;
  const disabled = parseGoBool(value);
  if (disabled !== undefined) return disabled;
  throw new ResourceError('invalid-boolean', { flag: '--oom-kill-disable', input: value }, 'expected true or false');
}

export interface MemoryRelations {
  Memory?: number | undefined;
  MemoryReservation?: number | undefined;
  MemorySwap?: number | undefined;
}

/** The daemon's rules between memory, swap and reservation (verifyPlatformContainerResources). */
export function checkMemoryRelations(config: MemoryRelations, sourceOf: (field: keyof MemoryRelations) => ValueSource) {
  const memory = config.Memory ?? 0;
  const swap = config.MemorySwap ?? 0;
  const reservation = config.MemoryReservation ?? 0;
  if (memory > 0 && swap > 0 && swap < memory) {
    throw new ResourceError(
      'memory-swap-too-small',
      sourceOf('MemorySwap'),
      `memory plus swap cannot be less than the memory limit (${memory} bytes)`,
    );
  }
  if (memory === 0 && swap > 0) {
    throw new ResourceError('memory-swap-without-memory', sourceOf('MemorySwap'), 'set --memory as well');
  }
  if (memory > 0 && reservation > 0 && memory < reservation) {
    throw new ResourceError(
      'memory-below-reservation',
      sourceOf('Memory'),
      `the memory limit cannot be below the reservation (${reservation} bytes)`,
    );
  }
}
