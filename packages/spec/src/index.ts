export { type FlagDefinition, type FlagKind, FlagSet, type ParsedArgv } from './argv';
export type { AttachStream } from './attach';
export { RunArgsError } from './errors';
export { type ParseRunArgsOptions, parseRunArgs, type RunArgs } from './parse-run-args';
export { type CreateRequestPreview, formatCreateRequest, previewCreateRequest } from './preview';
export { CREATE_FLAGS, RUN_FLAGS } from './run-flags';
export { API_SOCKET, type PullPolicy } from './run-options';
export { quoteShellWord, splitShellWords } from './shell-words';
export { type ToRunArgsOptions, toRunArgs } from './to-run-args';
