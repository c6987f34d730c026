export { CliError } from './errors';
export { EXIT_REFUSED, exitCodeFor } from './exit-codes';
export type { CommandIo } from './io';
export { main } from './main';
