import { ContainerStartError, EngineError } from '@berth/engine';
import type { CommandIo } from './io';

// docker's exit codes for `run`: 125 when the command or the engine refuses (the container never ran), 126 when its
// command cannot be executed, 127 when it does not exist, otherwise the container's own exit code. Other commands
// exit 1 when they fail.
export const EXIT_FAILED = 1;
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

/** The line docker prints for a failure: the daemon's own words after `Error response from daemon: `. */
export function describeFailure(error: unknown): string {
  if (error instanceof EngineError && error.status !== undefined && error.daemonMessage !== undefined) {
    return `Error response from daemon: ${error.daemonMessage}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Any other command's failure: its lines on stderr, and exit 1. */
export function failed(error: unknown, io: CommandIo): number {
  io.stderr.write(`${describeFailure(error)}\n`);
  return EXIT_FAILED;
}
