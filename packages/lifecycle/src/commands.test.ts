import { BerthError } from '@berth/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertCan, COMMANDS, type Command, can } from './commands';
import { CommandRefusedError } from './errors';
import { LIFECYCLE_STATES, type LifecycleState } from './states';

const ref = { name: 'web', id: 'f00dfeed' };

// Docker's words for the container `web` (id f00dfeed): engine 20.10.24 with the docker CLI 28.2, as the guards
// engine test observes them. Each state column: a state the command leads to (`=` marks docker doing nothing), or
// the refusal's text.
const NO_SUCH = 'No such container: web';
const NOT_RUNNING = 'Container f00dfeed is not running';
const NOT_PAUSED = 'Container f00dfeed is not paused';
const MARKED = 'container is marked for removal and cannot be started';
const IN_PROGRESS = 'removal of container web is already in progress';
const IN_USE =
  'Conflict. The container name "/web" is already in use by container "f00dfeed". You have to remove (or rename) that container to be able to reuse that name.';
const CANNOT_KILL = 'Cannot kill container: web: Container f00dfeed is not running';
const RESTARTING = 'Container f00dfeed is restarting, wait until the container is running';
const ATTACH_STOPPED = 'You cannot attach to a stopped container, start it first';

type Expected = `=${LifecycleState}` | LifecycleState | { reason: string; code: string };
const r = (code: string, reason: string) => ({ code, reason });

const TABLE: Record<Command, Record<LifecycleState, Expected>> = {
  create: {
    created: r('container-name-in-use', IN_USE),
    running: r('container-name-in-use', IN_USE),
    paused: r('container-name-in-use', IN_USE),
    restarting: r('container-name-in-use', IN_USE),
    removing: r('container-name-in-use', IN_USE),
    exited: r('container-name-in-use', IN_USE),
    dead: r('container-name-in-use', IN_USE),
    gone: 'created',
  },
  start: {
    created: 'running',
    running: '=running',
    paused: r('container-paused', 'cannot start a paused container, try unpause instead'),
    restarting: '=restarting',
    removing: r('container-marked-for-removal', MARKED),
    exited: 'running',
    dead: r('container-marked-for-removal', MARKED),
    gone: r('no-such-container', NO_SUCH),
  },
  stop: {
    created: '=created',
    running: 'exited',
    paused: 'exited',
    restarting: 'exited',
    removing: '=removing',
    exited: '=exited',
    dead: '=dead',
    gone: r('no-such-container', NO_SUCH),
  },
  kill: {
    created: r('container-not-running', CANNOT_KILL),
    running: 'exited',
    paused: 'exited',
    restarting: 'exited',
    removing: r('container-not-running', CANNOT_KILL),
    exited: r('container-not-running', CANNOT_KILL),
    dead: r('container-not-running', CANNOT_KILL),
    gone: r('no-such-container', 'Cannot kill container: web: No such container: web'),
  },
  pause: {
    created: r('container-not-running', NOT_RUNNING),
    running: 'paused',
    paused: r('container-paused', 'Container f00dfeed is already paused'),
    restarting: r('container-restarting', RESTARTING),
    removing: r('container-not-running', NOT_RUNNING),
    exited: r('container-not-running', NOT_RUNNING),
    dead: r('container-not-running', NOT_RUNNING),
    gone: r('no-such-container', NO_SUCH),
  },
  unpause: {
    created: r('container-not-paused', NOT_PAUSED),
    running: r('container-not-paused', NOT_PAUSED),
    paused: 'running',
    restarting: r('container-not-paused', NOT_PAUSED),
    removing: r('container-not-paused', NOT_PAUSED),
    exited: r('container-not-paused', NOT_PAUSED),
    dead: r('container-not-paused', NOT_PAUSED),
    gone: r('no-such-container', NO_SUCH),
  },
  restart: {
    created: 'running',
    running: 'running',
    paused: 'running',
    restarting: 'running',
    removing: r('container-marked-for-removal', `Cannot restart container web: ${MARKED}`),
    exited: 'running',
    dead: r('container-marked-for-removal', `Cannot restart container web: ${MARKED}`),
    gone: r('no-such-container', NO_SUCH),
  },
  rm: {
    created: 'gone',
    running: r(
      'container-running',
      'You cannot remove a running container f00dfeed. Stop the container before attempting removal or force remove',
    ),
    paused: r(
      'container-paused',
      'You cannot remove a paused container f00dfeed. Unpause and then stop the container before attempting removal or force remove',
    ),
    restarting: r(
      'container-restarting',
      'You cannot remove a restarting container f00dfeed. Stop the container before attempting removal or force remove',
    ),
    removing: r('container-removal-in-progress', IN_PROGRESS),
    exited: 'gone',
    dead: 'gone',
    gone: r('no-such-container', NO_SUCH),
  },
  'rm -f': {
    created: 'gone',
    running: 'gone',
    paused: 'gone',
    restarting: 'gone',
    removing: r('container-removal-in-progress', IN_PROGRESS),
    exited: 'gone',
    dead: 'gone',
    gone: '=gone',
  },
  exec: {
    created: r('container-not-running', NOT_RUNNING),
    running: 'running',
    paused: r('container-paused', 'Container web is paused, unpause the container before exec'),
    restarting: r('container-restarting', RESTARTING),
    removing: r('container-not-running', NOT_RUNNING),
    exited: r('container-not-running', NOT_RUNNING),
    dead: r('container-not-running', NOT_RUNNING),
    gone: r('no-such-container', NO_SUCH),
  },
  attach: {
    created: r('container-not-running', ATTACH_STOPPED),
    running: 'running',
    paused: r('container-paused', 'You cannot attach to a paused container, unpause it first'),
    restarting: r('container-restarting', 'You cannot attach to a restarting container, wait until it is running'),
    removing: r('container-not-running', ATTACH_STOPPED),
    exited: r('container-not-running', ATTACH_STOPPED),
    dead: r('container-not-running', ATTACH_STOPPED),
    gone: r('no-such-container', NO_SUCH),
  },
  wait: {
    created: 'created',
    running: 'running',
    paused: 'paused',
    restarting: 'restarting',
    removing: 'removing',
    exited: 'exited',
    dead: 'dead',
    gone: r('no-such-container', NO_SUCH),
  },
};

const rows = COMMANDS.flatMap((command) =>
  LIFECYCLE_STATES.map((state) => ({ command, state, expected: TABLE[command][state] })),
);

describe('can(command, state): the complete transition table', () => {
  it('has a row for every state × command', () => {
    expect(rows).toHaveLength(12 * 8);
  });

  it.each(rows)('$command in $state', ({ command, state, expected }) => {
    const verdict = can(command, state, ref);
    if (typeof expected === 'string') {
      const noop = expected.startsWith('=');
      expect(verdict).toEqual({ allowed: true, command, from: state, to: expected.replace('=', ''), noop });
    } else {
      expect(verdict).toEqual({ allowed: false, command, from: state, code: expected.code, reason: expected.reason });
    }
  });
});

describe('assertCan', () => {
  it('returns the allowed verdict', () => {
    expect(assertCan('pause', 'running', 'web')).toMatchObject({ allowed: true, to: 'paused' });
  });

  it('throws the refusal as a CommandRefusedError carrying the command, the state and docker’s reason', () => {
    const error = (() => {
      try {
        assertCan('exec', 'restarting', { name: 'backoff-detector', id: '0123abcd' });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(CommandRefusedError);
    expect(error).toBeInstanceOf(BerthError);
    expect(error).toMatchObject({
      code: 'container-restarting',
      input: 'backoff-detector',
      command: 'exec',
      state: 'restarting',
      message: 'Container 0123abcd is restarting, wait until the container is running',
    });
  });

  it('names the container by what the user typed when the id is unknown, and by a placeholder when nothing is', () => {
    expect(can('exec', 'exited', 'web')).toMatchObject({ reason: 'Container web is not running' });
    expect(can('exec', 'exited')).toMatchObject({ reason: 'Container <container> is not running' });
    expect(can('create', 'running', { name: '/web', id: 'f00d' })).toMatchObject({
      reason: expect.stringContaining('The container name "/web" is already in use by container "f00d"'),
    });
  });
});

describe('properties', () => {
  it('every answer is an allowed move to a known state or a refusal with a reason; refusals never change state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMMANDS),
        fc.constantFrom(...LIFECYCLE_STATES),
        fc.string(),
        (command, state, name) => {
          const verdict = can(command, state, name);
          if (verdict.allowed) {
            expect(LIFECYCLE_STATES).toContain(verdict.to);
            if (verdict.noop) expect(verdict.to).toBe(state);
          } else {
            expect(verdict.reason.length).toBeGreaterThan(0);
            expect(() => assertCan(command, state, name)).toThrow(CommandRefusedError);
          }
        },
      ),
    );
  });

  it('a gone container refuses everything but create and rm -f', () => {
    const allowed = COMMANDS.filter((command) => can(command, 'gone').allowed);
    expect(allowed).toEqual(['create', 'rm -f']);
  });
});
