import { ContainerStartError } from '@berth/engine';
import type { CommandIo } from './io';

// docker's exit codes for `run`: 125 when the command or the engine refuses (the container never ran), 126 when its
// command cannot be executed, 127 when it does not exist, otherwise the container's own exit code.
export const EXIT_REFUSED = 125;
export const EXIT_NOT_EXECUTABLE = 126;
export const EXIT_NOT_FOUND = 127;

/**
 * The exit code for an error thrown before the container's process ran, from the error's fields. Anything else that
 * failed then (a file that could not be written, say) is a refusal too, as with docker.
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof ContainerStartError) {
    if (error.failure === 'command-not-found') return EXIT_NOT_FOUND;
    if (error.failure === 'command-not-executable') return EXIT_NOT_EXECUTABLE;
  }
  return EXIT_REFUSED;
}

/** A command that failed before its container ran: says why on stderr and answers the exit code. */
export function refused(error: unknown, io: CommandIo): number {
  io.stderr.write(`berth: ${(error as Error).message}\n`);
  return exitCodeFor(error);
}
