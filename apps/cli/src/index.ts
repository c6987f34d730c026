export { CliError } from './errors';
export { EXIT_NOT_EXECUTABLE, EXIT_NOT_FOUND, EXIT_REFUSED, exitCodeFor } from './exit-codes';
export type { CommandIo } from './io';
export { main } from './main';
