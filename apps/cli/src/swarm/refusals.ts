import { BerthError } from '@berth/types';
import { UsageError } from '../errors';

/**
 * Reads a service command line: what its grammar or a service refuses (`--link`, a bad `--publish`…) is a refusal of
 * the command line, printed with the usage line and exit 125 as docker's flag refusals, before any engine call.
 */
export function readRefusingUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof BerthError && !(error instanceof UsageError)) {
      throw new UsageError(error.code, error.input, error.message, 125);
    }
    throw error;
  }
}
