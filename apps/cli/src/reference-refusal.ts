import { ImageReferenceError, parseNormalizedReference, type Reference } from '@berth/image-ref';
import { CliError } from './errors';

// distribution/reference's own words for the rule a name breaks, as docker prints them after its frame
function referenceWords(error: ImageReferenceError): string {
  switch (error.code) {
    case 'name-contains-uppercase': {
      // the path as docker normalizes it: a first component with `.`, `:` or an uppercase letter is the domain
      const name = error.input.split('@')[0]?.replace(/:[^/]*$/, '') ?? error.input;
      const slash = name.indexOf('/');
      const first = name.slice(0, slash);
      const path =
        slash < 0 ? `library/${name}` : /[.:A-Z]/.test(first) || first === 'localhost' ? name.slice(slash + 1) : name;
      return `invalid reference format: repository name (${path}) must be lowercase`;
    }
    case 'name-too-long':
      return 'repository name must not be more than 255 characters';
    case 'digest-invalid-format':
      return 'invalid checksum digest format';
    case 'hex-id-as-name':
      return `invalid repository name (${error.input}), cannot specify 64-byte hexadecimal strings`;
    default:
      return 'invalid reference format';
  }
}

/** A reference's refusal in docker's words (`frame` around them, when given); exits 1 through the dispatcher. */
export function referenceRefusal(error: ImageReferenceError, frame?: (words: string) => string): CliError {
  const words = referenceWords(error);
  return new CliError('invalid-reference', error.input, frame ? frame(words) : words, { cause: error });
}

/** `parseNormalizedReference`, refused in docker's words. */
export function normalizedReference(input: string, frame?: (words: string) => string): Reference {
  try {
    return parseNormalizedReference(input);
  } catch (error) {
    throw error instanceof ImageReferenceError ? referenceRefusal(error, frame) : error;
  }
}
