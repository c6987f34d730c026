import { BerthError } from '@berth/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ImageReferenceError,
  type ImageReferenceErrorCode,
  parseAnyReference,
  parseDockerRef,
  parseNormalizedReference,
  parseQualifiedReference,
  parseReference,
  type Reference,
  referencesEqual,
  sortReferences,
  truncateId,
  withDigest,
  withTag,
} from './index';

// Generators for references that fit the grammar, built from its pieces.
const characters = (set: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...set), minLength, maxLength });
const alphanumeric = characters('abcxyz0189', 1, 6);
const separator = fc.constantFrom('.', '_', '__', '-', '--', '---');
const pathComponent = fc
  .tuple(alphanumeric, fc.array(fc.tuple(separator, alphanumeric), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([sep, atom]) => sep + atom).join(''));
const path = fc.array(pathComponent, { minLength: 1, maxLength: 4 }).map((components) => components.join('/'));
const domainLabel = fc.oneof(
  characters('abzAZ09', 1, 1),
  fc
    .tuple(characters('abzAZ09', 1, 1), characters('abzAZ09-', 0, 8), characters('abzAZ09', 1, 1))
    .map((pieces) => pieces.join('')),
);
const hostName = fc.array(domainLabel, { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.'));
// The grammar refuses IPv6 literals with a dotted IPv4 tail.
const ipv6 = fc
  .ipV6()
  .filter((address) => !address.includes('.'))
  .map((address) => `[${address}]`);
const port = fc.option(
  fc.integer({ min: 1, max: 65535 }).map((number) => `:${number}`),
  { nil: '' },
);
const domain = fc
  .tuple(fc.oneof(hostName, fc.ipV4(), ipv6, fc.constant('localhost')), port)
  .map(([host, suffix]) => host + suffix);
const wordCharacters = [...'abcXYZ019_'];
const tag = fc
  .tuple(
    fc.constantFrom(...wordCharacters),
    fc.string({ unit: fc.constantFrom(...wordCharacters, '.', '-'), maxLength: 127 }),
  )
  .map(([first, rest]) => first + rest);
const hex = (length: number) =>
  fc.uint8Array({ minLength: length / 2, maxLength: length / 2 }).map((bytes) => Buffer.from(bytes).toString('hex'));
const digest = fc.oneof(
  hex(64).map((value) => `sha256:${value}`),
  hex(96).map((value) => `sha384:${value}`),
  hex(128).map((value) => `sha512:${value}`),
);
const parts = fc.record({
  domain: fc.option(domain, { nil: undefined }),
  path,
  tag: fc.option(tag, { nil: undefined }),
  digest: fc.option(digest, { nil: undefined }),
});
type Parts = typeof parts extends fc.Arbitrary<infer T> ? T : never;

function write(reference: Parts): string {
  const name = reference.domain === undefined ? reference.path : `${reference.domain}/${reference.path}`;
  return (
    name + (reference.tag === undefined ? '' : `:${reference.tag}`) + (reference.digest ? `@${reference.digest}` : '')
  );
}

const validReference = parts.map(write);
/** A valid reference with one character inserted, replaced or removed. */
const mutatedReference = fc
  .tuple(validReference, fc.nat(), fc.constantFrom('', 'A', '/', ':', '@', '.', '-', '_', '[', ']', ' ', 'é', '\u0000'))
  .map(([text, at, replacement]) => {
    const index = at % (text.length + 1);
    return text.slice(0, index) + replacement + text.slice(index + (at % 2));
  });
/** Short strings over the characters the grammar cares about. */
const grammarSoup = fc.string({ unit: fc.constantFrom(...'aAbf09-._/:@[]'), maxLength: 40 });
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  grammarSoup,
  mutatedReference,
  validReference,
  hex(64),
);

const codes: readonly ImageReferenceErrorCode[] = [
  'invalid-format',
  'name-contains-uppercase',
  'name-empty',
  'name-too-long',
  'digest-invalid-format',
  'name-not-canonical',
  'hex-id-as-name',
];

/** Runs `run`; anything thrown must be an ImageReferenceError naming its input, with a known code. */
function onlyOwnErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    // Plain checks rather than expect(): this runs some 16,000 times.
    if (!(error instanceof ImageReferenceError) || !(error instanceof BerthError)) throw error;
    if (!codes.includes(error.code)) throw new Error(`unknown code ${error.code}`);
    if (!error.message.includes(JSON.stringify(error.input)))
      throw new Error(`message without input: ${error.message}`);
  }
}

/** distribution/reference's whole-reference expression, composed in one piece, as an independent oracle. */
const oracle = (() => {
  const component = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
  const label = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
  const host = `(?:${label}(?:\\.${label})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
  const name = `(?:(${host})/)?(${component}(?:/${component})*)`;
  const digestShape = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
  return new RegExp(`^${name}(?::([\\w][\\w.-]{0,127}))?(?:@(${digestShape}))?$`);
})();

describe('properties', () => {
  it('parseReference(String(x)) gives x back for any valid reference', () => {
    fc.assert(
      fc.property(parts, (generated) => {
        const text = write(generated);
        const reference = parseReference(text);
        const name = generated.domain === undefined ? generated.path : `${generated.domain}/${generated.path}`;
        expect([String(reference), reference.name, reference.tag, reference.digest]).toEqual([
          text,
          name,
          generated.tag,
          generated.digest,
        ]);
        if (generated.domain !== undefined)
          expect([reference.domain, reference.path]).toEqual([generated.domain, generated.path]);
        expect(String(parseReference(String(reference)))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('the normalized form is canonical, and the familiar form reads back to it', () => {
    fc.assert(
      fc.property(validReference, (text) => {
        const reference = parseNormalizedReference(text);
        const full = String(reference);
        expect(referencesEqual(parseNormalizedReference(full), reference)).toBe(true);
        expect(referencesEqual(parseQualifiedReference(full), reference)).toBe(true);
        expect(referencesEqual(parseNormalizedReference(reference.familiarString()), reference)).toBe(true);
        expect(reference.familiarString().startsWith('docker.io/')).toBe(false);
        const pulled = parseDockerRef(text);
        expect(pulled.tag === undefined).toBe(pulled.digest !== undefined);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts exactly what the grammar in one expression accepts, and splits it the same way', () => {
    fc.assert(
      fc.property(fc.oneof(grammarSoup, mutatedReference, validReference), (text) => {
        const match = oracle.exec(text);
        let reference: Reference | undefined;
        let code: ImageReferenceErrorCode | undefined;
        try {
          reference = parseReference(text);
        } catch (error) {
          if (!(error instanceof ImageReferenceError)) throw error;
          code = error.code;
        }
        if (match === null) {
          expect(code).toMatch(/^(invalid-format|name-contains-uppercase|name-empty)$/);
          return;
        }
        if (reference === undefined) {
          expect(code).toMatch(/^(name-too-long|digest-invalid-format)$/);
          return;
        }
        expect([reference.domain, reference.path, reference.tag, reference.digest]).toEqual([
          match[1] ?? '',
          match[2],
          match[3],
          match[4],
        ]);
      }),
      { numRuns: 3000 },
    );
  });

  it('throws nothing but ImageReferenceError, whatever the input', () => {
    const base = parseNormalizedReference('busybox');
    fc.assert(
      fc.property(anyString, (text) => {
        onlyOwnErrors(() => parseReference(text));
        onlyOwnErrors(() => parseNormalizedReference(text));
        onlyOwnErrors(() => parseAnyReference(text));
        onlyOwnErrors(() => parseDockerRef(text));
        onlyOwnErrors(() => parseQualifiedReference(text));
        onlyOwnErrors(() => withTag(base, text));
        onlyOwnErrors(() => withDigest(base, text));
        onlyOwnErrors(() => truncateId(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('sortReferences does not depend on the order it is given', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(validReference, grammarSoup, hex(64)), { maxLength: 12 })
          .chain((list) =>
            fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
          ),
        ([list, shuffled]) => {
          expect(sortReferences(shuffled)).toEqual(sortReferences(list));
          expect(sortReferences(list)).toHaveLength(list.length);
        },
      ),
    );
  });
});
