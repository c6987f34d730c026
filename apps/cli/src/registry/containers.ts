import type { CommandEntry } from './entry';

// ch.2: the container commands, under `berth container …` and as the top-level words docker keeps for them.
export const CONTAINER_COMMANDS: readonly CommandEntry[] = [
  {
    names: [['container', 'attach'], ['attach']],
    summary: 'Attach local standard input, output, and error streams to a running container',
    load: () => import('../commands/attach'),
  },
  {
    names: [['container', 'cp'], ['cp']],
    summary: 'Copy files/folders between a container and the local filesystem',
    load: () => import('../commands/cp'),
  },
  {
    names: [['container', 'create'], ['create']],
    summary: 'Create a new container',
    load: () => import('../commands/create'),
  },
  {
    names: [['container', 'diff'], ['diff']],
    summary: "Inspect changes to files or directories on a container's filesystem",
    load: () => import('../commands/diff'),
  },
  {
    names: [['container', 'exec'], ['exec']],
    summary: 'Execute a command in a running container',
    common: true,
    load: () => import('../commands/exec'),
  },
  {
    names: [['container', 'export'], ['export']],
    summary: "Export a container's filesystem as a tar archive",
    load: () => import('../commands/export'),
  },
  {
    names: [['container', 'inspect']],
    summary: 'Display detailed information on one or more containers',
    load: () => import('../commands/container-inspect'),
  },
  {
    names: [['inspect']],
    summary: 'Return low-level information on Docker objects',
    load: () => import('../commands/inspect'),
  },
  {
    names: [['container', 'kill'], ['kill']],
    summary: 'Kill one or more running containers',
    load: () => import('../commands/kill'),
  },
  {
    names: [['container', 'logs'], ['logs']],
    summary: 'Fetch the logs of a container',
    load: () => import('../commands/logs'),
  },
  {
    names: [['container', 'ls'], ['container', 'list'], ['container', 'ps'], ['ps']],
    summary: 'List containers',
    common: true,
    load: () => import('../commands/ps'),
  },
  {
    names: [['container', 'pause'], ['pause']],
    summary: 'Pause all processes within one or more containers',
    load: () => import('../commands/pause'),
  },
  {
    names: [['container', 'port'], ['port']],
    summary: 'List port mappings or a specific mapping for the container',
    load: () => import('../commands/port'),
  },
  {
    names: [['container', 'prune']],
    summary: 'Remove all stopped containers',
    load: () => import('../commands/container-prune'),
  },
  {
    names: [['container', 'rename'], ['rename']],
    summary: 'Rename a container',
    load: () => import('../commands/rename'),
  },
  {
    names: [['container', 'restart'], ['restart']],
    summary: 'Restart one or more containers',
    load: () => import('../commands/restart'),
  },
  {
    names: [['container', 'rm'], ['container', 'remove'], ['rm']],
    summary: 'Remove one or more containers',
    load: () => import('../commands/rm'),
  },
  {
    names: [['container', 'run'], ['run']],
    summary: 'Create and run a new container from an image',
    common: true,
    load: () => import('../commands/run'),
  },
  {
    names: [['container', 'start'], ['start']],
    summary: 'Start one or more stopped containers',
    load: () => import('../commands/start'),
  },
  {
    names: [['container', 'stop'], ['stop']],
    summary: 'Stop one or more running containers',
    load: () => import('../commands/stop'),
  },
  {
    names: [['container', 'top'], ['top']],
    summary: 'Display the running processes of a container',
    load: () => import('../commands/top'),
  },
  {
    names: [['container', 'unpause'], ['unpause']],
    summary: 'Unpause all processes within one or more containers',
    load: () => import('../commands/unpause'),
  },
  {
    names: [['container', 'wait'], ['wait']],
    summary: 'Block until one or more containers stop, then print their exit codes',
    load: () => import('../commands/wait'),
  },
  {
    names: [['container', 'runlike']],
    summary: 'Print the berth run command line that recreates a container',
    load: () => import('../commands/container-runlike'),
  },
];
