// docker's list commands run --format over typed rows (Go structs), where a field the row lacks is an exec error, not
// `<no value>`: the message, its prefix (ps checks the template before listing, the others fail on the first row)
// and exit code 1 must be docker's. Fields and methods of the rows still print as before, and json is unchanged.
import { dockerCli, SCOPE_LABEL, useEngine, useSwarmEngine } from '@berth/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskTimes, parity } from '../testing/parity';

const kit = await useEngine();
const swarm = await useSwarmEngine();
const scope = `label=${SCOPE_LABEL}=${kit.labels[SCOPE_LABEL]}`;

/** docker joins a row's labels in Go's map order, which changes from run to run: compared as sorted lists. */
const sortedLabels = (text: string) =>
  text.replace(/"Labels":"([^"]*)"/g, (_, labels: string) => `"Labels":"${labels.split(',').sort().join(',')}"`);

async function same(args: readonly string[], env?: Record<string, string>): Promise<void> {
  const normalize = (text: string) => sortedLabels(maskTimes(text));
  const { docker, berth } = await parity(args, { normalize, ...(env ? { env } : {}) });
  expect(berth).toEqual(docker);
}

kit.describe('--format over docker typed rows', () => {
  beforeAll(async () => {
    // one labelled volume and network, so that the listings have a row for the template to fail on
    for (const subcommand of [
      ['volume', 'create'],
      ['network', 'create'],
    ]) {
      const made = await kit.labelledCli(subcommand, [kit.name('typed')]);
      if (made.exitCode !== 0) throw new Error(made.stderr);
    }
  });

  it('fails on a field the row lacks, as docker does', async () => {
    await same(['ps', '-a', '--format', '{{.Foo}}']);
    await same(['ps', '-a', '--format', 'table {{.ID}}\t{{.Foo}}', '-f', scope]);
    await same(['images', '--format', '{{.Foo}}', 'busybox:1.29']);
    await same(['image', 'ls', '--format', 'table {{.Repository}}\t{{.Foo}}', 'busybox:1.29']);
    await same(['volume', 'ls', '--format', '{{.Foo}}', '-f', scope]);
    await same(['network', 'ls', '--format', '{{.Foo}}', '-f', scope]);
  });

  it('fails on the struct itself where Go refuses one, and nothing when no row is listed', async () => {
    await same(['volume', 'ls', '--format', '{{index . "Name"}}', '-f', scope]);
    await same(['network', 'ls', '--format', '{{len .}}', '-f', scope]);
    await same(['volume', 'ls', '--format', '{{.Foo}}', '-f', 'name=no-such-volume-anywhere']);
  });

  it('still prints fields, methods and json as before', async () => {
    await same(['volume', 'ls', '--format', '{{.Name}} {{.Driver}} {{.Label "x"}}', '-f', scope]);
    await same(['volume', 'ls', '--format', 'json', '-f', scope]);
    await same(['volume', 'ls', '--format', '{{json .}}', '-f', scope]);
    await same(['network', 'ls', '--format', '{{.Name}} {{.Driver}} {{.Internal}}', '-f', scope]);
    await same(['images', '--format', '{{.Repository}}:{{.Tag}} {{.Size}}', 'busybox:1.29']);
  });
});

// the swarm's rows are structs of docker's service and task packages
describe.skipIf(!swarm.available)('--format over a swarm typed rows', () => {
  it('prints a service row, and fails on a field a task row lacks, as docker does', async () => {
    const made = await dockerCli(['service', 'create', '-d', '--name', 'typed', 'busybox:1.29', 'sleep', '600'], {
      env: swarm.env,
    });
    expect(made.exitCode).toBe(0);
    await same(['service', 'ls', '--format', '{{.Name}} {{.Mode}}'], swarm.env);
    await same(['service', 'ps', 'typed', '--format', '{{.Foo}}'], swarm.env);
    await dockerCli(['service', 'rm', 'typed'], { env: swarm.env });
  });
});
