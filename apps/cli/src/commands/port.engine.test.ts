import { useEngine } from '@berth/testkit';
import { it } from 'vitest';
import { readingSuite } from '../testing/reading-fixtures';

const kit = await useEngine();
const suite = readingSuite(kit, 'port, diff, top');
const { counter } = suite;

kit.describe('berth port, diff and top, line for line as docker', () => {
  it('lists published ports in every form', async () => {
    await counter.same(['port', suite.fx.running]);
    await counter.same(['container', 'port', suite.fx.running]);
    await counter.same(['port', suite.fx.running, '80']);
    await counter.same(['port', suite.fx.running, '80/tcp']);
    await counter.same(['port', suite.fx.exited]);
    for (const refused of ['80/udp', '81', '9000', '80x', '70000', '']) {
      await counter.same(['port', suite.fx.running, refused]);
    }
    await counter.same(['port', 'no-such-container-h3']);
    await counter.same(['port']);
    await counter.same(['port', 'a', 'b', 'c']);
    await counter.same(['port', '--help']);
  });

  it("shows a container's filesystem changes", async () => {
    // the engine lists a container's changes in no fixed order (two calls may differ); docker prints them as they
    // come, and so does berth, so the lines are compared sorted
    const sorted = { normalize: (text: string) => text.split('\n').sort().join('\n') };
    await counter.same(['diff', suite.fx.running], sorted);
    await counter.same(['container', 'diff', suite.fx.created], sorted);
    await counter.same(['diff', 'no-such-container-h3']);
    await counter.same(['diff', '']);
    await counter.same(['diff']);
    await counter.same(['diff', '--help']);
  });

  it("lists a container's processes, ps options passed through", async () => {
    await counter.same(['top', suite.fx.running]);
    await counter.same(['container', 'top', suite.fx.running, '-o', 'pid,comm']);
    await counter.same(['top', suite.fx.running, 'aux']);
    await counter.same(['top', suite.fx.paused]);
    await counter.same(['top', suite.fx.exited]);
    await counter.same(['top', 'no-such-container-h3']);
    await counter.same(['top']);
    await counter.same(['top', '--help']);
  });
});
