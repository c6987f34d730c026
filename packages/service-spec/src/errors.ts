import { BerthError, type BerthErrorOptions } from '@berth/types';

export type ServiceSpecErrorCode =
  | 'not-for-services'
  | 'invalid-publish'
  | 'invalid-mode'
  | 'invalid-network'
  | 'invalid-service-option'
  | 'image-and-run-line'
  | 'invalid-log-details';

/**
 * A command line a service cannot carry. `input` is the offending flag or value; `equivalent` names the service-side
 * flag that does the job, where one exists (`--restart` → `--restart-condition`).
 */
export class ServiceSpecError extends BerthError {
  declare readonly code: ServiceSpecErrorCode;
  readonly equivalent: string | undefined;

  constructor(
    code: ServiceSpecErrorCode,
    input: string,
    message: string,
    equivalent?: string,
    options?: BerthErrorOptions,
  ) {
    super(code, input, message, options);
    this.equivalent = equivalent;
  }
}
