import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBlkioWeight } from './blkio';
import { parseCpuPeriod, parseCpuQuota, parseCpuShares, parseCpus } from './cpu';
import { cpusetMembers, parseCpusetCpus } from './cpuset';
import { isDeviceMode, parseDevice, parseDeviceCgroupRule } from './device';
import { ResourceError } from './errors';
import {
  parseMemory,
  parseMemorySwap,
  parseMemorySwappiness,
  parseOomKillDisable,
  parseOomScoreAdj,
  parseShmSize,
} from './memory';
import { parsePidsLimit } from './pids';
import { parseResources, type ResourceFlags, validateResources } from './resources';
import { parseBytes } from './size';
import { parseUlimit, parseUlimits } from './ulimit';

const runs = { numRuns: 500 };

/** Characters that matter to these grammars, so that random strings often come close to valid ones. */
const flagChars = fc.constantFrom(
  ...'0123456789012345678901234567890123456789.-+_ /:=,*xXbBoOeEpPkKmMgGtTiIacrwmnfl\u212a\n'.split(''),
);
const flagText = fc.oneof(fc.string({ unit: flagChars, maxLength: 16 }), fc.string({ maxLength: 16 }));

/** Either a value or a ResourceError, never anything else. */
function valueOrResourceError<T>(parse: () => T): T | ResourceError {
  try {
    return parse();
  } catch (error) {
    expect(error).toBeInstanceOf(ResourceError);
    expect((error as ResourceError).input).toBeTypeOf('string');
    return error as ResourceError;
  }
}

const parsers: Record<string, (text: string) => unknown> = {
  parseBytes,
  parseMemory,
  parseMemorySwap,
  parseShmSize,
  parseMemorySwappiness,
  parseOomScoreAdj,
  parseOomKillDisable,
  parseCpus,
  parseCpuShares,
  parseCpuPeriod,
  parseCpuQuota,
  parseCpusetCpus,
  parseDevice,
  parseDeviceCgroupRule,
  parseBlkioWeight,
  parsePidsLimit,
  parseUlimit,
};

describe('every parser, any input', () => {
  it.each(Object.entries(parsers))('%s returns a value or throws a ResourceError naming the input', (_, parse) => {
    fc.assert(
      fc.property(flagText, (text) => {
        const result = valueOrResourceError(() => parse(text));
        if (result instanceof ResourceError) expect(result.input).toBe(text);
      }),
      runs,
    );
  });

  it('parseResources returns a config validateResources accepts, or throws a ResourceError', () => {
    const flags = fc.record(
      {
        memory: flagText,
        memorySwap: flagText,
        memoryReservation: flagText,
        cpus: flagText,
        cpuQuota: flagText,
        cpuPeriod: flagText,
        cpusetCpus: flagText,
        device: fc.array(flagText, { maxLength: 2 }),
        ulimit: fc.array(flagText, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(flags, (input: ResourceFlags) => {
        const result = valueOrResourceError(() => parseResources(input, { host: { cpuCount: 2 } }));
        if (!(result instanceof ResourceError)) validateResources(result, { host: { cpuCount: 2 } });
      }),
      runs,
    );
  });
});

describe('sizes', () => {
  const units = [
    ['', 0],
    ['b', 0],
    ['k', 1],
    ['KiB', 1],
    ['m', 2],
    [' MB', 2],
    ['g', 3],
    ['t', 4],
  ] as const;

  it('n followed by a unit is n × 1024^power', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 20 }), fc.constantFrom(...units), (n, [unit, power]) => {
        expect(parseBytes(`${n}${unit}`)).toBe(n * 1024 ** power);
      }),
      runs,
    );
  });

  it('a decimal size is the float product, truncated, as go-units computes it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(...units), (n, [unit, power]) => {
        const text = n.toString();
        fc.pre(!text.includes('e'));
        expect(parseBytes(`${text}${unit}`)).toBe(Math.trunc(Number(text) * 1024 ** power));
      }),
      runs,
    );
  });
});

describe('--cpus', () => {
  it('a decimal with up to nine places is exact, digit for digit', () => {
    const decimal = fc.tuple(
      fc.nat({ max: 999_999 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 9 }),
    );
    fc.assert(
      fc.property(decimal, ([whole, fraction]) => {
        const expected = BigInt(whole) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0') || '0');
        fc.pre(expected === 0n || expected >= 10_000_000n);
        expect(parseCpus(fraction === '' ? `${whole}` : `${whole}.${fraction}`)).toBe(Number(expected));
      }),
      runs,
    );
  });

  it('a tenth decimal that is not zero is too precise', () => {
    fc.assert(
      fc.property(fc.nat({ max: 99 }), fc.integer({ min: 1, max: 9 }), (whole, last) => {
        expect(() => parseCpus(`${whole}.000000000${last}`)).toThrow(
          expect.objectContaining({ code: 'cpus-too-precise' }),
        );
      }),
      runs,
    );
  });

  it('a fraction a/b is exact when b divides a × 10^9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (a, b) => {
        const nanos = BigInt(a) * 1_000_000_000n;
        const outcome = valueOrResourceError(() => parseCpus(`${a}/${b}`));
        if (nanos % BigInt(b) !== 0n) expect(outcome).toMatchObject({ code: 'cpus-too-precise' });
        else if (nanos / BigInt(b) < 10_000_000n) expect(outcome).toMatchObject({ code: 'cpus-out-of-range' });
        else expect(outcome).toBe(Number(nanos / BigInt(b)));
      }),
      runs,
    );
  });
});

describe('lists', () => {
  it('a cpuset built from ranges names exactly those CPUs', () => {
    const range = fc.tuple(fc.nat({ max: 64 }), fc.nat({ max: 8 }));
    fc.assert(
      fc.property(fc.array(range, { minLength: 1, maxLength: 5 }), (ranges) => {
        const list = ranges.map(([first, span]) => (span === 0 ? `${first}` : `${first}-${first + span}`)).join(',');
        const expected = ranges.flatMap(([first, span]) => Array.from({ length: span + 1 }, (_, i) => first + i));
        expect(cpusetMembers(list, { flag: '--cpuset-cpus' })).toEqual(expected);
      }),
      runs,
    );
  });

  it('ulimits come out unique by name and sorted', () => {
    const ulimit = fc
      .tuple(fc.constantFrom('nofile', 'core', 'nproc', 'stack'), fc.nat(), fc.nat())
      .map(([name, a, b]) => `${name}=${Math.min(a, b)}:${Math.max(a, b)}`);
    fc.assert(
      fc.property(fc.array(ulimit, { maxLength: 6 }), (values) => {
        const names = parseUlimits(values).map((entry) => entry.Name);
        expect(names).toEqual([...new Set(names)].sort());
      }),
      runs,
    );
  });

  it('a parsed device has an absolute container path and valid permissions', () => {
    fc.assert(
      fc.property(flagText, (text) => {
        const device = valueOrResourceError(() => parseDevice(text));
        if (device instanceof ResourceError || 'cdi' in device) return;
        expect(device.PathInContainer.startsWith('/')).toBe(true);
        expect(isDeviceMode(device.CgroupPermissions)).toBe(true);
      }),
      runs,
    );
  });
});
