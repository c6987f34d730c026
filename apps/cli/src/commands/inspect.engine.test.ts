import { useEngine } from '@berth/testkit';
import { afterAll, beforeAll, it } from 'vitest';
import { makeReadingFixtures, ParityCounter, type ReadingFixtures } from '../testing/reading-fixtures';

const kit = await useEngine();
const counter = new ParityCounter();
let fx: ReadingFixtures;

beforeAll(async () => {
  fx = await makeReadingFixtures(kit);
}, 60_000);
afterAll(() => {
  console.info(`inspect: ${counter.compared} command lines compared with docker`);
});

kit.describe('berth inspect and container inspect, line for line as docker', () => {
  it('prints the documents as docker does, in any state and of any kind', async () => {
    for (const name of [fx.running, fx.exited, fx.created, fx.paused, fx.healthy]) {
      await counter.same(['inspect', name]);
    }
    await counter.same(['container', 'inspect', fx.running, fx.exited]);
    await counter.same(['inspect', 'busybox:1.29']);
    await counter.same(['inspect', 'bridge']);
    await counter.same(['inspect', fx.volume]);
    await counter.same(['inspect', fx.running, 'busybox:1.29', 'bridge', fx.volume]);
    await counter.same(['inspect', '--format', 'json', fx.running, 'bridge']);
  });

  it('runs templates over the documents', async () => {
    await counter.same(['inspect', '-f', '{{.State.Status}}', fx.running, fx.exited, fx.created, fx.paused]);
    await counter.same(['inspect', '-f', '{{.State.ExitCode}} {{.State.Pid}} {{.RestartCount}}', fx.exited]);
    await counter.same(['inspect', '-f', '{{json .Config.Labels}}', fx.running]);
    await counter.same(['inspect', '-f', '{{range $p, $b := .NetworkSettings.Ports}}{{$p}} {{end}}', fx.running]);
    await counter.same(['inspect', '-f', '{{.Name}} {{.Driver}}', 'bridge', fx.volume]);
    await counter.same(['inspect', '-f', '{{.Id}}', 'busybox:1.29']);
    await counter.same(['inspect', '-f', '{{.State.Health.Status}}', fx.healthy]);
    await counter.same(['inspect', '-f', '{{.HostConfig.NanoCpus}} {{.HostConfig.ShmSize}}', fx.running]);
    await counter.same(['container', 'inspect', '--format', '{{.Config.Image}}', fx.running]);
    await counter.same(['inspect', '-s', '-f', '{{.SizeRw}}', fx.running]);
    await counter.same(['inspect', '-s', '-f', '{{.Id}}', 'busybox:1.29']);
  });

  it('narrows by --type, and names missing objects as docker does', async () => {
    await counter.same(['inspect', '--type', 'container', '-f', '{{.Name}}', fx.running]);
    await counter.same(['inspect', '--type', 'image', '-f', '{{.Id}}', 'busybox:1.29']);
    await counter.same(['inspect', '--type', 'volume', '-f', '{{.Name}}', fx.volume]);
    await counter.same(['inspect', '--type', 'network', '-f', '{{.Name}}', 'bridge']);
    for (const type of ['container', 'image', 'volume', 'network', 'service', 'plugin']) {
      await counter.same(['inspect', '--type', type, 'no-such-object-h3']);
    }
    await counter.same(['inspect', '--type', 'container', fx.volume]);
    await counter.same(['inspect', 'no-such-object-h3']);
    await counter.same(['inspect', '-f', '{{.Name}}', fx.running, 'no-such-object-h3', fx.exited]);
    await counter.same(['inspect', fx.running, 'no-such-object-h3', 'nor-this-h3']);
    await counter.same(['container', 'inspect', 'no-such-object-h3', fx.exited]);
    await counter.same(['container', 'inspect', '-f', '{{.Name}}', 'bridge']);
  });

  it('refuses as docker does', async () => {
    await counter.same(['inspect']);
    await counter.same(['inspect', '--type=', 'x']);
    await counter.same(['inspect', '--type', 'foo', 'x']);
    await counter.same(['inspect', '-f', '{{.Id', fx.running]);
    await counter.same(['inspect', '-f', '{{nofunc .}}', fx.running]);
    await counter.same(['inspect', '--help']);
    await counter.same(['container', 'inspect', '--help']);
    // not compared: a field the document lacks (`{{.Foo}}`) is docker's "map has no entry for key" (missingkey=error
    // on its raw fallback); @berth/template has no missingkey option yet, so berth prints <no value>
  });
});
