import { BerthError } from '@berth/types';

/**
 * What `parseRunArgs` refuses in the command line itself: flags, their syntax, and the rules across flags.
 * Errors about one flag's value come from the domain package that reads it (`MountError`, `PublishError`…).
 */
export class RunArgsError extends BerthError {}
