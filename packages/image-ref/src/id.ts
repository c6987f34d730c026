import { ImageReferenceError } from './errors';

const ID_PREFIX = 'sha256:';
const hexId = /^[a-f0-9]{64}$/;
const shortId = /^[a-f0-9]{12}$/;

/** A 64-character ID is printed as its first 12 hex digits (ch.3.3.2: `83ed3c583403`). */
const SHORT_ID_LENGTH = 12;

/** Whether `value` is a full ID without prefix: exactly 64 lowercase hex digits. */
export function isHexId(value: string): boolean {
  return hexId.test(value);
}

function withoutPrefix(value: string): string {
  return value.startsWith(ID_PREFIX) ? value.slice(ID_PREFIX.length) : value;
}

/** Whether `value` is a full image or container ID: 64 lowercase hex digits, optionally prefixed `sha256:`. */
export function isId(value: string): boolean {
  return isHexId(withoutPrefix(value));
}

/** Whether `value` is a short ID as docker prints it: 12 lowercase hex digits. */
export function isShortId(value: string): boolean {
  return shortId.test(value);
}

/** The 12-digit form docker shows for an ID (ch.3.3.2); accepts full IDs (with or without `sha256:`) and short ones. */
export function truncateId(id: string): string {
  if (isShortId(id)) return id;
  if (!isId(id)) {
    throw new ImageReferenceError(
      'invalid-format',
      id,
      'an ID is 64 lowercase hex digits, optionally prefixed "sha256:", or its 12-digit short form',
    );
  }
  return withoutPrefix(id).slice(0, SHORT_ID_LENGTH);
}
