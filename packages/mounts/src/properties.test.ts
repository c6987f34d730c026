import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MountError } from './errors';
import { parseMount } from './mount';
import { parseRamSize } from './ram-size';
import { parseStorage, type StorageFlags } from './storage';
import { parseTmpfsSpec } from './tmpfs';
import { parseVolumeCreate } from './volume-create';
import { parseVolumeFilters } from './volume-filters';
import { parseVolumeSpec } from './volume-spec';
import { parseVolumesFrom } from './volumes-from';

/** Runs `parse`; any throw must be a MountError. */
function returnsOrThrowsMountError(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch (error) {
    return error instanceof MountError;
  }
}

// Strings rich in the characters the grammars care about.
const grammarChar = fc.constantFrom(...'/.:,="\' \t\n\r~\\-_aZz0719'.split(''), 'ro', 'rw', 'type', '=', 'é');
const grammarText = fc.oneof(
  fc.string(),
  fc.array(grammarChar, { maxLength: 40 }).map((chars) => chars.join('')),
);
const mountKey = fc.constantFrom(
  'type',
  'src',
  'source',
  'dst',
  'target',
  'readonly',
  'ro',
  'consistency',
  'bind-propagation',
  'bind-recursive',
  'bind-create-src',
  'volume-nocopy',
  'volume-label',
  'volume-driver',
  'volume-opt',
  'volume-subpath',
  'tmpfs-size',
  'tmpfs-mode',
  'bogus',
);
const mountValue = fc.constantFrom(
  'bind',
  'volume',
  'tmpfs',
  '/tmp',
  '/x',
  'vol',
  '.',
  'true',
  '0',
  'rprivate',
  '16k',
  '1770',
  'a=b',
  '',
);
const mountLike = fc
  .array(fc.tuple(mountKey, fc.option(mountValue)), { maxLength: 6 })
  .map((fields) => fields.map(([key, value]) => (value === null ? key : `${key}=${value}`)).join(','));
const absolutePath = fc
  .array(fc.stringMatching(/^[a-z0-9_-][a-z0-9_.-]{0,7}$/), { minLength: 1, maxLength: 4 })
  .map((parts) => `/${parts.join('/')}`);

describe('properties', () => {
  it('every parser returns a value or throws a MountError, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(grammarText, mountLike), (text) => {
        const options = { cwd: '/work', pathExists: (path: string) => path.length % 2 === 0 };
        return (
          returnsOrThrowsMountError(() => parseMount(text, options)) &&
          returnsOrThrowsMountError(() => parseVolumeSpec(text, options)) &&
          returnsOrThrowsMountError(() => parseTmpfsSpec(text)) &&
          returnsOrThrowsMountError(() => parseVolumesFrom(text)) &&
          returnsOrThrowsMountError(() => parseVolumeCreate({ name: text, labels: [text], opts: [text] })) &&
          returnsOrThrowsMountError(() => parseVolumeFilters([text], 'prune'))
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('parseStorage returns a value or throws a MountError for any mix of flags', () => {
    fc.assert(
      fc.property(
        fc.record({
          mount: fc.array(fc.oneof(mountLike, grammarText), { maxLength: 3 }),
          volume: fc.array(grammarText, { maxLength: 3 }),
          tmpfs: fc.array(grammarText, { maxLength: 3 }),
          volumesFrom: fc.array(grammarText, { maxLength: 2 }),
          readOnly: fc.boolean(),
        }),
        (flags) => returnsOrThrowsMountError(() => parseStorage(flags, { cwd: '/work' })),
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps source, target and read-only of any well-formed bind, volume or tmpfs mount', () => {
    const spec = fc.oneof(
      fc.record({
        type: fc.constant('bind' as const),
        source: absolutePath,
        target: absolutePath,
        readOnly: fc.boolean(),
      }),
      fc.record({
        type: fc.constant('volume' as const),
        source: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,20}$/),
        target: absolutePath,
        readOnly: fc.boolean(),
      }),
      fc.record({
        type: fc.constant('tmpfs' as const),
        source: fc.constant(''),
        target: absolutePath,
        readOnly: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(spec, ({ type, source, target, readOnly }) => {
        const value = [`type=${type}`, source === '' ? '' : `src=${source}`, `dst=${target}`, `readonly=${readOnly}`]
          .filter(Boolean)
          .join(',');
        const mount = parseMount(value);
        expect(mount).toEqual({
          Type: type,
          Target: target,
          ...(source === '' ? {} : { Source: source }),
          ...(readOnly ? { ReadOnly: true } : {}),
        });
      }),
    );
  });

  it('sends a well-formed -v bind exactly as typed', () => {
    const mode = fc.constantFrom('', ':ro', ':rw', ':z', ':ro,Z', ':rslave', ':cached,ro');
    fc.assert(
      fc.property(absolutePath, absolutePath, mode, (source, target, suffix) => {
        const spec = `${source}:${target}${suffix}`;
        expect(parseVolumeSpec(spec)).toMatchObject({ kind: 'bind', source, target, bind: spec });
      }),
    );
  });

  it('refuses any two flags mounting on the same cleaned path', () => {
    const writers: ((path: string) => StorageFlags)[] = [
      (path: string) => ({ volume: [path] }),
      (path: string) => ({ volume: [`/srv:${path}`] }),
      (path: string) => ({ tmpfs: [path] }),
      (path: string) => ({ mount: [`type=tmpfs,dst=${path}`] }),
    ];
    fc.assert(
      fc.property(
        absolutePath,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (path, first, second) => {
          const a = writers[first]?.(path) ?? {};
          const b = writers[second]?.(`${path}/`) ?? {};
          const flags = {
            volume: [...(a.volume ?? []), ...(b.volume ?? [])],
            tmpfs: [...(a.tmpfs ?? []), ...(b.tmpfs ?? [])],
            mount: [...(a.mount ?? []), ...(b.mount ?? [])],
          };
          expect(() => parseStorage(flags)).toThrow(expect.objectContaining({ code: 'duplicate-mount-point' }));
        },
      ),
    );
  });

  it('reads whole numbers with binary units', () => {
    const unit = fc.constantFrom(['', 1], ['b', 1], ['k', 1024], ['KiB', 1024], ['m', 1024 ** 2], ['GB', 1024 ** 3]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), unit, (count, [suffix, bytes]) => {
        expect(parseRamSize(`${count}${suffix}`)).toBe(count * (bytes as number));
      }),
    );
  });
});
