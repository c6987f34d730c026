import type { CommandEntry } from './entry';

// ch.4–5: volumes and networks, each a management group of its own (docker keeps no top-level words for them).
export const STORAGE_AND_NETWORK_COMMANDS: readonly CommandEntry[] = [
  {
    names: [['volume', 'create']],
    summary: 'Create a volume',
    load: () => import('../commands/volume-create'),
  },
  {
    names: [['volume', 'inspect']],
    summary: 'Display detailed information on one or more volumes',
    load: () => import('../commands/volume-inspect'),
  },
  {
    names: [
      ['volume', 'ls'],
      ['volume', 'list'],
    ],
    summary: 'List volumes',
    load: () => import('../commands/volume-ls'),
  },
  {
    names: [['volume', 'prune']],
    summary: 'Remove unused local volumes',
    load: () => import('../commands/volume-prune'),
  },
  {
    names: [
      ['volume', 'rm'],
      ['volume', 'remove'],
    ],
    summary: 'Remove one or more volumes',
    load: () => import('../commands/volume-rm'),
  },
  {
    names: [['network', 'connect']],
    summary: 'Connect a container to a network',
    load: () => import('../commands/network-connect'),
  },
  {
    names: [['network', 'create']],
    summary: 'Create a network',
    load: () => import('../commands/network-create'),
  },
  {
    names: [['network', 'disconnect']],
    summary: 'Disconnect a container from a network',
    load: () => import('../commands/network-disconnect'),
  },
  {
    names: [['network', 'inspect']],
    summary: 'Display detailed information on one or more networks',
    load: () => import('../commands/network-inspect'),
  },
  {
    names: [
      ['network', 'ls'],
      ['network', 'list'],
    ],
    summary: 'List networks',
    load: () => import('../commands/network-ls'),
  },
  {
    names: [['network', 'prune']],
    summary: 'Remove all unused networks',
    load: () => import('../commands/network-prune'),
  },
  {
    names: [
      ['network', 'rm'],
      ['network', 'remove'],
    ],
    summary: 'Remove one or more networks',
    load: () => import('../commands/network-rm'),
  },
];
