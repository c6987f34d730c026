import { ramInBytes } from '@berth/go-syntax';

/**
 * Bytes in a `tmpfs-size` (`512`, `16k`, `1.5MiB`, `2 gb`, go-units' RAMInBytes), or undefined when it is not a
 * size. Results beyond Number.MAX_SAFE_INTEGER are refused too: JSON could not carry them exactly.
 */
export function parseRamSize(size: string): number | undefined {
  const result = ramInBytes(size);
  return result.ok && result.value <= Number.MAX_SAFE_INTEGER ? result.value : undefined;
}
