import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '@berth/engine';
import { comparableInspect, comparableRequest, recordRequests, useEngine } from '@berth/testkit';
import { BerthError, type ContainerCreateRequest, type ContainerInspect } from '@berth/types';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONFORMANCE_LINES, STRICTER_THAN_DOCKER } from './conformance-lines';
import { parseRunArgs } from './parse-run-args';
import { splitShellWords } from './shell-words';
import { toRunArgs } from './to-run-args';

// design.md contract 4: for every line, berth accepts what docker accepts and makes the same container, and refuses
// what docker refuses. Each line is created once with `docker create` and once with parseRunArgs + @berth/engine.

const kit = await useEngine();
type DockerodeCreateOptions = Parameters<typeof kit.docker.createContainer>[0];
const engine = new Engine();
const dir = mkdtempSync(join(tmpdir(), 'berth-spec-'));
const places: Record<string, string> = {
  '@c1': kit.name('c1'),
  '@c2': kit.name('c2'),
  '@net': kit.name('net'),
  '@vol': kit.name('vol'),
  '@dir': dir,
  '@file': join(dir, 'example.conf'),
  '@env': join(dir, 'utf8.env'),
  '@utf16': join(dir, 'utf16-bom.env'),
  '@utf16raw': join(dir, 'utf16.env'),
};

let lines = 0;

function fill(line: string, side: 'cli' | 'api', number: number): string[] {
  return splitShellWords(line).map((word) =>
    word.replace(/@(c1|c2|net|vol|dir|file|env|utf16raw|utf16|name)/g, (placeholder) =>
      placeholder === '@name' ? `${places['@c1']}-${side}-${number}` : (places[placeholder] as string),
    ),
  );
}

function normalized(inspect: ContainerInspect) {
  const comparable = comparableInspect(inspect);
  const self = inspect.Name;
  comparable.HostConfig = {
    ...comparable.HostConfig,
    // the docker CLI sends Binds and Links in Go map order, which is random
    Binds: [...(comparable.HostConfig.Binds ?? [])].sort(),
    // a link names the container itself: `/web:/<this container>/alias`
    Links: (comparable.HostConfig.Links ?? []).map((link) => link.replace(`:${self}/`, ':<self>/')).sort(),
  };
  // and, in CLI 28, Env too
  comparable.Config = { ...comparable.Config, Env: [...(comparable.Config.Env ?? [])].sort() };
  return comparable;
}

beforeAll(async () => {
  writeFileSync(places['@file'] as string, 'server {}\n');
  writeFileSync(places['@env'] as string, '\uFEFF# berth\nA=1\r\n  B=two words \nC\n');
  // no indented line here: in UTF-16 its blanks follow a NUL, which docker does not trim, and it refuses the key
  const wideText = 'A=1\r\nB=two words\n';
  writeFileSync(places['@utf16'] as string, Buffer.from(`\uFEFF${wideText}`, 'utf16le'));
  writeFileSync(places['@utf16raw'] as string, Buffer.from(wideText, 'utf16le'));
  for (const name of [places['@c1'], places['@c2']] as string[]) {
    const result = await kit.labelledCli(['run', '-d', '--name', name], ['busybox:1.29', 'sleep', '600']);
    expect(result.exitCode, result.stderr).toBe(0);
  }
  const network = await kit.labelledCli(['network', 'create'], ['--subnet', '10.231.0.0/24', places['@net'] as string]);
  expect(network.exitCode, network.stderr).toBe(0);
  const volume = await kit.labelledCli(['volume', 'create'], [places['@vol'] as string]);
  expect(volume.exitCode, volume.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outcomes = {
  same: 0,
  sameRequest: 0,
  refusedByBoth: 0,
  refusedEarlier: 0,
  stricter: 0,
  roundTrips: 0,
  throughDockerode: 0,
};

kit.describe('docker create conformance', () => {
  it.concurrent.each(CONFORMANCE_LINES.map((line) => [line]))('%s', async (line) => {
    lines += 1;
    const number = lines;
    const recorder = await recordRequests(kit.docker);
    const cli = await kit
      .labelledCli(['create'], fill(line, 'cli', number), { env: { DOCKER_HOST: recorder.host } })
      .finally(() => recorder.close());
    let created: ContainerInspect | undefined;
    let sent: ContainerCreateRequest | undefined;
    let refusal: unknown;
    try {
      const run = parseRunArgs(fill(line, 'api', number), { command: 'create', apiVersion: await engine.apiVersion() });
      sent = { ...run.body, Labels: { ...run.body.Labels, ...kit.labels } };
      const { Id } = await engine.createContainer(sent, {
        ...(run.name ? { name: run.name } : {}),
        ...(run.platform ? { platform: run.platform } : {}),
      });
      created = await kit.inspect(Id);
    } catch (error) {
      refusal = error;
    }
    if (cli.exitCode !== 0) {
      expect(refusal, `docker refused (${cli.stderr.trim()}) but berth created it`).toBeInstanceOf(BerthError);
      outcomes.refusedByBoth += 1;
      return;
    }
    const fromCli = recorder.asIfDirect(await kit.inspect(cli.stdout.trim()));
    if (refusal !== undefined) {
      // contract 4: berth may refuse earlier than docker, never later: docker must then fail when it starts
      expect(refusal, String(refusal)).toBeInstanceOf(BerthError);
      if (STRICTER_THAN_DOCKER[line]) {
        outcomes.stricter += 1;
        return;
      }
      const start = await kit.cli(['start', fromCli.Id]);
      expect(start.exitCode, `docker created and started it, berth refused: ${String(refusal)}`).not.toBe(0);
      outcomes.refusedEarlier += 1;
      return;
    }
    expect(normalized(created as ContainerInspect)).toEqual(normalized(fromCli));
    outcomes.same += 1;
    // the request itself, field for field: what inspect cannot tell apart (defaults the engine fills in) shows here
    const cliRequest = recorder.jsonBody('POST', '/containers/create') as ContainerCreateRequest;
    expect(comparableRequest(sent as ContainerCreateRequest)).toEqual(comparableRequest(cliRequest));
    outcomes.sameRequest += 1;

    // toRunArgs round trip: the argv rebuilt from inspect makes the same container again
    const rebuilt = parseRunArgs(toRunArgs(created as ContainerInspect, { omitName: true }));
    const again = await engine.createContainer({ ...rebuilt.body, Labels: { ...rebuilt.body.Labels, ...kit.labels } });
    // the cidfile is the client's: it is not part of the container a second run should make
    const withoutCidfile = (inspect: ContainerInspect) => {
      const { ContainerIDFile, ...hostConfig } = normalized(inspect).HostConfig;
      return { ...normalized(inspect), HostConfig: hostConfig };
    };
    expect(withoutCidfile(await kit.inspect(again.Id))).toEqual(withoutCidfile(created as ContainerInspect));
    outcomes.roundTrips += 1;
  });

  // design card: `parseRunArgs(argv).body` goes straight into dockerode's `createContainer({ name, ...body })`
  const throughDockerode = CONFORMANCE_LINES.filter((_, index) => index % 8 === 0);
  it.concurrent.each(throughDockerode.map((line) => [line]))('through dockerode: %s', async (line) => {
    lines += 1;
    const number = lines;
    const cli = await kit.labelledCli(['create'], fill(line, 'cli', number));
    // lines docker refuses, and those berth refuses earlier, are the table's business above
    if (cli.exitCode !== 0) return;
    const fromCli = await kit.inspect(cli.stdout.trim());
    let run: ReturnType<typeof parseRunArgs>;
    try {
      run = parseRunArgs(fill(line, 'api', number), { command: 'create', apiVersion: await engine.apiVersion() });
    } catch (error) {
      expect(error).toBeInstanceOf(BerthError);
      return;
    }
    const { name, platform, body } = run;
    // the cast: @types/dockerode types `Cmd` and `Entrypoint` without the `null` the Engine API allows
    const container = await kit.docker.createContainer({
      ...(name ? { name } : {}),
      ...(platform ? { platform } : {}),
      ...body,
      Labels: { ...body.Labels, ...kit.labels },
    } as DockerodeCreateOptions);
    expect(normalized(await kit.inspect(container.id))).toEqual(normalized(fromCli));
    outcomes.throughDockerode += 1;
  });

  it('covers at least 150 lines', () => {
    console.log(
      `conformance: ${outcomes.same} created identically (${outcomes.sameRequest} from the same request body), ` +
        `${outcomes.refusedByBoth} refused by both, ` +
        `${outcomes.refusedEarlier} refused by berth before docker fails at start, ` +
        `${outcomes.stricter} refused by berth on purpose (STRICTER_THAN_DOCKER); ` +
        `toRunArgs round-tripped ${outcomes.roundTrips}; ${outcomes.throughDockerode} created identically through dockerode`,
    );
    expect(CONFORMANCE_LINES.length).toBeGreaterThanOrEqual(150);
  });
});
