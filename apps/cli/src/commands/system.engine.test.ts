// `berth system df` and `berth system prune` against docker's, on this file's labelled objects: prunes only ever
// run with a label filter, so that nothing of other tests (or of the machine) is touched.
import { dockerCli, useEngine } from '@berth/testkit';
import { afterAll, expect, it } from 'vitest';
import { berthCli } from '../testing/berth-binary';
import { labelWords, PairedParity, succeeds } from '../testing/paired-parity';
import { asBerth, maskTimes } from '../testing/parity';

const kit = await useEngine();
const lines = new PairedParity();
const labels = labelWords(kit);

afterAll(() => {
  console.info(`system: ${lines.compared} command lines compared with docker`);
});

/**
 * The engine is shared with other tests, whose objects come and go: a line is compared again, up to ten times,
 * until both CLIs saw the same state.
 */
async function sameState(args: readonly string[], normalize: (text: string) => string = (text) => text) {
  let last: [string, string] = ['', ''];
  for (let attempt = 0; attempt < 10; attempt++) {
    const [docker, berth] = await Promise.all([dockerCli(args), berthCli(args)]);
    last = [
      `${docker.exitCode}\n${normalize(asBerth(docker.stdout + docker.stderr))}`,
      `${berth.exitCode}\n${normalize(berth.stdout + berth.stderr)}`,
    ];
    if (last[0] === last[1]) break;
  }
  expect(last[1], args.join(' ')).toBe(last[0]);
  lines.compared++;
}

/** Of `-v`'s output, the titles, the headers and the rows naming `own`, times masked and runs of blanks made one. */
function ownRows(own: string): (text: string) => string {
  return (text) =>
    maskTimes(text)
      .replace(/ {2,}/g, '  ')
      .split('\n')
      .filter((line) => line.includes(own) || /usage|^[A-Z][A-Z ]+ {2}[A-Z]/.test(line))
      .join('\n');
}

kit.describe('berth system df', () => {
  it('prints the summary, its formats and -v as docker does', async () => {
    const volume = kit.name('df');
    await succeeds(['volume', 'create', ...labels, volume]);
    await succeeds([
      'run',
      '--rm',
      ...labels,
      '-v',
      `${volume}:/data`,
      'busybox:1.29',
      'sh',
      '-c',
      'echo 12345 > /data/x',
    ]);
    await sameState(['system', 'df']);
    await sameState(['system', 'df', '--format', 'json']);
    await sameState(['system', 'df', '--format', 'raw']);
    await sameState(['system', 'df', '--format', 'table {{.Type}}\\t{{.Size}}']);
    await sameState(['system', 'df', '--format', '{{.Type}}: {{.TotalCount}} {{.Active}} {{.Reclaimable}}']);
    // other tests' objects come and go too fast for the whole -v listing: its layout and this file's rows
    await sameState(['system', 'df', '-v'], ownRows(volume));
    await sameState(
      ['system', 'df', '-v', '--format', '{{range .Volumes}}{{.Name}} {{.Links}} {{.Size}}\n{{end}}'],
      ownRows(volume),
    );
    await lines.same(['system', 'df', '--format', '{{.Nope'], {});
  });
});

kit.describe('berth system prune', () => {
  it('asks with the filters listed, and prunes containers, networks and volumes by label', async () => {
    const make = async (set: string) => {
      const container = kit.name(`stopped-${set}`);
      const id = (
        await succeeds(['create', '--name', container, ...labels, '--label', `set=${set}`, 'busybox:1.29'])
      ).trim();
      const network = kit.name(`unused-${set}`);
      await succeeds(['network', 'create', ...labels, '--label', `set=${set}`, network]);
      const volume = kit.name(`unused-${set}`);
      await succeeds(['volume', 'create', ...labels, '--label', `set=${set}`, volume]);
      return [container, id, network, volume];
    };
    const ofDocker = await make('d');
    const ofBerth = await make('b');
    const alike = (text: string) =>
      [...ofDocker, ...ofBerth]
        .reduce((result, name) => result.replaceAll(name, '<name>'), text)
        .replace(/label=set=[db]\b/g, 'label=set=<side>');
    const prune = (set: string, extra: readonly string[]) => [
      'system',
      'prune',
      '--filter',
      `label=set=${set}`,
      '--filter',
      `label=berth.test`,
      ...extra,
    ];
    const apart = { normalize: alike, sequential: true };
    await lines.paired(prune('d', ['-a', '--volumes']), prune('b', ['--all', '--volumes']), { ...apart, input: 'n\n' });
    await lines.paired(prune('d', []), prune('b', []), { ...apart, input: 'N\n' });
    expect(await succeeds(['volume', 'ls', '-q', '-f', 'label=set=b'])).toBe(`${ofBerth[3]}\n`);
    const pruned = await lines.paired(prune('d', ['-f', '--volumes']), prune('b', ['--force', '--volumes']), apart);
    expect(alike(pruned.stdout)).toMatch(
      /^Deleted Containers:\n<name>\n\nDeleted Networks:\n<name>\n\nDeleted Volumes:\n<name>\n\nTotal reclaimed space: \d+B\n$/,
    );
    await lines.same(['system', 'prune', '-f', '--filter', 'label=nothing-has-this']);
    await lines.same([
      'system',
      'prune',
      '-f',
      '--volumes',
      '--filter',
      'until=1h',
      '--filter',
      'label=nothing-has-this',
    ]);
  });

  it('prints the requests of a dry run and removes nothing', async () => {
    const volume = kit.name('kept');
    await succeeds(['volume', 'create', ...labels, '--label', 'set=dry', volume]);
    const planned = await succeeds(['system', 'prune', '--dry-run', '-f', '--volumes', '--filter', 'label=set=dry']);
    expect(planned.match(/"path": "[^"]+"/g)).toEqual([
      '"path": "/containers/prune"',
      '"path": "/networks/prune"',
      '"path": "/volumes/prune"',
      '"path": "/images/prune"',
      '"path": "/build/prune"',
    ]);
    expect(planned.endsWith('Total reclaimed space: 0B\n')).toBe(true);
    expect(await succeeds(['volume', 'ls', '-q', '-f', 'label=set=dry'])).toBe(`${volume}\n`);
  });
});

kit.describe('help pages and refusals of the volume, network and system commands', () => {
  // berth's own --dry-run is all that differs: its entry goes, and the flag table is compared with wrapped
  // descriptions joined and runs of blanks made one (the entry widens the table's columns)
  const withoutDryRun = (text: string) =>
    text
      .replace(/\n {6}--dry-run .*(\n {20,}\S.*)*/, '')
      .replace(/\n {20,}/g, ' ')
      .replace(/ {2,}/g, '  ');

  it.each([
    ['volume'],
    ['network'],
    ['volume', 'create'],
    ['volume', 'ls'],
    ['volume', 'inspect'],
    ['volume', 'prune'],
    ['network', 'create'],
    ['network', 'connect'],
    ['network', 'disconnect'],
    ['network', 'inspect'],
    ['network', 'ls'],
    ['network', 'rm'],
    ['network', 'prune'],
    ['system', 'df'],
    ['system', 'prune'],
  ])('%s %s --help', async (...words) => {
    await lines.same([...words, '--help'], { normalize: withoutDryRun });
  });

  it('refuses what docker refuses, with its words and exit codes', async () => {
    for (const refused of [
      ['volume', 'prune', '-a'],
      ['volume', 'prune', 'extra'],
      ['volume', 'rm'],
      ['network', 'create'],
      ['network', 'connect', 'one'],
      ['network', 'ls', '--filter', 'driver'],
      ['network', 'ls', '--no-such-flag'],
      ['system', 'df', 'extra'],
      ['system', 'prune', '--filter', 'label'],
    ]) {
      await lines.same(refused);
    }
  });
});
