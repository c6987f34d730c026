import { useEngine } from '@berth/testkit';
import { afterAll, beforeAll, it } from 'vitest';
import { maskTimes } from '../testing/parity';
import { makeReadingFixtures, masked, ParityCounter, type ReadingFixtures } from '../testing/reading-fixtures';

const kit = await useEngine();
const counter = new ParityCounter();
let fx: ReadingFixtures;

beforeAll(async () => {
  fx = await makeReadingFixtures(kit);
}, 60_000);
afterAll(() => {
  console.info(`ps: ${counter.compared} command lines compared with docker`);
});

// CREATED and STATUS tick between the two runs; masking them may change a column's width, so runs of blanks are
// compared as one (masked) — the columns' order and contents still have to match.
const ticking = { normalize: masked };

kit.describe('berth ps, line for line as docker', () => {
  it('lists the default table, all states, sizes and full ids', async () => {
    await counter.same(['ps', '-f', fx.scope], ticking);
    await counter.same(['ps', '-a', '-f', fx.scope], ticking);
    await counter.same(['container', 'ls', '-a', '-f', fx.scope], ticking);
    await counter.same(['container', 'list', '--all', '--filter', fx.scope], ticking);
    await counter.same(['ps', '-a', '--no-trunc', '-f', fx.scope], ticking);
    await counter.same(['ps', '-a', '-s', '-f', fx.scope], ticking);
    await counter.same(['ps', '-l', '-f', fx.scope], ticking);
    await counter.same(['ps', '-n', '2', '-f', fx.scope], ticking);
  });

  it('prints ids only with -q, whatever the format', async () => {
    await counter.same(['ps', '-q', '-f', fx.scope]);
    await counter.same(['ps', '-aq', '-f', fx.scope]);
    await counter.same(['ps', '-aq', '--no-trunc', '-f', fx.scope]);
    await counter.same(['ps', '-aq', '--format', '{{.Names}}', '-f', fx.scope]);
  });

  it('formats with table, table TEMPLATE, json, raw and plain templates', async () => {
    await counter.same(['ps', '-a', '--format', 'table', '-f', fx.scope], ticking);
    await counter.same(
      ['ps', '-a', '--format', 'table {{.Names}}\\t{{.Status}}\\t{{.Ports}}', '-f', fx.scope],
      ticking,
    );
    await counter.same(['ps', '-a', '--format', 'json', '-f', fx.scope], { normalize: maskTimes });
    await counter.same(['ps', '-a', '--format', '{{.Names}} {{.Label "tier"}} {{.State}} {{.Labels}}', '-f', fx.scope]);
    await counter.same(['ps', '-a', '--format', '{{.ID}} {{.Mounts}} {{.LocalVolumes}} {{.Networks}}', '-f', fx.scope]);
    await counter.same(['ps', '-a', '--format', '{{.Names}}: {{.Size}}', '-f', fx.scope]);
    await counter.same([
      'ps',
      '-a',
      '--format',
      '{{.Command}} {{.Image}} {{.CreatedAt}}',
      '--no-trunc',
      '-f',
      fx.scope,
    ]);
    await counter.same(['ps', '-a', '--format', 'raw', '-f', fx.scope], ticking);
    await counter.same(['ps', '-a', '--format', '{{json .Names}}', '-f', fx.scope]);
  });

  it('filters as the engine does, each of docker ps filters', async () => {
    const lines = [
      ['-f', `name=${fx.running}`],
      ['-f', `name=${fx.running}`, '-f', `name=${fx.exited}`],
      ['-f', 'label=tier=web'],
      ['-f', 'label=tier'],
      ['-f', 'exited=3'],
      ['-f', 'exited=0'],
      ['-f', 'status=paused'],
      ['-f', 'status=created'],
      ['-f', 'status=exited'],
      ['-f', 'status=running'],
      ['-f', 'ancestor=busybox:1.29'],
      ['-f', `before=${fx.paused}`],
      ['-f', `since=${fx.exited}`],
      ['-f', `volume=${fx.volume}`],
      ['-f', 'volume=/data'],
      ['-f', 'network=bridge'],
      ['-f', 'publish=80/tcp'],
      ['-f', 'expose=9000'],
      ['-f', 'expose=9000-9001/tcp'],
      ['-f', 'health=healthy'],
      ['-f', 'health=none'],
      ['-f', 'isolation=default'],
      ['-f', 'is-task=false'],
      ['-f', 'is-task=true'],
    ];
    for (const filter of lines) {
      await counter.same(['ps', '-a', '--format', '{{.Names}}', '-f', fx.scope, ...filter]);
    }
    const id = (await kit.inspect(fx.running)).Id;
    await counter.same(['ps', '-a', '--format', '{{.Names}}', '-f', fx.scope, '-f', `id=${id.slice(0, 10)}`]);
  });

  it('refuses as docker does: bad filters, bad templates, arguments', async () => {
    await counter.same(['ps', '-f', 'foo']);
    await counter.same(['ps', '-f', 'foo=bar']);
    await counter.same(['ps', '-f', 'status=bogus']);
    await counter.same(['ps', '-f', 'health=maybe']);
    await counter.same(['ps', '-f', 'is-task=perhaps']);
    // not compared: `{{.Foo}}` (a field rows lack) is docker's "can't evaluate field Foo in type
    // *formatter.ContainerContext"; @berth/template runs over maps, where a missing key prints <no value>
    await counter.same(['ps', '--format', '{{.ID']);
    await counter.same(['ps', 'extra']);
    await counter.same(['ps', '-n', 'x']);
    await counter.same(['ps', '--help']);
    await counter.same(['ps', '-q', '--format', '{{.Names}}', '-f', 'name=nothing-has-this-name']);
  });
});
