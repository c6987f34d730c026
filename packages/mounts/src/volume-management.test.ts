import type { VolumeCreateRequest } from '@berth/types';
import { describe, expect, it } from 'vitest';
import { MountError, type MountErrorCode } from './errors';
import { parseVolumeCreate, type VolumeCreateFlags } from './volume-create';
import { parseVolumeFilters } from './volume-filters';

describe('parseVolumeCreate', () => {
  it.each<[VolumeCreateFlags, VolumeCreateRequest]>([
    [{}, { Driver: 'local', DriverOpts: {}, Labels: {} }],
    [
      { driver: 'local', labels: ['example=location'], name: 'location-example' },
      { Name: 'location-example', Driver: 'local', DriverOpts: {}, Labels: { example: 'location' } },
    ],
    [{ name: '' }, { Driver: 'local', DriverOpts: {}, Labels: {} }],
    [
      { labels: ['flag', 'a=b=c', ' padded=1'] },
      { Driver: 'local', DriverOpts: {}, Labels: { flag: '', a: 'b=c', ' padded': '1' } },
    ],
    [
      { opts: ['type=tmpfs', 'device=tmpfs', 'o=size=100m,uid=1000'] },
      { Driver: 'local', DriverOpts: { type: 'tmpfs', device: 'tmpfs', o: 'size=100m,uid=1000' }, Labels: {} },
    ],
    [
      { driver: 'rexray', opts: ['size=10'], name: 'any name' },
      { Name: 'any name', Driver: 'rexray', DriverOpts: { size: '10' }, Labels: {} },
    ],
    [{ driver: '' }, { Driver: '', DriverOpts: {}, Labels: {} }],
  ])('%j', (flags, request) => {
    expect(parseVolumeCreate(flags)).toEqual(request);
  });

  it.each<[VolumeCreateFlags, MountErrorCode, string]>([
    [{ name: 'a' }, 'invalid-volume-name', 'a'],
    [{ name: 'a b' }, 'invalid-volume-name', 'a b'],
    [{ name: '/abs' }, 'invalid-volume-name', '/abs'],
    [{ labels: ['=b'] }, 'invalid-label', '=b'],
    [{ labels: ['a b=c'] }, 'invalid-label', 'a b=c'],
    [{ opts: ['bogus=1'] }, 'invalid-driver-option', 'bogus=1'],
    [{ opts: ['=x'] }, 'invalid-driver-option', '=x'],
    [{ opts: ['type=tmpfs'] }, 'invalid-driver-option', 'type=tmpfs'],
    [{ opts: ['o=size=1m', 'device=tmpfs'] }, 'invalid-driver-option', 'o=size=1m'],
  ])('%j is refused (%s)', (flags, code, input) => {
    expect(() => parseVolumeCreate(flags)).toThrow(MountError);
    expect(() => parseVolumeCreate(flags)).toThrow(expect.objectContaining({ code, input, flag: 'volume create' }));
  });
});

describe('parseVolumeFilters', () => {
  it.each<[string[], 'ls' | 'prune', Record<string, string[]>]>([
    [['label=example'], 'prune', { label: ['example'] }],
    [['label=example=cassandra'], 'prune', { label: ['example=cassandra'] }],
    [['label!=keep'], 'prune', { 'label!': ['keep'] }],
    [['label!=keep=yes', 'label=a', 'label=a'], 'prune', { 'label!': ['keep=yes'], label: ['a'] }],
    // ch. 4.6: the book's `--filter example=cassandra` means a label filter
    [['example=cassandra'], 'prune', { label: ['example=cassandra'] }],
    [['Example=Location'], 'ls', { label: ['Example=Location'] }],
    [['dangling=true', 'driver=local', 'name=cass'], 'ls', { dangling: ['true'], driver: ['local'], name: ['cass'] }],
    [[' NAME = cass '], 'ls', { name: ['cass'] }],
    [['dangling=0'], 'ls', { dangling: ['0'] }],
    [[''], 'ls', {}],
    [[], 'prune', {}],
  ])('%j for %s', (values, command, filters) => {
    expect(parseVolumeFilters(values, command)).toEqual(filters);
  });

  it.each<[string[], 'ls' | 'prune']>([
    [['label'], 'prune'],
    [['dangling=true'], 'prune'],
    [['driver=local'], 'prune'],
    [['label!=x'], 'ls'],
    [['dangling=yes'], 'ls'],
  ])('%j for %s is refused', (values, command) => {
    expect(() => parseVolumeFilters(values, command)).toThrow(
      expect.objectContaining({ code: 'invalid-filter', flag: '--filter', input: values[0] }),
    );
  });
});
