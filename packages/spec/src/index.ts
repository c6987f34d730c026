export { type FlagDefinition, type FlagKind, FlagSet, type ParsedArgv } from './argv';
export type { AttachStream } from './attach';
export { RunArgsError } from './errors';
export { type ParseRunArgsOptions, parseRunArgs, type RunArgs } from './parse-run-args';
export { CREATE_FLAGS, RUN_FLAGS } from './run-flags';
export type { PullPolicy } from './run-options';
export { quoteShellWord, splitShellWords } from './shell-words';
