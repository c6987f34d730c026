import { CONTAINER_COMMANDS } from './containers';
import type { CommandEntry, CommandGroup } from './entry';
import { IMAGE_COMMANDS } from './images';
import { LIMIT_COMMANDS } from './limits';
import { STORAGE_AND_NETWORK_COMMANDS } from './storage-and-networks';
import { SWARM_COMMANDS } from './swarm';
import { SYSTEM_COMMANDS } from './system';

export type { CommandEntry, CommandGroup } from './entry';

/** Every command berth has, by area: each area's table is its own file. */
export const COMMANDS: readonly CommandEntry[] = [
  ...CONTAINER_COMMANDS,
  ...IMAGE_COMMANDS,
  ...SYSTEM_COMMANDS,
  ...STORAGE_AND_NETWORK_COMMANDS,
  ...LIMIT_COMMANDS,
  ...SWARM_COMMANDS,
];

/** The order of `berth --help`'s common commands, docker's. */
export const COMMON_ORDER: readonly string[] = [
  'run',
  'exec',
  'ps',
  'build',
  'pull',
  'push',
  'images',
  'login',
  'logout',
  'search',
  'version',
  'info',
];

/** The management commands, as `berth --help` lists them. */
export const GROUPS: readonly CommandGroup[] = [
  { name: 'container', summary: 'Manage containers' },
  { name: 'image', summary: 'Manage images' },
  { name: 'network', summary: 'Manage networks' },
  { name: 'system', summary: 'Manage Docker' },
  { name: 'volume', summary: 'Manage volumes' },
  { name: 'service', summary: 'Manage Swarm services', swarm: true },
  { name: 'swarm', summary: 'Manage Swarm', swarm: true },
];
