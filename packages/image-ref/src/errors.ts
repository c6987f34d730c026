import { BerthError, type BerthErrorOptions } from '@berth/types';

/** The stable codes an {@link ImageReferenceError} carries, one per rule of the reference grammar. */
export type ImageReferenceErrorCode =
  | 'invalid-format'
  | 'name-contains-uppercase'
  | 'name-empty'
  | 'name-too-long'
  | 'digest-invalid-format'
  | 'name-not-canonical'
  | 'hex-id-as-name';

/** Thrown by every function of `@berth/image-ref`; `input` is the string that broke the rule. */
export class ImageReferenceError extends BerthError {
  declare readonly code: ImageReferenceErrorCode;

  constructor(code: ImageReferenceErrorCode, input: string, rule: string, options?: BerthErrorOptions) {
    super(code, input, `invalid image reference ${JSON.stringify(input)}: ${rule}`, options);
  }
}
