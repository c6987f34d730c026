import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseThrottleBpsDevice, parseThrottleIopsDevice, parseWeightDevice } from './blkio-devices';
import { ResourceError } from './errors';

describe('per-device block IO limits', () => {
  it.each([
    ['/dev/sda:300', { Path: '/dev/sda', Weight: 300 }],
    ['/dev/sda:0', { Path: '/dev/sda', Weight: 0 }],
    ['/dev/sdb:1000', { Path: '/dev/sdb', Weight: 1000 }],
  ])('--blkio-weight-device %s', (value, expected) => {
    expect(parseWeightDevice(value)).toEqual(expected);
  });

  it.each([
    ['/dev/sda:1mb', 1048576],
    ['/dev/sda:10k', 10240],
    ['/dev/sda:512', 512],
  ])('--device-read-bps %s', (value, rate) => {
    expect(parseThrottleBpsDevice(value)).toEqual({ Path: '/dev/sda', Rate: rate });
  });

  it('--device-write-iops counts operations', () => {
    expect(parseThrottleIopsDevice('/dev/sdb:20', '--device-write-iops')).toEqual({ Path: '/dev/sdb', Rate: 20 });
  });

  it.each([
    [() => parseWeightDevice('sda:300'), 'sda is not a device path under /dev/'],
    [() => parseWeightDevice('/dev/sda:5'), 'the range is 10 to 1000, or 0 to disable'],
    [() => parseWeightDevice('/dev/sda:+300'), 'the weight is a whole number'],
    [() => parseThrottleIopsDevice('/dev/sda:+5'), 'the rate is a whole number'],
    [() => parseWeightDevice('/dev/sda'), 'expected <device-path>:<value>'],
    [() => parseWeightDevice(':300'), 'expected <device-path>:<value>'],
    [() => parseThrottleBpsDevice('/dev/sda:fast'), 'the rate is a size'],
    [() => parseThrottleBpsDevice('/dev/sda:-1'), 'the rate is a size'],
    [() => parseThrottleIopsDevice('/dev/sda:1.5'), 'the rate is a whole number'],
  ])('refuses %#', (attempt, message) => {
    expect(attempt).toThrow(ResourceError);
    expect(attempt).toThrow(message);
  });

  it('returns a value or a ResourceError for any input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const parse of [parseWeightDevice, parseThrottleBpsDevice, parseThrottleIopsDevice]) {
          try {
            parse(`/dev/${text}`);
            parse(text);
          } catch (error) {
            expect(error).toBeInstanceOf(ResourceError);
          }
        }
      }),
    );
  });
});
