import { BerthError } from '@berth/types';

/** What the CLI itself refuses (a cidfile that already exists…); the command exits 125. */
export class CliError extends BerthError {}
