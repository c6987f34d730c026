export type { ArgsRule, CliFlag, CommandModule } from './command';
export { CommandContext } from './context';
export { CliError, PartialFailure, UsageError } from './errors';
export {
  describeFailure,
  EXIT_FAILED,
  EXIT_NOT_EXECUTABLE,
  EXIT_NOT_FOUND,
  EXIT_REFUSED,
  exitCodeFor,
} from './exit-codes';
export type { CommandIo } from './io';
export { main } from './main';
