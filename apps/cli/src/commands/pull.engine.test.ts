import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerCli, useEngine } from '@berth/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berthCli } from '../testing/berth-binary';
import { ImageFixtures } from '../testing/image-fixtures';
import { asBerth } from '../testing/parity';

// The registries scripts/engine.sh starts on loopback: 5000 asks for the credentials it made, 5001 for none.
const CREDENTIALS = '/var/lib/berth-registry/credentials';
const AUTH = 'localhost:5000';
const OPEN = 'localhost:5001';

const kit = await useEngine();
const registryUp = existsSync(CREDENTIALS);
if (process.env.BERTH_REQUIRE_ENGINE === '1' && kit.available && !registryUp) {
  throw new Error(`${CREDENTIALS} is missing: run scripts/engine.sh to start the local registries`);
}
const [user = '', password = ''] = registryUp ? readFileSync(CREDENTIALS, 'utf8').trim().split(':') : [];
const scope = kit.name('pull').toLowerCase();
const fixtures = new ImageFixtures();
const { docker, tagged, inTurn, made } = fixtures;

/** A config directory of its own for each side, so that one's login is not the other's. */
const configDirs: string[] = [];
function configDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'berth-config-'));
  configDirs.push(dir);
  return dir;
}

/** The same line through both CLIs, each with its own config directory (named `<config>` in what they print). */
async function both(args: readonly string[], env: { docker: string; berth: string }, input?: string) {
  const [docker, berth] = await Promise.all([
    dockerCli(args, { env: { DOCKER_CONFIG: env.docker }, ...(input === undefined ? {} : { input }) }),
    berthCli(args, { env: { DOCKER_CONFIG: env.berth }, ...(input === undefined ? {} : { input }) }),
  ]);
  const tidy = (result: typeof docker, dir: string) => ({
    exitCode: result.exitCode,
    stdout: asBerth(result.stdout).replaceAll(dir, '<config>'),
    stderr: asBerth(result.stderr).replaceAll(dir, '<config>'),
  });
  return { docker: tidy(docker, env.docker), berth: tidy(berth, env.berth) };
}

const removeLocal = (...names: string[]) => dockerCli(['rmi', '-f', ...names]);

beforeAll(async () => {
  if (!registryUp) return;
  // the book's image name (scenario 7), one repository per test file run
  await tagged('busybox:1.29', `${OPEN}/${scope}/ch3_hello_registry`);
  await tagged('berth-fixtures/web:latest', `${OPEN}/${scope}/web:1`);
  await docker('push', `${OPEN}/${scope}/ch3_hello_registry`);
  await docker('push', `${OPEN}/${scope}/web:1`);
  // an image busybox's layer and one of its own: pulled with busybox present, that layer `Already exists`
  const context = mkdtempSync(join(tmpdir(), 'berth-layered-'));
  writeFileSync(join(context, 'Dockerfile'), `FROM busybox:1.29\nRUN echo ${scope} > /scope\n`);
  await docker('build', '-q', '--label', `berth.test.scope=${scope}`, '-t', `${OPEN}/${scope}/layered:1`, context);
  made.add(`${OPEN}/${scope}/layered:1`);
  await docker('push', `${OPEN}/${scope}/layered:1`);
  rmSync(context, { recursive: true, force: true });
}, 120_000);

afterAll(async () => {
  await fixtures.removeAll();
  // they hold the test registry's credentials
  for (const dir of configDirs) rmSync(dir, { recursive: true, force: true });
  console.info(`pull/push/login: ${fixtures.compared} command lines compared with docker`);
});

const describeRegistry = registryUp ? kit.describe : describe.skip;

describeRegistry('berth pull and push against a real registry, line for line as docker', () => {
  const hello = `${OPEN}/${scope}/ch3_hello_registry`;

  it('pulls back what was pushed (scenario 7): the plain progress lines, digest and status', async () => {
    const result = await inTurn(['pull', hello], () => removeLocal(hello));
    expect(result.stdout).toMatch(/^Using default tag: latest\nlatest: Pulling from .*\nDigest: sha256:/);
    expect(result.stdout).toContain(`Status: Downloaded newer image for ${hello}:latest\n${hello}:latest\n`);
    await inTurn(['pull', hello], async () => undefined); // up to date
    await inTurn(['pull', '-q', hello], () => removeLocal(hello));
  });

  it('pulls by digest, and shows the layers it already has as Already exists', async () => {
    // the engine itself decides, pull by pull, whether a small layer's download reports these steps: not the CLI's doing
    const engineTimed = (text: string) =>
      text.replace(/^[0-9a-f]{12}: (?:Waiting|Verifying Checksum|Download complete|Downloading.*)\n/gm, '');
    const digest = (await docker('image', 'inspect', '-f', '{{index .RepoDigests 0}}', hello)).trim();
    made.add(digest);
    await inTurn(['pull', digest], () => removeLocal(digest, hello), engineTimed);
    const web = `${OPEN}/${scope}/web:1`;
    await inTurn(['pull', web], () => removeLocal(web), engineTimed);
    const layered = `${OPEN}/${scope}/layered:1`;
    const result = await inTurn(['pull', layered], () => removeLocal(layered), engineTimed);
    expect(result.stdout).toMatch(/[0-9a-f]{12}: Already exists\n[0-9a-f]{12}: Pulling fs layer\n/);
    expect(result.stdout).toContain(': Pull complete\n');
  });

  it('refuses what docker refuses: an unknown tag, a tag with -a, a bad name', async () => {
    await inTurn(['pull', `${OPEN}/${scope}/nosuch`], async () => undefined);
    await inTurn(['pull', '-a', `${hello}:latest`], async () => undefined);
    await inTurn(['pull', 'Bad/Name'], async () => undefined);
    await inTurn(['push', `${OPEN}/${scope}/not-here`], async () => undefined);
  });

  it('pushes as docker does: the repository, each layer, the digest line; -q the name only', async () => {
    // a repository of its own for each side: the second push of one repository would find its layers there
    const targets = { docker: `${OPEN}/${scope}/pushed-d:2`, berth: `${OPEN}/${scope}/pushed-b:2` };
    await tagged('busybox:1.29', targets.docker);
    await tagged('busybox:1.29', targets.berth);
    const fromDocker = await dockerCli(['push', targets.docker]);
    const fromBerth = await berthCli(['push', targets.berth]);
    const tidy = (result: typeof fromDocker, target: string) => ({
      exitCode: result.exitCode,
      stderr: result.stderr,
      stdout: result.stdout
        .replaceAll(target.split(':2')[0] ?? target, '<repository>')
        .replace(/Mounted from \S+/g, 'Mounted from <x>'),
    });
    expect(tidy(fromBerth, targets.berth)).toEqual(tidy(fromDocker, targets.docker));
    fixtures.compared++;
    expect(fromBerth.stdout).toMatch(/^The push refers to repository \[.*\]\n[0-9a-f]{12}: Preparing\n/);
    expect(fromBerth.stdout).toMatch(/2: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    await inTurn(['push', '-q', targets.berth], async () => undefined);
  });
});

describeRegistry('berth login, logout and credentials as docker keeps them', () => {
  const target = `${AUTH}/${scope}/private:1`;

  it('logs in with --password-stdin, writes config.json (0600, base64 auth), and pushes and pulls with it', async () => {
    const dirs = { docker: configDir(), berth: configDir() };
    const login = await both(['login', '-u', user, '--password-stdin', AUTH], dirs, `${password}\n`);
    expect(login.berth).toEqual(login.docker);
    fixtures.compared++;
    expect(login.berth.stdout).toBe('Login Succeeded\n');
    for (const side of [login.berth, login.docker]) expect(side.stdout + side.stderr).not.toContain(password);
    const file = join(dirs.berth, 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(dirs.docker, 'config.json'), 'utf8'));
    await tagged('busybox:1.29', target);
    const push = await berthCli(['push', target], { env: { DOCKER_CONFIG: dirs.berth } });
    expect(push.exitCode, push.stderr).toBe(0);
    await removeLocal(target);
    const pull = await berthCli(['pull', target], { env: { DOCKER_CONFIG: dirs.berth } });
    expect(pull.stdout).toContain(`Status: Downloaded newer image for ${target}`);
    const logout = await both(['logout', AUTH], dirs);
    expect(logout.berth).toEqual(logout.docker);
    fixtures.compared++;
    expect(readFileSync(file, 'utf8')).toBe('{\n\t"auths": {}\n}');
    // logged out: the registry refuses, in the engine's words
    await removeLocal(target);
    const refused = await berthCli(['pull', target], { env: { DOCKER_CONFIG: dirs.berth } });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('no basic auth credentials');
  });

  it('refuses a wrong password with docker’s message, and warns about -p', async () => {
    const dirs = { docker: configDir(), berth: configDir() };
    const wrong = await both(['login', '-u', user, '-p', 'not-the-password', AUTH], dirs);
    expect(wrong.berth).toEqual(wrong.docker);
    fixtures.compared++;
    expect(wrong.berth.stderr).toContain('401 Unauthorized');
    expect(existsSync(join(dirs.berth, 'config.json'))).toBe(false);
    const noTty = await both(['login', AUTH], dirs, '');
    expect(noTty.berth).toEqual(noTty.docker);
    fixtures.compared++;
    const noUser = await both(['login', '--password-stdin', AUTH], dirs, 'x');
    expect(noUser.berth).toEqual(noUser.docker);
    fixtures.compared++;
  });

  it('keeps the secret with a credential helper (credsStore) and erases it there on logout', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'berth-helper-'));
    const store = join(bin, 'secrets.json');
    // a helper speaking the docker-credential-* protocol, keeping its secrets in a JSON file
    const helper = join(bin, 'docker-credential-berthtest');
    writeFileSync(
      helper,
      `#!${process.execPath}
const fs = require('node:fs');
const file = ${JSON.stringify(store)};
const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
const input = fs.readFileSync(0, 'utf8').trim();
const action = process.argv[2];
if (action === 'store') { const c = JSON.parse(input); all[c.ServerURL] = c; }
else if (action === 'list') { process.stdout.write(JSON.stringify(Object.fromEntries(Object.values(all).map((c) => [c.ServerURL, c.Username])))); process.exit(0); }
else if (!all[input]) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
else if (action === 'get') process.stdout.write(JSON.stringify(all[input]));
else if (action === 'erase') delete all[input];
fs.writeFileSync(file, JSON.stringify(all));
`,
    );
    chmodSync(helper, 0o755);
    const dir = configDir();
    writeFileSync(join(dir, 'config.json'), '{"credsStore":"berthtest"}');
    const env = { DOCKER_CONFIG: dir, PATH: `${bin}:${process.env.PATH}` };
    const login = await berthCli(['login', '-u', user, '--password-stdin', AUTH], { env, input: password });
    expect(login).toMatchObject({ exitCode: 0, stdout: 'Login Succeeded\n', stderr: '' });
    expect(JSON.parse(readFileSync(store, 'utf8'))[AUTH]).toEqual({
      ServerURL: AUTH,
      Username: user,
      Secret: password,
    });
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).not.toContain(password.slice(0, 6));
    await tagged('busybox:1.29', target);
    const push = await berthCli(['push', target], { env });
    expect(push.exitCode, push.stderr).toBe(0);
    // docker reads the same helper: what berth stored, docker uses
    await removeLocal(target);
    expect((await dockerCli(['pull', target], { env })).exitCode).toBe(0);
    await berthCli(['logout', AUTH], { env });
    expect(JSON.parse(readFileSync(store, 'utf8'))).toEqual({});
    rmSync(bin, { recursive: true, force: true });
  });
});
