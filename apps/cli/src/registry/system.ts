import type { CommandEntry } from './entry';

// What the engine itself is and says: version, info, events, and shell completion for berth.
export const SYSTEM_COMMANDS: readonly CommandEntry[] = [
  {
    names: [['version']],
    summary: 'Show the Docker version information',
    common: true,
    load: () => import('../commands/version'),
  },
  {
    names: [['system', 'info'], ['info']],
    summary: 'Display system-wide information',
    common: true,
    load: () => import('../commands/info'),
  },
  {
    names: [['system', 'events'], ['events']],
    summary: 'Get real time events from the server',
    load: () => import('../commands/events'),
  },
  {
    names: [['system', 'df']],
    summary: 'Show docker disk usage',
    load: () => import('../commands/system-df'),
  },
  {
    names: [['system', 'prune']],
    summary: 'Remove unused data',
    load: () => import('../commands/system-prune'),
  },
  {
    names: [['completion']],
    summary: 'Generate the autocompletion script for the specified shell',
    load: () => import('../commands/completion'),
  },
];
