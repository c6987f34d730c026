import { ramInBytes } from '@berth/go-syntax';
import { ResourceError } from './errors';

/**
 * A byte size as docker reads `--memory`, `--memory-reservation`, `--memory-swap`, `--kernel-memory` and
 * `--shm-size` (go-units' RAMInBytes): `256m`, `1.5g`, `512 MiB`, `1048576`. Fractions of a byte are dropped.
 */
export function parseBytes(value: string, flag = '--memory'): number {
  const source = { flag, input: value };
  const size = ramInBytes(value);
  if (size.ok) return size.value;
  switch (size.reason) {
    case 'no-digits':
      throw new ResourceError('invalid-size', source, 'a size needs at least one digit');
    case 'not-a-number':
      throw new ResourceError('invalid-size', source, `"${size.number}" is not a number`);
    case 'negative':
      throw new ResourceError('invalid-size', source, 'a size cannot be negative');
    case 'bad-unit':
      throw new ResourceError(
        'invalid-size',
        source,
        `invalid unit "${size.unit}" (b, k, m, g, t or p, optionally with b or ib)`,
      );
    case 'too-large':
      throw new ResourceError('size-out-of-range', source, 'the size must be a finite number of bytes below 2^63');
  }
}
