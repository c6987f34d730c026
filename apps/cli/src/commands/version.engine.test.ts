import { useEngine } from '@berth/testkit';
import { afterAll, expect, it } from 'vitest';
import { berthCli } from '../testing/berth-binary';
import { ParityCounter } from '../testing/reading-fixtures';

const kit = await useEngine();
const counter = new ParityCounter();
afterAll(() => {
  console.info(`version, info: ${counter.compared} command lines compared with docker`);
});

// The Client part is berth's own (its version, Node.js); the Server part and every server field must be docker's.
const serverPart = (text: string) => text.slice(text.indexOf('Server:'));
// the engine's counts move while other test files run: compared as digits masked
const counts = (text: string) =>
  text.replace(/^( Containers| {2}Running| {2}Paused| {2}Stopped| Images): \d+$/gm, '$1: <n>');
const berthVersionLine = (text: string) => text.replace(/^ Version: {4}.*$/m, ' Version:    <client>');
// docker lists the runtimes in Go's random map order: compared as a set
const runtimes = (text: string) =>
  text.replace(
    /^( Runtimes:) (.*)$/m,
    (_line, label: string, names: string) => `${label} ${names.split(' ').sort().join(' ')}`,
  );
const infoLayout = (text: string) => runtimes(counts(berthVersionLine(text)));

kit.describe('berth version and info, line for line as docker', () => {
  it("prints the engine's components as docker does, and berth's client facts", async () => {
    await counter.same(['version'], { normalize: serverPart });
    const own = await berthCli(['version']);
    expect(own.stdout).toMatch(/^Client:\n Version: {11}\d+\.\d+\.\d+\n API version: {7}1\.\d+/);
    expect(own.stdout).toContain(` Node version:      ${process.version}\n`);
    for (const format of [
      '{{.Server.Version}}',
      '{{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Server.Os}}/{{.Server.Arch}}',
      '{{json .Server}}',
      '{{json .Server.Components}}',
      '{{range .Server.Components}}{{.Name}} {{end}}',
      '{{.Server.Platform.Name}}|',
      '{{.Client.APIVersion}} {{.Client.Context}} {{.Client.Os}}',
      '{{.Server.KernelVersion}}',
    ]) {
      await counter.same(['version', '--format', format]);
    }
    await counter.same(['version', '-f', '{{.Foo']);
    await counter.same(['version', 'extra']);
    await counter.same(['version', '--help']);
  });

  it("prints the engine's facts in docker's layout", async () => {
    await counter.same(['info'], { normalize: infoLayout });
    await counter.same(['system', 'info'], { normalize: infoLayout });
    for (const format of [
      '{{.Name}} {{.OSType}} {{.NCPU}} {{.MemTotal}}',
      '{{json .Plugins}}',
      '{{.ClientInfo.Context}} {{.ClientInfo.Debug}}',
      '{{range .SecurityOptions}}{{.}} {{end}}',
      '{{.Swarm.LocalNodeState}}',
    ]) {
      await counter.same(['info', '--format', format]);
    }
    // not compared: {{json}} of a part of the document (`{{json .RegistryConfig}}`): docker re-encodes the daemon's
    // answer through its own Go types (v28's field set and order), berth prints the daemon's answer as it came
    await counter.same(['info', '-f', '{{.Foo']);
    await counter.same(['info', 'extra']);
    await counter.same(['info', '--help']);
  });
});
