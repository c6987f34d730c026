import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDockerTimestamp } from './docker-timestamp';

// a reference in UTC, whatever the machine's zone: the zone-less layouts read in the reference's zone
const reference = new Date('2026-12-02T15:00:00.000Z');
const utc = process.env.TZ === undefined || process.env.TZ === 'UTC' || new Date().getTimezoneOffset() === 0;

describe('parseDockerTimestamp', () => {
  it.each([
    ['10m', '1796223000'],
    ['1h30m', '1796218200'],
    ['1.5s', '1796223598'],
    ['-10m', '1796224200'],
    ['2013-01-02T13:23:37Z', '1357133017.000000000'],
    ['2013-01-02T13:23:37.5Z', '1357133017.500000000'],
    ['2013-01-02T13:23:37.123456789+01:00', '1357129417.123456789'],
    ['2013-01-02T13:23:37-02:00', '1357140217.000000000'],
    ['2013-01-02T13:23Z', '1357132980.000000000'],
    ['2013-01-02T13Z', '1357131600.000000000'],
    ['2013-01-02Z', '1357084800.000000000'],
    ['1357133017', '1357133017'],
    ['1357133017.5', '1357133017.5'],
    ['0', '0'],
    // a bare number is a Unix timestamp, not a duration without its unit
    ['10', '10'],
  ])('%s is %s', (value, param) => {
    expect(parseDockerTimestamp(value, reference)).toEqual({ ok: true, param });
  });

  it.runIf(utc).each([
    ['2013-01-02', '1357084800.000000000'],
    ['2013-01-02T13', '1357131600.000000000'],
    ['2013-01-02T13:23', '1357132980.000000000'],
    ['2013-01-02T13:23:37', '1357133017.000000000'],
    ['2013-01-02T13:23:37.25', '1357133017.250000000'],
  ])('%s, zone-less, is read in the reference zone: %s', (value, param) => {
    expect(parseDockerTimestamp(value, reference)).toEqual({ ok: true, param });
  });

  it.each([
    ['yesterday', 'failed to parse value as time or duration: "yesterday"'],
    ['1.2.3', 'failed to parse value as time or duration: "1.2.3"'],
    ['2013-13-02', 'parsing time "2013-13-02" as "2006-01-02": cannot parse'],
    ['2013-01-02T25:00:00Z', 'parsing time "2013-01-02T25:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse'],
  ])('%s is refused: %s', (value, message) => {
    expect(parseDockerTimestamp(value, reference)).toEqual({ ok: false, message });
  });

  it('counts a duration back from the reference in whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), (seconds) => {
        const result = parseDockerTimestamp(`${seconds}s`, reference);
        expect(result).toEqual({ ok: true, param: String(reference.getTime() / 1000 - seconds) });
      }),
    );
  });

  it('reads back any instant written in RFC 3339 with its nanoseconds', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999_999_999 }),
        (date, nanos) => {
          const whole = Math.floor(date.getTime() / 1000);
          const text = `${new Date(whole * 1000).toISOString().slice(0, 19)}.${String(nanos).padStart(9, '0')}Z`;
          expect(parseDockerTimestamp(text, reference)).toEqual({
            ok: true,
            param: `${whole}.${String(nanos).padStart(9, '0')}`,
          });
        },
      ),
    );
  });
});
