import { digestProblem } from './digest';
import { ImageReferenceError } from './errors';
import { explainMismatch, matchAfterDomain, matchReference, matchRemote, type ReferenceParts } from './grammar';
import { isHexId } from './id';
import { DEFAULT_DOMAIN, splitDockerDomain } from './normalize';
import { type AnyReference, DigestOnlyReference, NamedReference, type Reference } from './reference';

/** The longest repository path a registry accepts (the domain does not count). */
const PATH_MAX_LENGTH = 255;

/**
 * Parses a reference exactly as written, without normalizing: `ubuntu` stays `ubuntu` with no domain. Like
 * distribution/reference's `Parse`; a first component that is a valid host name is the domain (`a/b` → `a`).
 */
export function parseReference(input: string): Reference {
  if (input === '') throw emptyName(input);
  const parts = matchReference(input);
  if (parts === undefined) throw mismatch(input, input);
  return accept(input, parts);
}

/**
 * Parses a reference as docker does on the command line: `ubuntu` → `docker.io/library/ubuntu`,
 * `user/app` → `docker.io/user/app`, `index.docker.io/…` → `docker.io/…`. Like `ParseNormalizedNamed`.
 */
export function parseNormalizedReference(input: string): Reference {
  if (input === '') throw emptyName(input);
  if (isHexId(input)) {
    throw new ImageReferenceError(
      'hex-id-as-name',
      input,
      'a 64-digit hexadecimal string is an image ID, not a repository name',
    );
  }
  const { domain, remainder } = splitDockerDomain(input);
  // Docker checks that the name (all before the first `:` after the domain) is lowercase before the grammar. What
  // passes the grammar and `accept` passes that check too, so it is made only on failure, and then comes first:
  // `ubuntu@SHA256:<64 hex>` fits the grammar and fails `accept`, and is reported as an uppercase name, as by docker.
  const parts = domain === DEFAULT_DOMAIN ? matchRemote(domain, remainder) : matchAfterDomain(domain, remainder);
  if (parts === undefined) throw uppercaseName(input, remainder) ?? mismatch(input, `${domain}/${remainder}`);
  try {
    return accept(input, parts);
  } catch (error) {
    throw uppercaseName(input, remainder) ?? error;
  }
}

/**
 * Like {@link parseNormalizedReference}, but also accepts an image ID (64 hex digits, read as `sha256:<id>`) or a
 * bare digest, returned as a {@link DigestReference}. Like `ParseAnyReference`.
 */
export function parseAnyReference(input: string): AnyReference {
  if (isHexId(input)) return new DigestOnlyReference(`sha256:${input}`);
  if (digestProblem(input) === undefined) return new DigestOnlyReference(input);
  return parseNormalizedReference(input);
}

/**
 * The reference `docker pull` fetches: normalized, `:latest` when it has neither tag nor digest, and the tag dropped
 * when it has both (the digest decides). Like `ParseDockerRef`.
 */
export function parseDockerRef(input: string): Reference {
  const reference = parseNormalizedReference(input);
  if (reference.tag !== undefined && reference.digest !== undefined) {
    return new NamedReference(reference.domain, reference.path, undefined, reference.digest);
  }
  return reference.withDefaultTag();
}

/**
 * Accepts only a reference already in its full normalized form (`docker.io/library/ubuntu`, not `ubuntu`), for
 * places where the canonical form is required. Like `ParseNamed`.
 */
export function parseQualifiedReference(input: string): Reference {
  const reference = parseNormalizedReference(input);
  const qualified = reference.toString();
  if (qualified !== input) {
    throw new ImageReferenceError(
      'name-not-canonical',
      input,
      `the reference must be written in full, as ${JSON.stringify(qualified)}`,
    );
  }
  return reference;
}

/** Applies the rules beyond the grammar: the path's length and the digest's algorithm and length. */
function accept(input: string, parts: ReferenceParts): Reference {
  if (parts.path.length > PATH_MAX_LENGTH) {
    throw new ImageReferenceError(
      'name-too-long',
      input,
      `the repository path is ${parts.path.length} characters long; at most ${PATH_MAX_LENGTH} are allowed`,
    );
  }
  if (parts.digest !== undefined) {
    const problem = digestProblem(parts.digest);
    if (problem !== undefined) throw new ImageReferenceError('digest-invalid-format', input, problem);
  }
  return new NamedReference(parts.domain, parts.path, parts.tag, parts.digest);
}

/** The error for `text` (which is `input`, or `input` normalized) not fitting the grammar. */
function mismatch(input: string, text: string): ImageReferenceError {
  const lowercase = text.toLowerCase();
  if (lowercase !== text && matchReference(lowercase) !== undefined) {
    return new ImageReferenceError('name-contains-uppercase', input, 'the repository name must be lowercase');
  }
  return new ImageReferenceError('invalid-format', input, explainMismatch(input));
}

/** The repository name (what precedes the first `:` after the domain) must be lowercase. */
function uppercaseName(input: string, remainder: string): ImageReferenceError | undefined {
  const colon = remainder.indexOf(':');
  const name = colon === -1 ? remainder : remainder.slice(0, colon);
  if (name.toLowerCase() === name) return undefined;
  return new ImageReferenceError(
    'name-contains-uppercase',
    input,
    `repository name ${JSON.stringify(name)} must be lowercase`,
  );
}

function emptyName(input: string): ImageReferenceError {
  return new ImageReferenceError('name-empty', input, 'a repository name must have at least one component');
}
