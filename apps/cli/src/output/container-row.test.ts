import type { ContainerSummary } from '@berth/types';
import { describe, expect, it } from 'vitest';
import { containerRawFormat, containerRow, EMPTY_CONTAINER } from './container-row';

const id = 'cc5e6323dcb1'.padEnd(64, 'a');
const summary: ContainerSummary = {
  ...EMPTY_CONTAINER,
  Id: id,
  Names: ['/web', '/agent/web'],
  Image: 'docker.io/library/busybox:1.29@sha256:'.padEnd(102, 'b'),
  ImageID: 'sha256:'.padEnd(71, 'c'),
  Command: 'sh -c "while true; do sleep 1; done"',
  Created: 1_796_223_845,
  Labels: { tier: 'web', app: 'monitor' },
  State: 'running',
  Status: 'Up 5 minutes',
  Mounts: [
    {
      Type: 'volume',
      Name: 'a-rather-long-volume-name',
      Source: '',
      Destination: '/data',
      Driver: 'local',
      Mode: '',
      RW: true,
      Propagation: '',
    },
  ],
  SizeRw: 12_000,
  SizeRootFs: 1_990_000,
};

describe('containerRow', () => {
  it('truncates as docker ps does', () => {
    const row = containerRow(summary, true, 1_796_224_145_000);
    expect(row).toMatchObject({
      ID: 'cc5e6323dcb1',
      Names: 'web',
      Image: 'busybox:1.29',
      Command: '"sh -c \\"while true; …"',
      RunningFor: '5 minutes ago',
      Labels: 'app=monitor,tier=web',
      Mounts: 'a-rather-long-…',
      LocalVolumes: '1',
      Size: '12kB (virtual 1.99MB)',
    });
    expect(row.Label('tier')).toBe('web');
    expect(row.Label('none')).toBe('');
  });

  it('shows everything with --no-trunc', () => {
    const row = containerRow(summary, false);
    expect(row.ID).toBe(id);
    expect(row.Names).toBe('web,agent/web');
    expect(row.Image).toBe(summary.Image);
    expect(row.Mounts).toBe('a-rather-long-volume-name');
  });

  it('prints an image given by id as its short id, and no image as docker does', () => {
    const byId = { ...summary, Image: summary.ImageID };
    expect(containerRow(byId, true).Image).toBe('cccccccccccc');
    expect(containerRow({ ...summary, Image: '' }, true).Image).toBe('<no image>');
  });

  it('keeps JSON to the fields, in their sorted order', () => {
    expect(Object.keys(JSON.parse(JSON.stringify(containerRow(summary, true))))).toEqual([
      'Command',
      'CreatedAt',
      'ID',
      'Image',
      'Labels',
      'LocalVolumes',
      'Mounts',
      'Names',
      'Networks',
      'Platform',
      'Ports',
      'RunningFor',
      'Size',
      'State',
      'Status',
    ]);
  });

  it('writes the raw format as docker does, ids only with -q', () => {
    expect(containerRawFormat(false, true)).toBe('container_id: {{.ID}}');
    expect(containerRawFormat(true, false)).toMatch(/^container_id: \{\{\.ID\}\}\n.*\nsize: \{\{\.Size\}\}\n$/s);
  });
});
