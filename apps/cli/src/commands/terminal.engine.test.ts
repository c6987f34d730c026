import { execFileSync } from 'node:child_process';
import { useEngine } from '@berth/testkit';
import { afterAll, afterEach, expect, it } from 'vitest';
import { BERTH_BIN } from '../testing/berth-binary';
import { TmuxPane } from '../testing/tmux-pane';

// Interactive sessions side by side: the same keys typed into two terminals, one running docker and one berth
// (`$CLI` in each shell), and what each terminal shows compared.

const kit = await useEngine();
const tmuxMissing = (() => {
  try {
    execFileSync('tmux', ['-V']);
    return false;
  } catch {
    return true;
  }
})();
const labels = Object.entries(kit.labels)
  .map(([key, value]) => `--label ${key}=${value}`)
  .join(' ');
const SIZE = { width: 100, height: 30 };
let comparedScreens = 0;
let open: TmuxPane[] = [];
afterEach(() => {
  for (const pane of open) pane.close();
  open = [];
});
afterAll(() => console.info(`terminals: ${comparedScreens} screens compared equal with docker`));

/** Two shells, `$CLI` docker in one and berth in the other, `$NAME` / `$OTHER` each side's containers. */
function sides(prefix: string): { docker: TmuxPane; berth: TmuxPane; names: { docker: string; berth: string } } {
  const base = kit.name(prefix);
  const names = { docker: `${base}-d`, berth: `${base}-b` };
  const docker = TmuxPane.open(`${base}-d`, SIZE, { CLI: 'docker', NAME: names.docker, LABELS: labels });
  const berth = TmuxPane.open(`${base}-b`, SIZE, { CLI: `node ${BERTH_BIN}`, NAME: names.berth, LABELS: labels });
  open.push(docker, berth);
  return { docker, berth, names };
}

function both(panes: { docker: TmuxPane; berth: TmuxPane }, act: (pane: TmuxPane) => void): void {
  act(panes.docker);
  act(panes.berth);
}

async function bothSee(panes: { docker: TmuxPane; berth: TmuxPane }, text: string | RegExp): Promise<void> {
  const seen = (screen: string) => (typeof text === 'string' ? screen.includes(text) : text.test(screen));
  await Promise.all([panes.docker.waitFor(seen), panes.berth.waitFor(seen)]);
}

function sameScreens(panes: { docker: TmuxPane; berth: TmuxPane }): void {
  expect(panes.berth.screen()).toBe(panes.docker.screen());
  comparedScreens += 1;
}

const count = (screen: string, text: string) => screen.split(text).length - 1;

kit.describe.skipIf(tmuxMissing)('interactive sessions through tmux, beside docker', () => {
  it('run -it: a shell, its size followed, Ctrl-P Ctrl-Q detaches and leaves it running; attach, exec -it', async () => {
    const panes = sides('tty');
    both(panes, (pane) => pane.type('clear; $CLI run -it --name $NAME $LABELS busybox:1.29 sh; echo rc=$?'));
    await bothSee(panes, /^\/ #/m);
    both(panes, (pane) => pane.type('stty size'));
    await bothSee(panes, '30 100');
    both(panes, (pane) => pane.resize({ width: 90, height: 25 }));
    // the new size reaches the shell a moment after the resize (SIGWINCH, then the engine's resize call): asked again
    // until it shows, on both sides alike
    both(panes, (pane) => pane.type('until [ "$(stty size)" = "25 90" ]; do sleep 0.1; done; stty size'));
    await bothSee(panes, /^25 90$/m);
    both(panes, (pane) => pane.keys('C-p', 'C-q'));
    await bothSee(panes, 'rc=0');
    sameScreens(panes);
    for (const name of Object.values(panes.names)) expect((await kit.inspect(name)).State.Running).toBe(true);

    // attach again: the shell redraws its prompt; detaching is docker's `read escape sequence`, exit 1
    both(panes, (pane) => pane.type('clear; $CLI attach $NAME; echo rc=$?'));
    await bothSee(panes, /^\/ #/m);
    both(panes, (pane) => pane.type('echo attached'));
    await bothSee(panes, /^attached$/m);
    both(panes, (pane) => pane.keys('C-p', 'C-q'));
    await bothSee(panes, 'rc=1');
    sameScreens(panes);

    // exec -it: a second shell in the same container, its size, its exit code
    both(panes, (pane) => pane.type('clear; $CLI exec -it $NAME sh; echo rc=$?'));
    await bothSee(panes, /^\/ #/m);
    both(panes, (pane) => pane.type('stty size; exit 3'));
    await bothSee(panes, 'rc=3');
    sameScreens(panes);
  });

  it('start -ai: an interactive container started and attached, its exit code', async () => {
    const panes = sides('start-ai');
    await Promise.all(
      Object.values(panes.names).map((name) =>
        kit.labelledCli(['create'], ['-it', '--name', name, 'busybox:1.29', 'sh']),
      ),
    );
    both(panes, (pane) => pane.type('clear; $CLI start -ai $NAME; echo rc=$?'));
    await bothSee(panes, /^\/ #/m);
    both(panes, (pane) => pane.type('echo started; exit 4'));
    await bothSee(panes, 'rc=4');
    sameScreens(panes);
  });

  it('logs -f follows until the container stops, then the prompt is back', async () => {
    const panes = sides('logs-f');
    await Promise.all(
      Object.values(panes.names).map((name) =>
        kit.labelledCli(
          ['run'],
          ['-d', '--name', name, 'busybox:1.29', 'sh', '-c', 'for i in 1 2 3; do echo tick $i; sleep 0.5; done'],
        ),
      ),
    );
    both(panes, (pane) => pane.type('clear; $CLI logs -f $NAME; echo rc=$?'));
    await bothSee(panes, 'rc=0');
    sameScreens(panes);
    expect(count(panes.berth.screen(), 'tick')).toBe(3);
  });
});
