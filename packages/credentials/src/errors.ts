import { BerthError, type BerthErrorOptions } from '@berth/types';

/** The stable codes a {@link CredentialsError} carries. */
export type CredentialsErrorCode = 'config-invalid' | 'auth-invalid' | 'helper-failed' | 'helper-reply-invalid';

/**
 * Thrown by `@berth/credentials`. `input` is the config file's path, the server address or the helper's name —
 * never a password: a secret stays out of every message.
 */
export class CredentialsError extends BerthError {
  declare readonly code: CredentialsErrorCode;

  constructor(code: CredentialsErrorCode, input: string, message: string, options?: BerthErrorOptions) {
    super(code, input, message, options);
  }
}
