// Book ch. 2 (running software in containers), each scenario of seed-inventory.md through the berth executable, with
// the lines that only read compared with docker's on the same containers.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useEngine } from '@berth/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BERTH_BIN, berthCli } from './testing/berth-binary';
import { labelWords, PairedParity, succeeds } from './testing/paired-parity';

const kit = await useEngine();
const lines = new PairedParity();
const labels = labelWords(kit);
const scope = `label=berth.test.scope=${kit.labels['berth.test.scope']}`;
let host: string;

beforeAll(async () => {
  host = await mkdtemp(join(tmpdir(), 'berth-ch2-'));
});
afterAll(async () => {
  await rm(host, { recursive: true, force: true });
  console.info(`chapter 2: ${lines.compared} command lines compared with docker`);
});

/** `berth run -d` (or `create`) with the file's labels; resolves to the id it printed. */
async function detached(verb: 'run' | 'create', args: readonly string[]): Promise<string> {
  const id = (await succeeds([verb, ...(verb === 'run' ? ['-d'] : []), ...labels, ...args])).trim();
  expect(id).toMatch(/^[0-9a-f]{64}$/);
  return id;
}

async function until(what: string, check: () => Promise<boolean>, seconds = 30): Promise<void> {
  for (let tries = 0; tries < seconds * 4; tries++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const logsOf = async (container: string) => (await berthCli(['logs', container])).stdout;

/** A POSIX shell with `berth` as a command, as the book's scripts use docker (`CID=$(docker create …)`). */
function shell(script: string): { stdout: string; stderr: string; status: number | null } {
  const prelude = `berth() { "${process.execPath}" "${BERTH_BIN}" "$@"; }\nLABELS="${labels.join(' ')}"\n`;
  const result = spawnSync('sh', ['-c', prelude + script], { encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

kit.describe('ch.2.1 the website monitor', () => {
  it('web, mailer and a linked agent; stopping web makes the mailer send the alert', async () => {
    const [web, mailer, agent] = [kit.name('web'), kit.name('mailer'), kit.name('agent')];
    await detached('run', ['--name', web, 'berth-fixtures/web']);
    await detached('run', ['--name', mailer, 'berth-fixtures/mailer']);
    const page = await succeeds([
      'run',
      '--rm',
      ...labels,
      '--link',
      `${web}:web`,
      'busybox:1.29',
      'wget',
      '-q',
      '-O',
      '-',
      'http://web:80/',
    ]);
    expect(page).toContain('Welcome to nginx!');
    await detached('run', [
      '--name',
      agent,
      '--link',
      `${web}:insideweb`,
      '--link',
      `${mailer}:insidemailer`,
      'berth-fixtures/agent',
    ]);
    const listed = await succeeds(['ps', '--filter', scope, '--format', '{{.Names}}']);
    expect(listed.split('\n').filter(Boolean).sort()).toEqual([agent, mailer, web].sort());
    await until('the agent to see web up', async () => (await logsOf(agent)).includes('System up.'));
    expect(await logsOf(web)).toContain('"GET / HTTP/1.0" 200');
    expect(await logsOf(mailer)).toBe('CH2 Example Mailer has started.\n');
    for (const name of [web, mailer, agent]) await lines.same(['logs', '--tail', '1', name]);
    await lines.same([
      'ps',
      '-a',
      '--filter',
      scope,
      '--format',
      'table {{.Image}}\t{{.Command}}\t{{.Ports}}\t{{.Names}}',
    ]);
    expect(await succeeds(['stop', web])).toBe(`${web}\n`);
    await until('the alert', async () => (await logsOf(mailer)).includes('The service is down!'));
    expect(await logsOf(mailer)).toMatch(/Sending email: To: admin@work {2}Message: The service is down!\n$/);
    expect(await logsOf(agent)).toContain('The service is down! Alert sent to insidemailer.');
    // the agent alerts every second: with it gone, the mailer's log holds still for both CLIs
    await succeeds(['kill', agent]);
    await lines.same(['logs', mailer]);
  });
});

kit.describe('ch.2.2 the PID namespace', () => {
  it('PID 1 is each container’s own command; --pid host sees them all', async () => {
    const [a, b] = [kit.name('namespaceA'), kit.name('namespaceB')];
    await detached('run', ['--name', a, 'busybox:1.29', '/bin/sh', '-c', 'sleep 30000']);
    await detached('run', ['--name', b, 'busybox:1.29', '/bin/sh', '-c', 'nc -l 0.0.0.0 -p 80']);
    const psA = await succeeds(['exec', a, 'ps']);
    // busybox 1.29's ps has no TIME column
    expect(psA).toMatch(/^PID +USER +COMMAND\n +1 root +sleep 30000\n/);
    expect(psA).toMatch(/ root +ps\n$/);
    expect(await succeeds(['exec', b, 'ps'])).toMatch(/\n +1 root +nc -l 0.0.0.0 -p 80\n/);
    const everything = await succeeds(['run', '--rm', ...labels, '--pid', 'host', 'busybox:1.29', 'ps']);
    expect(everything).toContain('sleep 30000');
    expect(everything).toContain('nc -l 0.0.0.0 -p 80');
  });

  it('a second web server in the same container cannot bind :80; in two containers both can', async () => {
    const [conflict, webA, webB] = [kit.name('webConflict'), kit.name('webA'), kit.name('webB')];
    await detached('run', ['--name', conflict, 'berth-fixtures/web']);
    expect(await logsOf(conflict)).toBe('');
    const second = await berthCli(['exec', conflict, 'httpd', '-f', '-p', '80']);
    expect(second.stderr).toMatch(/Address already in use/);
    expect(second.exitCode).not.toBe(0);
    await detached('run', ['--name', webA, 'berth-fixtures/web']);
    await detached('run', ['--name', webB, 'berth-fixtures/web']);
    expect(await logsOf(webA)).toBe('');
    expect(await logsOf(webB)).toBe('');
    await lines.same(['inspect', '--format', '{{.State.Running}}', webA, webB]);
  });
});

kit.describe('ch.2.3 the website farm', () => {
  it('a name in use is refused; after a rename it is free again', async () => {
    const name = kit.name('webid');
    const id = await detached('run', ['--name', name, 'berth-fixtures/web']);
    const again = await berthCli(['run', '-d', ...labels, '--name', name, 'berth-fixtures/web']);
    expect(again.stderr).toBe(
      `berth: Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'berth run --help' for more information\n`,
    );
    expect(again.exitCode).toBe(125);
    expect(await succeeds(['rename', name, `${name}-old`])).toBe('');
    await detached('run', ['--name', name, 'berth-fixtures/web']);
    expect(await succeeds(['exec', id, 'echo', 'hello'])).toBe('hello\n');
    expect(await succeeds(['exec', id.slice(0, 12), 'ps'])).toMatch(/^PID/);
    expect(await succeeds(['stop', id.slice(0, 12)])).toBe(`${id.slice(0, 12)}\n`);
  });

  it('create leaves a container Created, hidden from ps and shown by ps -a; ps -l -q and --no-trunc', async () => {
    const id = await detached('create', ['berth-fixtures/web']);
    expect(await succeeds(['ps', '-q', '--filter', scope, '--filter', `id=${id}`])).toBe('');
    const all = await succeeds(['ps', '-a', '--filter', `id=${id}`, '--format', '{{.ID}} {{.Status}} {{.Names}}']);
    expect(all).toMatch(new RegExp(`^${id.slice(0, 12)} Created [a-z]+_[a-z]+\\n$`));
    expect(await succeeds(['ps', '-a', '-l', '-q', '--filter', scope])).toBe(`${id.slice(0, 12)}\n`);
    expect(await succeeds(['ps', '-a', '--no-trunc', '-q', '--filter', `id=${id}`])).toBe(`${id}\n`);
    // without the CREATED column, whose width ticks with its text ('Less than a second ago', '2 seconds ago')
    const columns = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
    await lines.same(['ps', '-a', '--filter', `id=${id}`, '--format', columns]);
    await lines.same(['ps', '-a', '--no-trunc', '--filter', `id=${id}`, '--format', columns]);
  });

  it('--cidfile writes the id, and an existing cidfile stops a second create', async () => {
    const cidfile = join(host, 'web.cid');
    const id = await detached('create', ['--cidfile', cidfile, 'berth-fixtures/web']);
    expect(await readFile(cidfile, 'utf8')).toBe(id);
    const count = async () => (await succeeds(['ps', '-a', '-q', '--filter', scope])).split('\n').length;
    const before = await count();
    const again = await berthCli(['create', ...labels, '--cidfile', cidfile, 'berth-fixtures/web']);
    // docker 28's words; docker prints them bare and exits 1, berth create still frames them as run's refusals (125)
    expect(again.stderr).toContain(
      `container ID file found, make sure the other container isn't running or delete ${cidfile}`,
    );
    expect(again.exitCode).not.toBe(0);
    expect(await count()).toBe(before);
  });

  it('the farm script with ids in shell variables: start order fails, then succeeds in dependency order', async () => {
    const farm = shell(`
      MAILER_CID=$(berth run -d $LABELS berth-fixtures/mailer)
      WEB_CID=$(berth create $LABELS berth-fixtures/web)
      AGENT_CID=$(berth create $LABELS --link $WEB_CID:insideweb --link $MAILER_CID:insidemailer berth-fixtures/agent)
      echo "$MAILER_CID $WEB_CID $AGENT_CID"
      berth ps -q --no-trunc --filter id=$MAILER_CID --filter id=$WEB_CID --filter id=$AGENT_CID
      berth ps -a --format '{{.ID}} {{.Status}}' --filter id=$WEB_CID --filter id=$AGENT_CID
      berth start $AGENT_CID
      echo "agent first: $?"
      berth start $WEB_CID && berth start $AGENT_CID
      echo "web first: $?"
      berth inspect --format '{{.State.Status}}' $MAILER_CID $WEB_CID $AGENT_CID
    `);
    const [ids = '', ...rest] = farm.stdout.split('\n');
    const [mailer = '', web = '', agent = ''] = ids.split(' ');
    const webName = (await succeeds(['inspect', '--format', '{{.Name}}', web])).trim();
    const agentName = (await succeeds(['inspect', '--format', '{{.Name}}', agent])).trim();
    expect(rest.join('\n')).toBe(
      [
        mailer,
        `${agent.slice(0, 12)} Created`,
        `${web.slice(0, 12)} Created`,
        'agent first: 1',
        web,
        agent,
        'web first: 0',
        'running',
        'running',
        'running',
        '',
      ].join('\n'),
    );
    expect(farm.stderr).toBe(
      `Error response from daemon: Cannot link to a non running container: ${webName} AS ${agentName}/insideweb\nError: failed to start containers: ${agent}\n`,
    );
  });
});

kit.describe('ch.2.4 environment-agnostic systems', () => {
  it('a read-only root refuses writes, except to -v volumes and --tmpfs mounts', async () => {
    const locked = kit.name('wp');
    await detached('run', ['--name', locked, '--read-only', 'busybox:1.29', 'sh', '-c', 'touch /run.lock']);
    await until(
      'the read-only container to exit',
      async () => (await succeeds(['inspect', '--format', '{{.State.Status}}', locked])) === 'exited\n',
    );
    await lines.same(['inspect', '--format', '{{.State.Running}} {{.State.ExitCode}}', locked]);
    expect(await logsOf(locked)).toBe('');
    expect((await berthCli(['logs', locked])).stderr).toContain('Read-only file system');
    const open = kit.name('wp2');
    await detached('run', [
      '--name',
      open,
      '--read-only',
      '-v',
      '/run/apache2/',
      '--tmpfs',
      '/tmp',
      'busybox:1.29',
      'sh',
      '-c',
      'touch /run/apache2/apache2.pid /tmp/lock && echo resuming normal operations && sleep 600',
    ]);
    await until('the exceptions to be written', async () =>
      (await logsOf(open)).includes('resuming normal operations'),
    );
    await lines.same([
      'inspect',
      '--format',
      '{{.State.Running}} {{.HostConfig.ReadonlyRootfs}} {{json .HostConfig.Tmpfs}}',
      open,
    ]);
    const writable = kit.name('wp_writable');
    await detached('run', [
      '--name',
      writable,
      'busybox:1.29',
      'sh',
      '-c',
      'mkdir -p /run/apache2 && touch /run/apache2/apache2.pid && sleep 600',
    ]);
    await until('the pid file', async () => (await succeeds(['diff', writable])).includes('apache2.pid'));
    await lines.same(['container', 'diff', writable]);
  });

  it('--env injects variables, shown by env and in .Config.Env', async () => {
    const env = await succeeds([
      'run',
      '--rm',
      ...labels,
      '--env',
      'MY_ENVIRONMENT_VAR=this is a test',
      'busybox:1.29',
      'env',
    ]);
    expect(env.split('\n')).toEqual(expect.arrayContaining(['MY_ENVIRONMENT_VAR=this is a test', 'HOME=/root']));
    const id = await detached('create', [
      '--env',
      'WORDPRESS_DB_HOST=dbhost',
      '--env',
      'WORDPRESS_DB_USER=site_admin',
      '--env',
      'WORDPRESS_DB_PASSWORD=MeowMix42',
      'busybox:1.29',
    ]);
    await lines.same(['inspect', '--format', '{{json .Config.Env}}', id]);
    expect(await succeeds(['inspect', '--format', '{{json .Config.Env}}', id])).toContain(
      '"WORDPRESS_DB_USER=site_admin"',
    );
  });
});

kit.describe('ch.2.5 durable containers', () => {
  it('--restart always restarts with a growing delay; exec is refused while it is restarting', async () => {
    const name = kit.name('backoff-detector');
    const id = await detached('run', ['--name', name, '--restart', 'always', 'busybox:1.29', 'date']);
    let refused = '';
    await until(
      'exec to be refused during a restart',
      async () => {
        const exec = await berthCli(['exec', name, 'echo', 'Just a Test']);
        refused = exec.stderr;
        return exec.exitCode !== 0 && exec.stderr.includes('is restarting');
      },
      60,
    );
    expect(refused).toBe(
      `Error response from daemon: Container ${id} is restarting, wait until the container is running\n`,
    );
    // on a loaded machine the refusal can come during the first restart: the second follows within the backoff
    let restarts = 0;
    await until(
      'a second restart',
      async () => {
        restarts = Number(await succeeds(['inspect', '--format', '{{.RestartCount}}', name]));
        return restarts >= 2;
      },
      60,
    );
    expect((await logsOf(name)).split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(restarts);
  });

  it('--entrypoint replaces the image’s program; the command becomes its arguments', async () => {
    const passwd = await succeeds(['run', '--rm', ...labels, '--entrypoint=cat', 'busybox:1.29', '/etc/passwd']);
    expect(passwd).toMatch(/^root:x:0:0:root:\/root:\/bin\/sh\n/);
    const id = await detached('create', ['--entrypoint', 'cat', 'busybox:1.29', '/etc/passwd']);
    await lines.same(['inspect', '--format', '{{json .Config.Entrypoint}} {{json .Config.Cmd}}', id]);
  });
});

kit.describe('ch.2.6 cleaning up', () => {
  it('rm refuses a running container; --rm removes one on exit; rm -vf $(berth ps -aq) removes them all', async () => {
    const running = kit.name('running');
    await detached('run', ['--name', running, 'busybox:1.29', 'sleep', '600']);
    await lines.same(['rm', running]);
    const auto = kit.name('auto-exit-test');
    expect(await succeeds(['run', '--rm', ...labels, '--name', auto, 'busybox:1.29', 'echo', 'Hello World'])).toBe(
      'Hello World\n',
    );
    expect(await succeeds(['ps', '-a', '-q', '--filter', `name=${auto}`])).toBe('');
    const removed = shell(
      `berth rm -vf $(berth ps -aq --filter ${scope}) >/dev/null && berth ps -aq --filter ${scope}`,
    );
    expect(removed.stderr).toBe('');
    expect(removed.stdout).toBe('');
    expect(removed.status).toBe(0);
  });
});
