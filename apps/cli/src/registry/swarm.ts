import type { CommandEntry } from './entry';

// Beyond one host: the same containers as Swarm services, and the swarm itself.
export const SWARM_COMMANDS: readonly CommandEntry[] = [
  { names: [['swarm', 'init']], summary: 'Initialize a swarm', load: () => import('../commands/swarm-init') },
  {
    names: [['swarm', 'join']],
    summary: 'Join a swarm as a node and/or manager',
    load: () => import('../commands/swarm-join'),
  },
  { names: [['swarm', 'leave']], summary: 'Leave the swarm', load: () => import('../commands/swarm-leave') },
  {
    names: [['service', 'create']],
    summary: 'Create a new service',
    load: () => import('../commands/service-create'),
  },
  {
    names: [['service', 'inspect']],
    summary: 'Display detailed information on one or more services',
    load: () => import('../commands/service-inspect'),
  },
  {
    names: [['service', 'logs']],
    summary: 'Fetch the logs of a service or task',
    load: () => import('../commands/service-logs'),
  },
  {
    names: [
      ['service', 'ls'],
      ['service', 'list'],
    ],
    summary: 'List services',
    load: () => import('../commands/service-ls'),
  },
  {
    names: [['service', 'ps']],
    summary: 'List the tasks of one or more services',
    load: () => import('../commands/service-ps'),
  },
  {
    names: [
      ['service', 'rm'],
      ['service', 'remove'],
    ],
    summary: 'Remove one or more services',
    load: () => import('../commands/service-rm'),
  },
  {
    names: [['service', 'runline']],
    summary: "Print the berth run command line that starts one of a service's tasks as a container",
    load: () => import('../commands/service-runline'),
  },
  {
    names: [['service', 'scale']],
    summary: 'Scale one or multiple replicated services',
    load: () => import('../commands/service-scale'),
  },
  {
    names: [['service', 'update']],
    summary: 'Update a service',
    load: () => import('../commands/service-update'),
  },
];
