import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConfigFiles, CredentialStore, type HelperRunner, NOT_FOUND_REPLY } from './index';

function memoryFiles(initial?: string): ConfigFiles & { text: string | undefined } {
  const files = {
    text: initial,
    async read() {
      return files.text;
    },
    async write(_path: string, text: string) {
      files.text = text;
    },
  };
  return files;
}

/** A helper that keeps its secrets in a map, speaking the protocol's stdin and stdout. */
function memoryHelper(): { run: HelperRunner; secrets: Map<string, { Username: string; Secret: string }> } {
  const secrets = new Map<string, { Username: string; Secret: string }>();
  const run: HelperRunner = async (_helper, action, input) => {
    if (action === 'store') {
      const { ServerURL, Username, Secret } = JSON.parse(input);
      secrets.set(ServerURL, { Username, Secret });
      return { status: 0, stdout: '' };
    }
    const found = secrets.get(input);
    if (!found) return { status: 1, stdout: `${NOT_FOUND_REPLY}\n` };
    if (action === 'erase') secrets.delete(input);
    return { status: 0, stdout: action === 'get' ? JSON.stringify({ ServerURL: input, ...found }) : '' };
  };
  return { run, secrets };
}

const berth = { serverAddress: 'localhost:5000', username: 'berth', password: 'pw:1' };

describe('CredentialStore over the file', () => {
  it('stores base64 auth under the host, reads it back by domain or address, and erases it', async () => {
    const files = memoryFiles();
    const store = await CredentialStore.open({ directory: '/cfg/', files });
    expect(store.path).toBe('/cfg/config.json');
    await store.store({ ...berth, serverAddress: 'http://localhost:5000/' });
    expect(JSON.parse(files.text ?? '')).toEqual({ auths: { 'localhost:5000': { auth: 'YmVydGg6cHc6MQ==' } } });
    const again = await CredentialStore.open({ directory: '/cfg', files });
    expect(await again.get('localhost:5000')).toEqual(berth);
    await again.erase('localhost:5000');
    expect(files.text).toBe('{\n\t"auths": {}\n}');
    expect(await again.get('localhost:5000')).toBeUndefined();
  });

  it('finds a key written with a scheme and path, as older clients wrote them', async () => {
    const files = memoryFiles('{"auths":{"https://localhost:5000/v2/":{"auth":"YmVydGg6cHc6MQ=="}}}');
    const store = await CredentialStore.open({ directory: '/cfg', files });
    expect(await store.get('localhost:5000')).toEqual(berth);
    await store.erase('localhost:5000');
    expect(JSON.parse(files.text ?? '').auths).toEqual({});
  });

  it('writes the real file with mode 0600 and keeps other keys', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'berth-credentials-'));
    writeFileSync(join(directory, 'config.json'), '{"psFormat":"table {{.ID}}"}');
    chmodSync(join(directory, 'config.json'), 0o644);
    const store = await CredentialStore.open({ directory });
    await store.store(berth);
    expect(statSync(join(directory, 'config.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(directory, 'config.json'), 'utf8'))).toEqual({
      auths: { 'localhost:5000': { auth: 'YmVydGg6cHc6MQ==' } },
      psFormat: 'table {{.ID}}',
    });
  });
});

describe('CredentialStore with helpers', () => {
  it('gives the secret to credsStore and leaves an empty auths entry', async () => {
    const files = memoryFiles('{"credsStore":"mem"}');
    const helper = memoryHelper();
    const store = await CredentialStore.open({ directory: '/cfg', files, runHelper: helper.run });
    await store.store(berth);
    expect(helper.secrets.get('localhost:5000')).toEqual({ Username: 'berth', Secret: 'pw:1' });
    expect(files.text).not.toContain('pw');
    expect(JSON.parse(files.text ?? '')).toEqual({ auths: { 'localhost:5000': {} }, credsStore: 'mem' });
    expect(await store.get('localhost:5000')).toEqual(berth);
    await store.erase('localhost:5000');
    expect(helper.secrets.size).toBe(0);
    expect(await store.get('localhost:5000')).toBeUndefined();
  });

  it('prefers credHelpers for its server; identity tokens travel as <token>', async () => {
    const helper = memoryHelper();
    const files = memoryFiles('{"credHelpers":{"localhost:5000":"mem"}}');
    const store = await CredentialStore.open({ directory: '/cfg', files, runHelper: helper.run });
    expect(store.helperName('localhost:5000')).toBe('mem');
    expect(store.helperName('localhost:5001')).toBeUndefined();
    await store.store({ ...berth, identityToken: 'tok' });
    expect(helper.secrets.get('localhost:5000')).toEqual({ Username: '<token>', Secret: 'tok' });
    expect(await store.get('localhost:5000')).toEqual({
      serverAddress: 'localhost:5000',
      username: '',
      password: '',
      identityToken: 'tok',
    });
  });

  it('reports a missing helper as docker does, and a failing one with its output', async () => {
    const files = memoryFiles('{"credsStore":"berth-missing-helper"}');
    const store = await CredentialStore.open({ directory: '/cfg', files });
    await expect(store.store(berth)).rejects.toMatchObject({
      code: 'helper-failed',
      message:
        'error storing credentials - err: exec: "docker-credential-berth-missing-helper": executable file not found in $PATH, out: ``',
    });
    const failing: HelperRunner = async () => ({ status: 3, stdout: 'locked\n' });
    const locked = await CredentialStore.open({ directory: '/cfg', files, runHelper: failing });
    await expect(locked.get('localhost:5000')).rejects.toMatchObject({
      message: 'error getting credentials - err: exit status 3, out: `locked`',
    });
  });
});
