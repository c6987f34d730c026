import type { ContainerSummary } from '@berth/types';
import { describe, expect, it } from 'vitest';
import { buildCacheRow, type DiskUsage, diskUsageRows, imageUsageRow } from './disk-usage-rows';
import { goUtcTimeString } from './network-row';
import { deletedList, reclaimedLine, reportSection } from './prune-report';

const image = {
  Id: 'sha256:839632924e97aaaa',
  ParentId: '',
  RepoTags: ['busybox:1.29'],
  RepoDigests: [],
  Created: 1_700_000_000,
  Size: 1_983_000,
  SharedSize: 1_985_000,
  Labels: null,
  Containers: 2,
};

describe('diskUsageRows', () => {
  it('sums each kind of object as docker system df does', () => {
    const usage: DiskUsage = {
      LayersSize: 2_753_000,
      Images: [image, { ...image, Id: 'sha256:ff', Containers: 0, Size: 2_752_000, SharedSize: 1_985_000 }],
      Containers: [
        { State: 'running', SizeRw: 10 },
        { State: 'exited', SizeRw: 5 },
        { State: 'paused', SizeRw: 0 },
      ] as ContainerSummary[],
      Volumes: [
        {
          Name: 'a',
          Driver: 'local',
          Mountpoint: '',
          Labels: null,
          Scope: 'local',
          Options: null,
          UsageData: { Size: 6, RefCount: 0 },
        },
        {
          Name: 'b',
          Driver: 'local',
          Mountpoint: '',
          Labels: null,
          Scope: 'local',
          Options: null,
          UsageData: { Size: 4, RefCount: 1 },
        },
        {
          Name: 'c',
          Driver: 'local',
          Mountpoint: '',
          Labels: null,
          Scope: 'local',
          Options: null,
          UsageData: { Size: -1, RefCount: 0 },
        },
      ],
      BuildCache: [],
    };
    expect(diskUsageRows(usage)).toEqual([
      // the image in use holds less than it shares: nothing of its own to keep
      { Type: 'Images', TotalCount: '2', Active: '1', Size: '2.753MB', Reclaimable: '2.755MB (100%)' },
      { Type: 'Containers', TotalCount: '3', Active: '2', Size: '15B', Reclaimable: '5B (33%)' },
      { Type: 'Local Volumes', TotalCount: '3', Active: '1', Size: '10B', Reclaimable: '6B (60%)' },
      { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
    ]);
  });

  it('has no percentage when there is nothing at all', () => {
    expect(diskUsageRows({}).map((row) => row.Reclaimable)).toEqual(['0B', '0B', '0B', '0B']);
  });
});

describe('imageUsageRow and buildCacheRow', () => {
  it("shows an image's first tag, short id and sizes with what it shares apart", () => {
    const row = imageUsageRow(image, true, 1_700_000_060_000);
    expect(row).toMatchObject({
      Repository: 'busybox',
      Tag: '1.29',
      ID: '839632924e97',
      CreatedSince: 'About a minute ago',
    });
    expect([row.Size, row.SharedSize, row.UniqueSize, row.Containers]).toEqual(['1.98MB', '1.985MB', '-2000B', '2']);
    expect(
      imageUsageRow(
        { ...image, RepoTags: ['<none>:<none>'], RepoDigests: ['<none>@<none>'], SharedSize: -1 },
        false,
        0,
      ),
    ).toMatchObject({
      Repository: '<none>',
      Tag: '<none>',
      ID: 'sha256:839632924e97aaaa',
      SharedSize: 'N/A',
      UniqueSize: 'N/A',
    });
  });

  it('marks a cache record in use with a star', () => {
    const record = {
      ID: 'abcdef0123456789',
      Type: 'regular',
      Size: 1234,
      CreatedAt: '2026-12-02T15:00:00Z',
      LastUsedAt: null,
      UsageCount: 3,
      InUse: true,
      Shared: false,
    };
    expect(buildCacheRow(record, true, Date.parse('2026-12-02T15:00:30Z'))).toEqual({
      ID: 'abcdef012345*',
      CacheType: 'regular',
      Size: '1.23kB',
      CreatedSince: '30 seconds ago',
      LastUsedSince: '',
      UsageCount: '3',
      Shared: 'false',
    });
  });
});

describe('prune reports', () => {
  it.each<[string, readonly string[] | null, string]>([
    ['Deleted Volumes', ['cass-shared', 'location-example'], 'Deleted Volumes:\ncass-shared\nlocation-example\n\n'],
    ['Deleted Networks', [], ''],
    ['Deleted Containers', null, ''],
  ])('%s %j', (title, lines, text) => {
    expect(reportSection(deletedList(title, lines))).toBe(text);
  });

  it.each([
    [0, 'Total reclaimed space: 0B\n'],
    [12, 'Total reclaimed space: 12B\n'],
    [1_985_432, 'Total reclaimed space: 1.985MB\n'],
  ])('%d bytes', (bytes, line) => {
    expect(reclaimedLine(bytes)).toBe(line);
  });
});

describe('goUtcTimeString', () => {
  it.each([
    ['2026-12-02T14:52:16.564037595Z', '2026-12-02 14:52:16.564037595 +0000 UTC'],
    ['2026-12-02T14:52:16.5640Z', '2026-12-02 14:52:16.564 +0000 UTC'],
    ['2026-12-02T14:52:16Z', '2026-12-02 14:52:16 +0000 UTC'],
  ])('%s', (rfc3339, text) => {
    expect(goUtcTimeString(rfc3339)).toBe(text);
  });
});
