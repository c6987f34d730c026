import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitShellWords } from '@berth/run-args';
import { comparableInspect, useEngine } from '@berth/testkit';
import type { ContainerInspect } from '@berth/types';
import { afterAll, beforeAll, expect, it } from 'vitest';
// the table itself is the package's test data, not part of its API
import { CONFORMANCE_LINES, STRICTER_THAN_DOCKER } from '../../../../packages/run-args/src/conformance-lines';
import { berthCli } from '../testing/berth-binary';

// `berth container runlike` round trip on @berth/run-args' conformance lines: docker creates the container, runlike
// prints its `berth run` line, berth creates it again from that line, and both inspect alike. The containers carry
// the kit's labels through the printed line (`--label`), so the kit removes both.

const kit = await useEngine();
const dir = mkdtempSync(join(tmpdir(), 'berth-runlike-'));
const places: Record<string, string> = {
  '@c1': kit.name('c1'),
  '@c2': kit.name('c2'),
  '@vol': kit.name('vol'),
  '@dir': dir,
  '@file': join(dir, 'example.conf'),
};
// lines on a user network or reading env files are left to the package's own round trip (its subnet is fixed)
const LINES = CONFORMANCE_LINES.filter((line) => !/@(net|env|utf16)/.test(line) && !STRICTER_THAN_DOCKER[line]);

/** Lines whose docker-made container never starts, and which toRunArgs does not carry over whole. */
const NOT_CARRIED: Readonly<Record<string, string>> = {
  '--ip 10.231.0.50 busybox:1.29':
    'toRunArgs leaves out an --ip on the default bridge (IPAMConfig), which the engine refuses at start anyway',
};

let numbered = 0;
function fill(line: string): string[] {
  numbered += 1;
  const name = `${places['@c1']}-${numbered}`;
  return splitShellWords(line).map((word) =>
    word.replace(/@(c1|c2|vol|dir|file|name)/g, (placeholder) =>
      placeholder === '@name' ? name : (places[placeholder] as string),
    ),
  );
}

function normalized(inspect: ContainerInspect) {
  const comparable = comparableInspect(inspect);
  const { ContainerIDFile, ...hostConfig } = comparable.HostConfig;
  return {
    ...comparable,
    Config: { ...comparable.Config, Env: [...(comparable.Config.Env ?? [])].sort() },
    HostConfig: {
      ...hostConfig,
      // the docker CLI sends Binds and Links in Go map order; a link names the container itself
      Binds: [...(hostConfig.Binds ?? [])].sort(),
      Links: (hostConfig.Links ?? []).map((link) => link.replace(`:${inspect.Name}/`, ':<self>/')).sort(),
    },
  };
}

beforeAll(async () => {
  writeFileSync(places['@file'] as string, 'server {}\n');
  for (const name of [places['@c1'], places['@c2']] as string[]) {
    const result = await kit.labelledCli(['run', '-d', '--name', name], ['busybox:1.29', 'sleep', '600']);
    expect(result.exitCode, result.stderr).toBe(0);
  }
  const volume = await kit.labelledCli(['volume', 'create'], [places['@vol'] as string]);
  expect(volume.exitCode, volume.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let roundTrips = 0;
let refusedEarlier = 0;

kit.describe('berth container runlike', () => {
  it.concurrent.each(LINES.map((line) => [line]))('%s', async (line) => {
    const created = await kit.labelledCli(['create'], fill(line));
    if (created.exitCode !== 0) return; // docker refuses it: nothing to print a line for
    const id = created.stdout.trim();
    const printed = await berthCli(['container', 'runlike', '--no-name', id]);
    expect(printed.stderr).toBe('');
    expect(printed.exitCode).toBe(0);
    const [program, verb, ...words] = splitShellWords(printed.stdout.trim());
    expect([program, verb]).toEqual(['berth', 'run']);
    // the cidfile is the first client's, written when it created the container
    for (const [index, word] of words.entries())
      if (word === '--cidfile') rmSync(words[index + 1] ?? '', { force: true });
    const again = await berthCli(['create', ...words.filter((word) => word !== '--detach')]);
    if (again.exitCode === 125) {
      // berth refuses earlier than docker, never later (design.md contract 4): docker's container must fail at start
      const started = await kit.cli(['start', id]);
      expect(started.exitCode, `docker's container started, berth refused: ${again.stderr}`).not.toBe(0);
      refusedEarlier += 1;
      return;
    }
    expect(again.stderr).toBe('');
    if (NOT_CARRIED[line]) return;
    expect(normalized(await kit.inspect(again.stdout.trim()))).toEqual(normalized(await kit.inspect(id)));
    roundTrips += 1;
  });

  it('prints one line per container, names included, and the daemon refusal for a missing one', async () => {
    const name = kit.name('named');
    const created = await kit.labelledCli(
      ['create', '--name', name, '-e', "QUOTE=it's"],
      ['busybox:1.29', 'echo', 'a b'],
    );
    expect(created.exitCode, created.stderr).toBe(0);
    const printed = await berthCli(['container', 'runlike', name, `${name}-missing`]);
    expect(printed.stdout).toMatch(
      new RegExp(`^berth run --name ${name} .*--env 'QUOTE=it'\\\\''s'.* busybox:1\\.29 echo 'a b'\\n$`),
    );
    expect(printed.stderr).toBe(`Error response from daemon: No such container: ${name}-missing\n`);
    expect(printed.exitCode).toBe(1);
  });

  it('round-trips most of the table', () => {
    console.log(
      `runlike round-tripped ${roundTrips} of ${LINES.length} conformance lines; berth refused ${refusedEarlier} that docker created but cannot start`,
    );
    expect(roundTrips).toBeGreaterThanOrEqual(100);
  });
});
