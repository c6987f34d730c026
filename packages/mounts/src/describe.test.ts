import type { MountPoint } from '@berth/types';
import { describe, expect, it } from 'vitest';
import { describeMounts, formatMountDescription } from './describe';

const anonymous = '1b3364a8debb5f653d1ecb9b190000622549ee2f812a4fb4ec8a83c43d87531b';

// ch. 4.5.1: `docker inspect --format "{{json .Mounts}}" reader` after --volumes-from fowler
const mounts: MountPoint[] = [
  {
    Type: 'volume',
    Name: anonymous,
    Source: `/var/lib/docker/volumes/${anonymous}/_data`,
    Destination: '/library/PoEAA',
    Driver: 'local',
    Mode: '',
    RW: true,
    Propagation: '',
  },
  { Type: 'bind', Source: '/tmp', Destination: '/library/DSL', Mode: '', RW: true, Propagation: 'rprivate' },
  {
    Type: 'volume',
    Name: 'cass-shared',
    Source: '/var/lib/docker/volumes/cass-shared/_data',
    Destination: '/var/lib/cassandra/data',
    Driver: 'local',
    Mode: 'z',
    RW: false,
    Propagation: '',
  },
  { Type: 'tmpfs', Source: '', Destination: '/tmp', Mode: '', RW: true, Propagation: '' },
];

describe('describeMounts', () => {
  it('lists type, source, destination, mode and RW by destination', () => {
    expect(describeMounts(mounts)).toEqual([
      {
        type: 'bind',
        source: '/tmp',
        destination: '/library/DSL',
        mode: '',
        rw: true,
        anonymous: false,
        hostPath: '/tmp',
      },
      {
        type: 'volume',
        source: anonymous,
        destination: '/library/PoEAA',
        mode: '',
        rw: true,
        anonymous: true,
        hostPath: `/var/lib/docker/volumes/${anonymous}/_data`,
      },
      { type: 'tmpfs', source: 'tmpfs', destination: '/tmp', mode: '', rw: true, anonymous: false, hostPath: '' },
      {
        type: 'volume',
        source: 'cass-shared',
        destination: '/var/lib/cassandra/data',
        mode: 'z',
        rw: false,
        anonymous: false,
        hostPath: '/var/lib/docker/volumes/cass-shared/_data',
      },
    ]);
  });

  it('formats one line per mount', () => {
    expect(describeMounts(mounts).map(formatMountDescription)).toEqual([
      'bind /tmp -> /library/DSL rw',
      'volume 1b3364a8debb (anonymous) -> /library/PoEAA rw',
      'tmpfs tmpfs -> /tmp rw',
      'volume cass-shared -> /var/lib/cassandra/data ro (z)',
    ]);
  });
});
