// A digest names content by its hash: `algorithm:hex`. The algorithms are those go-digest knows (and docker links).
const hexLengths: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** The shape go-digest accepts before it asks whether it knows the algorithm. */
const digestShape = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const lowercaseHex = /^[a-f0-9]+$/;

/** Returns the rule `value` breaks as a digest, or `undefined` when it is a valid one. */
export function digestProblem(value: string): string | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) return 'a digest is ALGORITHM:HEX';
  const algorithm = value.slice(0, colon);
  const hex = value.slice(colon + 1);
  const length = Object.hasOwn(hexLengths, algorithm) ? hexLengths[algorithm] : undefined;
  if (length === undefined) {
    if (!digestShape.test(value)) return 'a digest is ALGORITHM:HEX';
    return `digest algorithm ${JSON.stringify(algorithm)} is not supported (sha256, sha384 or sha512)`;
  }
  if (hex.length !== length) return `a ${algorithm} digest has ${length} hex digits, not ${hex.length}`;
  if (!lowercaseHex.test(hex)) return `a ${algorithm} digest is written in lowercase hex digits`;
  return undefined;
}
