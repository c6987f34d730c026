import { createServer } from 'node:net';
import { type EngineKit, SCOPE_LABEL } from '@berth/testkit';
import { afterAll, beforeAll, expect } from 'vitest';
import { maskTimes, type ParityOptions, parity } from './parity';

/** The containers the reading commands' parity tests look at, by name. */
export interface ReadingFixtures {
  /** Running, a port mapped, a same-number range (folded by ps), an exposed range, a label and a named volume. */
  running: string;
  /** Exited with code 3. */
  exited: string;
  /** Created, never started, with a command longer than ps's 20 columns. */
  created: string;
  paused: string;
  /** Running with a health check that passes. */
  healthy: string;
  volume: string;
  /** A network of this file's own, no container on it (the default bridge's document changes with every test). */
  network: string;
  /** `--filter label=<scope>`: only this file's containers, whatever else the engine runs. */
  scope: string;
}

async function docker(kit: EngineKit, subcommand: string[], args: string[]): Promise<string> {
  const result = await kit.labelledCli(subcommand, args);
  if (result.exitCode !== 0) throw new Error(`docker ${subcommand.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Three consecutive loopback ports nothing listens on, from a random start. */
async function freePortRange(): Promise<number> {
  for (;;) {
    const first = 40000 + Math.floor(Math.random() * 20000);
    if ((await portFree(first)) && (await portFree(first + 1)) && (await portFree(first + 2))) return first;
  }
}

/** Makes the fixtures with the docker CLI and this file's labels. */
export async function makeReadingFixtures(kit: EngineKit): Promise<ReadingFixtures> {
  const firstPort = await freePortRange();
  const fixtures: ReadingFixtures = {
    running: kit.name('running'),
    exited: kit.name('exited'),
    created: kit.name('created'),
    paused: kit.name('paused'),
    healthy: kit.name('healthy'),
    volume: kit.name('data'),
    network: kit.name('net'),
    scope: `label=${SCOPE_LABEL}=${kit.labels[SCOPE_LABEL]}`,
  };
  const range = `127.0.0.1:${firstPort}-${firstPort + 2}:${firstPort}-${firstPort + 2}`;
  await docker(kit, ['volume', 'create'], [fixtures.volume]);
  await docker(kit, ['network', 'create'], [fixtures.network]);
  await docker(
    kit,
    ['run', '-d'],
    [
      '--name',
      fixtures.running,
      '-p',
      '127.0.0.1::80',
      '-p',
      range,
      '--expose',
      '9000-9001',
      '--label',
      'tier=web',
      '-v',
      `${fixtures.volume}:/data`,
      'busybox:1.29',
      'sh',
      '-c',
      'mkdir /made; touch /etc/changed; rm /bin/zcat; sleep 600',
    ],
  );
  const exited = await kit.labelledCli(['run'], ['--name', fixtures.exited, 'busybox:1.29', 'sh', '-c', 'exit 3']);
  expect(exited.exitCode).toBe(3);
  await docker(kit, ['create'], ['--name', fixtures.created, 'busybox:1.29', 'echo', 'a long command with many words']);
  await docker(kit, ['run', '-d'], ['--name', fixtures.paused, 'busybox:1.29', 'sleep', '600']);
  await kit.cli(['pause', fixtures.paused]);
  await docker(
    kit,
    ['run', '-d'],
    ['--name', fixtures.healthy, '--health-cmd', 'true', '--health-interval', '1s', 'busybox:1.29', 'sleep', '600'],
  );
  // the health check's first run, so that ps shows (healthy) on both sides
  for (let tries = 0; tries < 50; tries++) {
    const status = await kit.cli(['inspect', '-f', '{{.State.Health.Status}}', fixtures.healthy]);
    if (status.stdout.trim() === 'healthy') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return fixtures;
}

/** Ticking times masked, and runs of blanks made one where a masked time changed a column's width. */
export function masked(text: string): string {
  return maskTimes(text).replace(/ {2,}/g, '  ');
}

/** Counts the command lines whose stdout, stderr and exit code were compared with docker's. */
export class ParityCounter {
  compared = 0;

  /** The line through docker and berth; their results must be equal after `normalize`. */
  async same(args: readonly string[], options: ParityOptions = {}): Promise<void> {
    const { docker: fromDocker, berth: fromBerth } = await parity(args, options);
    expect(fromBerth, args.join(' ')).toEqual(fromDocker);
    this.compared++;
  }

  /**
   * A line over objects made for it, made again (up to `tries` times) while the two sides differ: for what the
   * engine may lose between the two runs through no fault of either CLI (its last 256 events, under other files' load).
   */
  async sameOnFreshObjects(make: () => Promise<readonly string[]>, tries = 3): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const args = await make();
      const { docker: fromDocker, berth: fromBerth } = await parity(args);
      if (attempt < tries && JSON.stringify(fromBerth) !== JSON.stringify(fromDocker)) continue;
      expect(fromBerth, args.join(' ')).toEqual(fromDocker);
      this.compared++;
      return;
    }
  }
}

/** A parity file's fixtures (made before its tests) and its counter (reported after them). */
export interface ReadingSuite {
  readonly counter: ParityCounter;
  /** The fixtures, once made. */
  readonly fx: ReadingFixtures;
}

/** Registers the fixtures' making before the file's tests and the count of compared lines after them. */
export function readingSuite(kit: EngineKit, name: string): ReadingSuite {
  const counter = new ParityCounter();
  let made: ReadingFixtures | undefined;
  beforeAll(async () => {
    made = await makeReadingFixtures(kit);
  }, 60_000);
  afterAll(() => {
    console.info(`${name}: ${counter.compared} command lines compared with docker`);
  });
  return {
    counter,
    get fx() {
      if (made === undefined) throw new Error('the reading fixtures are made before the tests');
      return made;
    },
  };
}
