import { BerthError } from '@berth/types';

// docker's exit codes for `run`: 125 when the command or the engine refuses (the container never ran), otherwise
// the container's own exit code.
export const EXIT_REFUSED = 125;

/** The exit code for an error thrown before the container's process ran. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof BerthError) return EXIT_REFUSED;
  throw error;
}
