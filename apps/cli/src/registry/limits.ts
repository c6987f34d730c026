import type { CommandEntry } from './entry';

// ch.6: seeing and changing a container's limits, and what it is allowed to do.
export const LIMIT_COMMANDS: readonly CommandEntry[] = [
  {
    names: [['container', 'audit']],
    summary: "Audit containers' isolation against the hardening checklist",
    load: () => import('../commands/container-audit'),
  },
  {
    names: [['container', 'stats'], ['stats']],
    summary: 'Display a live stream of container(s) resource usage statistics',
    load: () => import('../commands/stats'),
  },
  {
    names: [['container', 'update'], ['update']],
    summary: 'Update configuration of one or more containers',
    load: () => import('../commands/update'),
  },
];
