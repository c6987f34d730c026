import { SCOPE_LABEL, useEngine } from '@berth/testkit';
import { afterAll, it } from 'vitest';
import { ParityCounter } from '../testing/reading-fixtures';

const kit = await useEngine();
const counter = new ParityCounter();
afterAll(() => {
  console.info(`events: ${counter.compared} command lines compared with docker`);
});

const scope = `label=${SCOPE_LABEL}=${kit.labels[SCOPE_LABEL]}`;

/**
 * A closed window of the past holding a fresh container's life (create, start, pause, unpause, die, destroy) and a
 * volume's: both CLIs then read the same events and both streams end. The engine keeps only its last 256 events for
 * `--since`, and other test files make many, so each line gets a window of its own, read at once.
 */
async function freshWindow(): Promise<string[]> {
  const since = Math.floor(Date.now() / 1000);
  const name = kit.name('events');
  const volume = kit.name('events-data');
  await kit.labelledCli(['volume', 'create'], [volume]);
  await kit.labelledCli(
    ['run', '-d'],
    ['--name', name, '--label', 'tier=web', '-v', `${volume}:/data`, 'busybox:1.29', 'sleep', '30'],
  );
  await kit.cli(['pause', name]);
  await kit.cli(['unpause', name]);
  await kit.cli(['rm', '-f', name]);
  await kit.cli(['volume', 'rm', volume]);
  const until = Math.floor(Date.now() / 1000) + 1;
  await new Promise((resolve) => setTimeout(resolve, until * 1000 - Date.now() + 50));
  return ['--since', String(since), '--until', String(until)];
}

kit.describe('berth events, line for line as docker', () => {
  it("prints docker's event line, JSON and templates", async () => {
    await counter.sameOnFreshObjects(async () => ['events', ...(await freshWindow()), '--filter', scope]);
    await counter.sameOnFreshObjects(async () => ['system', 'events', ...(await freshWindow()), '--filter', scope]);
    const formats = [
      'json',
      '{{.Type}}|{{.Action}}|{{.Time}}|{{.TimeNano}}|{{.Scope}}|{{.Actor.Attributes.name}}|{{.Status}}|{{.From}}',
      '{{json .Actor}}',
    ];
    for (const format of formats) {
      await counter.sameOnFreshObjects(async () => [
        'events',
        ...(await freshWindow()),
        '-f',
        scope,
        '--format',
        format,
      ]);
    }
  }, 120_000);

  it('filters events as the engine does', async () => {
    const filters = [
      ['type=container'],
      ['event=start', 'event=die'],
      ['image=busybox:1.29'],
      ['label=tier=web'],
      ['type=container', 'event=pause'],
      ['type=container', 'event=unpause'],
    ];
    for (const filter of filters) {
      const lines = filter.flatMap((value) => ['--filter', value]);
      await counter.sameOnFreshObjects(async () => ['events', ...(await freshWindow()), '--filter', scope, ...lines]);
    }
    // volume and network events carry no labels of ours: their own filters only
    await counter.sameOnFreshObjects(async () => [
      'events',
      ...(await freshWindow()),
      '-f',
      'type=volume',
      '-f',
      `volume=${kit.name('none')}`,
    ]);
    await counter.sameOnFreshObjects(async () => [
      'events',
      ...(await freshWindow()),
      '-f',
      'type=network',
      '-f',
      'network=none',
    ]);
  }, 120_000);

  it('reads docker time syntax and refuses what docker refuses', async () => {
    // an RFC 3339 --since, as docker's time syntax reads it
    await counter.sameOnFreshObjects(async () => {
      const [, since = '', , until = ''] = await freshWindow();
      const start = new Date(Number(since) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
      return ['events', '--since', start, '--until', until, '--filter', scope, '--format', '{{.Action}}'];
    });
    await counter.same(['events', '--since', '10m', '--until', '0s', '--filter', 'container=no-such-h3']);
    await counter.same(['events', '--since', 'foo']);
    await counter.same(['events', '--until', 'bar']);
    await counter.same(['events', '--format', '{{.ID']);
    await counter.same(['events', '-f', 'nonsense']);
    await counter.same(['events', 'extra']);
    await counter.same(['events', '--help']);
  }, 60_000);
});
