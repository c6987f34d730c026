import { trimSlash } from './container-name';
import { CommandRefusedError, type RefusalCode } from './errors';
import type { LifecycleState } from './states';

/** The docker commands that act on one container (`rm -f` is its own command: it is allowed where `rm` is not). */
export type Command =
  | 'create'
  | 'start'
  | 'stop'
  | 'kill'
  | 'pause'
  | 'unpause'
  | 'restart'
  | 'rm'
  | 'rm -f'
  | 'exec'
  | 'attach'
  | 'wait';

export const COMMANDS: readonly Command[] = [
  'create',
  'start',
  'stop',
  'kill',
  'pause',
  'unpause',
  'restart',
  'rm',
  'rm -f',
  'exec',
  'attach',
  'wait',
];

/**
 * The container a command names: `name` as the user wrote it (a name, an id or an id prefix), `id` the full id when
 * known. Docker's messages quote one or the other depending on the rule.
 */
export interface ContainerRef {
  name: string;
  id?: string;
}

/**
 * The command is allowed and leads to state `to`; `noop` when docker does nothing at all (starting a running
 * container, stopping a stopped one: the engine answers 304 and the CLI still prints the name).
 */
export interface Allowed {
  allowed: true;
  command: Command;
  from: LifecycleState;
  to: LifecycleState;
  noop: boolean;
}

/** The command is refused in this state; `reason` is docker's message, naming the container as docker does. */
export interface Refused {
  allowed: false;
  command: Command;
  from: LifecycleState;
  code: RefusalCode;
  reason: string;
}

export type Verdict = Allowed | Refused;

type Rule = LifecycleState | { refuse: RefusalCode };

const refuse = (code: RefusalCode): Rule => ({ refuse: code });
const GONE = refuse('no-such-container');
const NOT_RUNNING = refuse('container-not-running');
const NOT_PAUSED = refuse('container-not-paused');
const PAUSED = refuse('container-paused');
const RESTARTING = refuse('container-restarting');
const IN_PROGRESS = refuse('container-removal-in-progress');
const MARKED = refuse('container-marked-for-removal');

// exec and attach need a live, unfrozen process
const RUNNING_ONLY: Record<LifecycleState, Rule> = {
  created: NOT_RUNNING,
  running: 'running',
  paused: PAUSED,
  restarting: RESTARTING,
  removing: NOT_RUNNING,
  exited: NOT_RUNNING,
  dead: NOT_RUNNING,
  gone: GONE,
};

/**
 * The complete table, state by state, as Docker Engine 20.10 (API 1.41) with the docker CLI 28 answers: each entry is
 * the state the command leads to, or the refusal. `removing` never coexists with a live process (the engine reports
 * a running container being removed as `running`). ch.2.3.2 fig. 2.3; ch.2.6 for `rm`.
 */
const TABLE: Record<Command, Record<LifecycleState, Rule>> = {
  // any existing container holds its name, whatever its state
  create: {
    created: refuse('container-name-in-use'),
    running: refuse('container-name-in-use'),
    paused: refuse('container-name-in-use'),
    restarting: refuse('container-name-in-use'),
    removing: refuse('container-name-in-use'),
    exited: refuse('container-name-in-use'),
    dead: refuse('container-name-in-use'),
    gone: 'created',
  },
  // a restarting container counts as running: starting it again changes nothing
  start: {
    created: 'running',
    running: 'running',
    paused: PAUSED,
    restarting: 'restarting',
    removing: MARKED,
    exited: 'running',
    dead: MARKED,
    gone: GONE,
  },
  // stopping a stopped container is not an error (the engine answers 304): the CLI prints the name
  stop: {
    created: 'created',
    running: 'exited',
    paused: 'exited',
    restarting: 'exited',
    removing: 'removing',
    exited: 'exited',
    dead: 'dead',
    gone: GONE,
  },
  // SIGKILL; a kill also cancels the restart policy, so a restarting container stays exited
  kill: {
    created: NOT_RUNNING,
    running: 'exited',
    paused: 'exited',
    restarting: 'exited',
    removing: NOT_RUNNING,
    exited: NOT_RUNNING,
    dead: NOT_RUNNING,
    gone: GONE,
  },
  // pausing needs what exec does: a live, unfrozen process
  pause: { ...RUNNING_ONLY, running: 'paused' },
  unpause: {
    created: NOT_PAUSED,
    running: NOT_PAUSED,
    paused: 'running',
    restarting: NOT_PAUSED,
    removing: NOT_PAUSED,
    exited: NOT_PAUSED,
    dead: NOT_PAUSED,
    gone: GONE,
  },
  restart: {
    created: 'running',
    running: 'running',
    paused: 'running',
    restarting: 'running',
    removing: MARKED,
    exited: 'running',
    dead: MARKED,
    gone: GONE,
  },
  // ch.2.6: removing a running, paused or restarting container needs -f
  rm: {
    created: 'gone',
    running: refuse('container-running'),
    paused: PAUSED,
    restarting: RESTARTING,
    removing: IN_PROGRESS,
    exited: 'gone',
    dead: 'gone',
    gone: GONE,
  },
  // the CLI reports "No such container" for -f but still exits 0: nothing to remove is not a failure
  'rm -f': {
    created: 'gone',
    running: 'gone',
    paused: 'gone',
    restarting: 'gone',
    removing: IN_PROGRESS,
    exited: 'gone',
    dead: 'gone',
    gone: 'gone',
  },
  exec: RUNNING_ONLY,
  // the same rule, though the docker CLI applies it (from the container's inspect) before it attaches
  attach: RUNNING_ONLY,
  // waits for the next exit of a running, paused or restarting container; returns at once otherwise
  wait: {
    created: 'created',
    running: 'running',
    paused: 'paused',
    restarting: 'restarting',
    removing: 'removing',
    exited: 'exited',
    dead: 'dead',
    gone: GONE,
  },
};

const NOOPS: Partial<Record<Command, readonly LifecycleState[]>> = {
  start: ['running', 'restarting'],
  stop: ['created', 'removing', 'exited', 'dead'],
  'rm -f': ['gone'],
};

const PLACEHOLDER: ContainerRef = { name: '<container>' };

function refOf(container: string | ContainerRef | undefined): { name: string; id: string } {
  const ref = typeof container === 'string' ? { name: container } : (container ?? PLACEHOLDER);
  return { name: ref.name, id: ref.id ?? ref.name };
}

/** Docker's words for a refusal (engine 20.10; the CLI's own for `attach`). */
function reasonFor(code: RefusalCode, command: Command, from: LifecycleState, ref: { name: string; id: string }) {
  const { name, id } = ref;
  switch (code) {
    case 'no-such-container':
      return command === 'kill'
        ? `Cannot kill container: ${name}: No such container: ${name}`
        : `No such container: ${name}`;
    case 'container-name-in-use':
      return `Conflict. The container name "/${trimSlash(name)}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`;
    case 'container-not-running':
      if (command === 'attach') return 'You cannot attach to a stopped container, start it first';
      if (command === 'kill') return `Cannot kill container: ${name}: Container ${id} is not running`;
      return `Container ${id} is not running`;
    case 'container-running':
      return `You cannot remove a running container ${id}. Stop the container before attempting removal or force remove`;
    case 'container-paused':
      switch (command) {
        case 'start':
          return 'cannot start a paused container, try unpause instead';
        case 'pause':
          return `Container ${id} is already paused`;
        case 'exec':
          return `Container ${name} is paused, unpause the container before exec`;
        case 'attach':
          return 'You cannot attach to a paused container, unpause it first';
        default:
          return `You cannot remove a paused container ${id}. Unpause and then stop the container before attempting removal or force remove`;
      }
    case 'container-not-paused':
      return `Container ${id} is not paused`;
    case 'container-restarting':
      if (command === 'attach') return 'You cannot attach to a restarting container, wait until it is running';
      if (command === 'rm') {
        return `You cannot remove a ${from} container ${id}. Stop the container before attempting removal or force remove`;
      }
      return `Container ${id} is restarting, wait until the container is running`;
    case 'container-removal-in-progress':
      return `removal of container ${name} is already in progress`;
    case 'container-marked-for-removal':
      return command === 'restart'
        ? `Cannot restart container ${name}: container is marked for removal and cannot be started`
        : 'container is marked for removal and cannot be started';
  }
}

/**
 * Whether docker allows `command` on a container in state `from`, and the state it leads to; a refusal carries
 * docker's reason, naming `container` (for `create`, `name` is the new name and `id` the container holding it).
 */
export function can(command: Command, from: LifecycleState, container?: string | ContainerRef): Verdict {
  const rule = TABLE[command][from];
  if (typeof rule === 'string') {
    return { allowed: true, command, from, to: rule, noop: NOOPS[command]?.includes(from) ?? false };
  }
  return {
    allowed: false,
    command,
    from,
    code: rule.refuse,
    reason: reasonFor(rule.refuse, command, from, refOf(container)),
  };
}

/** Like {@link can}, but throws the refusal as a {@link CommandRefusedError}. */
export function assertCan(command: Command, from: LifecycleState, container?: string | ContainerRef): Allowed {
  const verdict = can(command, from, container);
  if (verdict.allowed) return verdict;
  throw new CommandRefusedError(verdict.code, refOf(container).name, command, from, verdict.reason);
}
