import { useEngine } from '@berth/testkit';
import { it } from 'vitest';
import { maskTimes } from '../testing/parity';
import { masked, readingSuite } from '../testing/reading-fixtures';

const kit = await useEngine();
const suite = readingSuite(kit, 'ps');
const { counter } = suite;

// CREATED and STATUS tick between the two runs; masking them may change a column's width, so runs of blanks are
// compared as one (masked) — the columns' order and contents still have to match.
const ticking = { normalize: masked };

kit.describe('berth ps, line for line as docker', () => {
  it('lists the default table, all states, sizes and full ids', async () => {
    await counter.same(['ps', '-f', suite.fx.scope], ticking);
    await counter.same(['ps', '-a', '-f', suite.fx.scope], ticking);
    await counter.same(['container', 'ls', '-a', '-f', suite.fx.scope], ticking);
    await counter.same(['container', 'list', '--all', '--filter', suite.fx.scope], ticking);
    await counter.same(['ps', '-a', '--no-trunc', '-f', suite.fx.scope], ticking);
    await counter.same(['ps', '-a', '-s', '-f', suite.fx.scope], ticking);
    await counter.same(['ps', '-l', '-f', suite.fx.scope], ticking);
    await counter.same(['ps', '-n', '2', '-f', suite.fx.scope], ticking);
  });

  it('prints ids only with -q, whatever the format', async () => {
    await counter.same(['ps', '-q', '-f', suite.fx.scope]);
    await counter.same(['ps', '-aq', '-f', suite.fx.scope]);
    await counter.same(['ps', '-aq', '--no-trunc', '-f', suite.fx.scope]);
    await counter.same(['ps', '-aq', '--format', '{{.Names}}', '-f', suite.fx.scope]);
  });

  it('formats with table, table TEMPLATE, json, raw and plain templates', async () => {
    await counter.same(['ps', '-a', '--format', 'table', '-f', suite.fx.scope], ticking);
    await counter.same(
      ['ps', '-a', '--format', 'table {{.Names}}\\t{{.Status}}\\t{{.Ports}}', '-f', suite.fx.scope],
      ticking,
    );
    await counter.same(['ps', '-a', '--format', 'json', '-f', suite.fx.scope], { normalize: maskTimes });
    await counter.same([
      'ps',
      '-a',
      '--format',
      '{{.Names}} {{.Label "tier"}} {{.State}} {{.Labels}}',
      '-f',
      suite.fx.scope,
    ]);
    await counter.same([
      'ps',
      '-a',
      '--format',
      '{{.ID}} {{.Mounts}} {{.LocalVolumes}} {{.Networks}}',
      '-f',
      suite.fx.scope,
    ]);
    await counter.same(['ps', '-a', '--format', '{{.Names}}: {{.Size}}', '-f', suite.fx.scope]);
    await counter.same([
      'ps',
      '-a',
      '--format',
      '{{.Command}} {{.Image}} {{.CreatedAt}}',
      '--no-trunc',
      '-f',
      suite.fx.scope,
    ]);
    await counter.same(['ps', '-a', '--format', 'raw', '-f', suite.fx.scope], ticking);
    await counter.same(['ps', '-a', '--format', '{{json .Names}}', '-f', suite.fx.scope]);
  });

  it('filters as the engine does, each of docker ps filters', async () => {
    const lines = [
      ['-f', `name=${suite.fx.running}`],
      ['-f', `name=${suite.fx.running}`, '-f', `name=${suite.fx.exited}`],
      ['-f', 'label=tier=web'],
      ['-f', 'label=tier'],
      ['-f', 'exited=3'],
      ['-f', 'exited=0'],
      ['-f', 'status=paused'],
      ['-f', 'status=created'],
      ['-f', 'status=exited'],
      ['-f', 'status=running'],
      ['-f', 'ancestor=busybox:1.29'],
      ['-f', `before=${suite.fx.paused}`],
      ['-f', `since=${suite.fx.exited}`],
      ['-f', `volume=${suite.fx.volume}`],
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
      await counter.same(['ps', '-a', '--format', '{{.Names}}', '-f', suite.fx.scope, ...filter]);
    }
    const id = (await kit.inspect(suite.fx.running)).Id;
    await counter.same(['ps', '-a', '--format', '{{.Names}}', '-f', suite.fx.scope, '-f', `id=${id.slice(0, 10)}`]);
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
