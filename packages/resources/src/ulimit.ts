import { parseGoDecimalInt } from '@berth/go-syntax';
import type { Ulimit } from '@berth/types';
import { ResourceError, type ValueSource } from './errors';

/** The resource limits `--ulimit` knows (go-units' list; `as` is left out there, as unusable in a container). */
export const ULIMIT_NAMES = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
] as const;

export type UlimitName = (typeof ULIMIT_NAMES)[number];

const UINT64 = 2n ** 64n;

function checkUlimitName(name: string, source: ValueSource): void {
  if (!(ULIMIT_NAMES as readonly string[]).includes(name)) {
    throw new ResourceError('unknown-ulimit', source, `unknown limit "${name}" (one of ${ULIMIT_NAMES.join(', ')})`);
  }
}

function limit(text: string, value: string, which: string): bigint {
  const parsed = parseGoDecimalInt(text);
  if (!parsed.ok) {
    const rule = parsed.reason === 'range' ? `the ${which} limit does not fit 64 bits` : `"${text}" is not an integer`;
    throw new ResourceError('invalid-ulimit', { flag: '--ulimit', input: value }, rule);
  }
  return parsed.value;
}

/**
 * `--ulimit NAME=SOFT[:HARD]` → a `Ulimits[]` entry; HARD defaults to SOFT, -1 means unlimited. Refused as docker
 * does (unknown name, soft above hard, soft unlimited under a finite hard), and where the kernel would refuse at
 * start: a negative limit is read as a huge unsigned one, so `-5:10` has its soft limit above the hard one.
 */
export function parseUlimit(value: string): Ulimit {
  const source = { flag: '--ulimit', input: value };
  const equals = value.indexOf('=');
  if (equals === -1) throw new ResourceError('invalid-ulimit', source, 'expected NAME=SOFT[:HARD]');
  const name = value.slice(0, equals);
  checkUlimitName(name, source);
  const limits = value.slice(equals + 1).split(':');
  if (limits.length > 2) throw new ResourceError('invalid-ulimit', source, 'expected at most SOFT:HARD');
  const [softText = '', hardText] = limits;
  const hard = hardText === undefined ? undefined : limit(hardText, value, 'hard');
  const soft = limit(softText, value, 'soft');
  return checkUlimit(name, soft, hard ?? soft, source);
}

/**
 * The rules of one ulimit, whoever wrote it: a known name, soft ≤ hard (unlimited soft only under an unlimited hard,
 * negative limits read as the huge unsigned ones the kernel sees), and both exact as JSON numbers.
 */
export function checkUlimit(name: string, soft: bigint, hard: bigint, source: ValueSource): Ulimit {
  checkUlimitName(name, source);
  if (hard !== -1n) {
    if (soft === -1n) {
      throw new ResourceError(
        'ulimit-soft-above-hard',
        source,
        'an unlimited (-1) soft limit needs an unlimited hard one',
      );
    }
    if (soft > hard || (soft + UINT64) % UINT64 > (hard + UINT64) % UINT64) {
      throw new ResourceError('ulimit-soft-above-hard', source, 'the soft limit must not exceed the hard limit');
    }
  }
  const [softNumber, hardNumber] = [Number(soft), Number(hard)];
  if (!Number.isSafeInteger(softNumber) || !Number.isSafeInteger(hardNumber)) {
    throw new ResourceError('invalid-ulimit', source, 'a limit is too large to send exactly (above 2^53)');
  }
  return { Name: name, Soft: softNumber, Hard: hardNumber };
}

/** Several `--ulimit` values → `Ulimits`: the last value for a name wins, sorted by name, as docker sends them. */
export function parseUlimits(values: readonly string[]): Ulimit[] {
  const byName = new Map<string, Ulimit>();
  for (const value of values) {
    const ulimit = parseUlimit(value);
    byName.set(ulimit.Name, ulimit);
  }
  return [...byName.values()].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}
