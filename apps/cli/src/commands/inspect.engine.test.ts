import { useEngine } from '@berth/testkit';
import { it } from 'vitest';
import { readingSuite } from '../testing/reading-fixtures';

const kit = await useEngine();
const suite = readingSuite(kit, 'inspect');
const { counter } = suite;

kit.describe('berth inspect and container inspect, line for line as docker', () => {
  it('prints the documents as docker does, in any state and of any kind', async () => {
    for (const name of [suite.fx.running, suite.fx.exited, suite.fx.created, suite.fx.paused]) {
      await counter.same(['inspect', name]);
    }
    // the healthy container's document ticks (its health log grows every second): its stable parts only
    await counter.same(['inspect', '-f', '{{json .Config}} {{.State.Health.Status}}', suite.fx.healthy]);
    await counter.same(['container', 'inspect', suite.fx.running, suite.fx.exited]);
    await counter.same(['inspect', 'busybox:1.29']);
    await counter.same(['inspect', suite.fx.network]);
    await counter.same(['inspect', suite.fx.volume]);
    await counter.same(['inspect', suite.fx.running, 'busybox:1.29', suite.fx.network, suite.fx.volume]);
    await counter.same(['inspect', '--format', 'json', suite.fx.running, suite.fx.network]);
  });

  it('runs templates over the documents', async () => {
    await counter.same([
      'inspect',
      '-f',
      '{{.State.Status}}',
      suite.fx.running,
      suite.fx.exited,
      suite.fx.created,
      suite.fx.paused,
    ]);
    await counter.same(['inspect', '-f', '{{.State.ExitCode}} {{.State.Pid}} {{.RestartCount}}', suite.fx.exited]);
    await counter.same(['inspect', '-f', '{{json .Config.Labels}}', suite.fx.running]);
    await counter.same(['inspect', '-f', '{{range $p, $b := .NetworkSettings.Ports}}{{$p}} {{end}}', suite.fx.running]);
    await counter.same(['inspect', '-f', '{{.Name}} {{.Driver}}', 'bridge', suite.fx.volume]);
    await counter.same(['inspect', '-f', '{{.Id}}', 'busybox:1.29']);
    await counter.same(['inspect', '-f', '{{.State.Health.Status}}', suite.fx.healthy]);
    await counter.same(['inspect', '-f', '{{.HostConfig.NanoCpus}} {{.HostConfig.ShmSize}}', suite.fx.running]);
    await counter.same(['container', 'inspect', '--format', '{{.Config.Image}}', suite.fx.running]);
    await counter.same(['inspect', '-s', '-f', '{{.SizeRw}}', suite.fx.running]);
    await counter.same(['inspect', '-s', '-f', '{{.Id}}', 'busybox:1.29']);
  });

  it('narrows by --type, and names missing objects as docker does', async () => {
    await counter.same(['inspect', '--type', 'container', '-f', '{{.Name}}', suite.fx.running]);
    await counter.same(['inspect', '--type', 'image', '-f', '{{.Id}}', 'busybox:1.29']);
    await counter.same(['inspect', '--type', 'volume', '-f', '{{.Name}}', suite.fx.volume]);
    await counter.same(['inspect', '--type', 'network', '-f', '{{.Name}}', 'bridge']);
    for (const type of ['container', 'image', 'volume', 'network', 'service', 'plugin']) {
      await counter.same(['inspect', '--type', type, 'no-such-object-h3']);
    }
    await counter.same(['inspect', '--type', 'container', suite.fx.volume]);
    await counter.same(['inspect', 'no-such-object-h3']);
    await counter.same(['inspect', '-f', '{{.Name}}', suite.fx.running, 'no-such-object-h3', suite.fx.exited]);
    await counter.same(['inspect', suite.fx.running, 'no-such-object-h3', 'nor-this-h3']);
    await counter.same(['container', 'inspect', 'no-such-object-h3', suite.fx.exited]);
    await counter.same(['container', 'inspect', '-f', '{{.Name}}', 'bridge']);
  });

  it('refuses as docker does', async () => {
    await counter.same(['inspect']);
    await counter.same(['inspect', '--type=', 'x']);
    await counter.same(['inspect', '--type', 'foo', 'x']);
    await counter.same(['inspect', '-f', '{{.Id', suite.fx.running]);
    await counter.same(['inspect', '-f', '{{nofunc .}}', suite.fx.running]);
    await counter.same(['inspect', '--help']);
    await counter.same(['container', 'inspect', '--help']);
    // not compared: a field the document lacks (`{{.Foo}}`) is docker's "map has no entry for key" (missingkey=error
    // on its raw fallback); @berth/template has no missingkey option yet, so berth prints <no value>
  });
});
