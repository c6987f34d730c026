export { compareReferences, referencesEqual, sortReferences } from './compare';
export { ImageReferenceError, type ImageReferenceErrorCode } from './errors';
export { isId, isShortId, truncateId } from './id';
export {
  parseAnyReference,
  parseDockerRef,
  parseNormalizedReference,
  parseQualifiedReference,
  parseReference,
} from './parse';
export { type AnyReference, type DigestReference, type Reference, withDigest, withTag } from './reference';
