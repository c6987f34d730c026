export { type FlagDefinition, type FlagKind, FlagSet, type ParsedArgv } from './argv';
export { RunArgsError } from './errors';
export { CREATE_FLAGS, RUN_FLAGS } from './run-flags';
