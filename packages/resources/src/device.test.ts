import { describe, expect, it } from 'vitest';
import { isCdiDeviceName, isDeviceMode, parseDevice, parseDeviceCgroupRule } from './device';

describe('parseDevice', () => {
  it.each([
    ['/dev/zero', '/dev/zero', '/dev/zero', 'rwm'],
    ['/dev/zero:/dev/z', '/dev/zero', '/dev/z', 'rwm'],
    ['/dev/zero:/dev/z:r', '/dev/zero', '/dev/z', 'r'],
    ['/dev/zero:rw', '/dev/zero', '/dev/zero', 'rw'],
    ['/dev/zero:mrw', '/dev/zero', '/dev/zero', 'mrw'],
    ['/dev/video0:/dev/video0', '/dev/video0', '/dev/video0', 'rwm'],
    // docker cleans the single path, the path before a mode, and the container path of HOST:CONTAINER only
    ['/dev/../dev/zero/', '/dev/zero', '/dev/zero', 'rwm'],
    ['/dev//zero/:w', '/dev/zero', '/dev/zero', 'w'],
    ['/dev/../dev/zero/:/dev/z/', '/dev/../dev/zero/', '/dev/z', 'rwm'],
    ['/dev/zero/:/dev/./z/:r', '/dev/zero/', '/dev/./z/', 'r'],
    ['zero:/dev/z', 'zero', '/dev/z', 'rwm'],
  ])('%j → %s → %s (%s)', (input, PathOnHost, PathInContainer, CgroupPermissions) => {
    expect(parseDevice(input)).toEqual({ PathOnHost, PathInContainer, CgroupPermissions });
  });

  it('recognises CDI names', () => {
    expect(parseDevice('vendor.com/gpu=0')).toEqual({ cdi: 'vendor.com/gpu=0' });
    expect(parseDevice('nvidia.com/gpu=all')).toEqual({ cdi: 'nvidia.com/gpu=all' });
    expect(isCdiDeviceName('vendor.com/gpu=a:b')).toBe(true);
    expect(isCdiDeviceName('vendor.com/gpu=')).toBe(false);
    expect(isCdiDeviceName('/vendor.com/gpu=0')).toBe(false);
    expect(isCdiDeviceName('1vendor/gpu=0')).toBe(false);
    expect(isCdiDeviceName('vendor-/gpu=0')).toBe(false);
    expect(isCdiDeviceName('vendor/a/b=0')).toBe(false);
  });

  it.each([
    'a:b:c:d',
    ':/dev/z',
    '',
    'zero',
    'zero:rw',
    '/dev/zero:',
    '/dev/zero::rw',
    '/dev/zero:dev/z',
    '/dev/zero:/dev/z:rwx',
    '/dev/zero:/dev/z:',
    '/dev/zero:rrw',
    '1vendor/gpu=0',
    // docker CLI 28 crashes on these instead of answering
    'a/gpu=0',
    'vendor.com/g=0',
  ])('%j is refused', (input) => {
    expect(() => parseDevice(input)).toThrow(
      expect.objectContaining({ code: 'invalid-device', input, flag: '--device' }),
    );
  });

  it.each([
    ['rwm', true],
    ['r', true],
    ['wm', true],
    ['', false],
    ['rr', false],
    ['rwx', false],
  ])('%j is a device mode: %s', (mode, expected) => {
    expect(isDeviceMode(mode)).toBe(expected);
  });
});

describe('parseDeviceCgroupRule', () => {
  it.each(['c 1:3 rwm', 'a *:* rwm', 'b 8:* r', 'c *:5 rrr'])('accepts %j', (rule) => {
    expect(parseDeviceCgroupRule(rule)).toBe(rule);
  });

  it.each(['x 1:3 r', 'c 1:3', 'c 1:3 rwmr', 'c 1 rwm', 'c  1:3 rwm', 'c a:3 r', 'c 1:3 rwm\n', ''])(
    'refuses %j',
    (rule) => {
      expect(() => parseDeviceCgroupRule(rule)).toThrow(
        expect.objectContaining({ code: 'invalid-device-cgroup-rule', input: rule }),
      );
    },
  );
});
