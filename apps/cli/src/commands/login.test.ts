import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../captured-main';

// no engine answers here: a dry run must not need one, and must print no secret
const saved = { host: process.env.DOCKER_HOST, config: process.env.DOCKER_CONFIG };
let config: string;
beforeEach(() => {
  config = mkdtempSync(join(tmpdir(), 'berth-login-'));
  process.env.DOCKER_HOST = 'unix:///nonexistent/berth-login.sock';
  process.env.DOCKER_CONFIG = config;
});
afterEach(() => {
  for (const [key, value] of [
    ['DOCKER_HOST', saved.host],
    ['DOCKER_CONFIG', saved.config],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('berth login --dry-run', () => {
  it('prints the /auth request with the password hidden, and writes no config.json', async () => {
    const result = await runCaptured(['login', '--dry-run', '-u', 'berth', '-p', 's3cret-value', 'localhost:5000']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
    expect(JSON.parse(result.stdout)).toEqual({
      method: 'POST',
      path: '/auth',
      query: {},
      body: { username: 'berth', password: '<hidden>', serveraddress: 'localhost:5000' },
    });
    expect(result.stdout + result.stderr).not.toContain('s3cret');
    expect(readdirSync(config)).toEqual([]);
  });

  it('refuses without a terminal when no password is given, as docker does', async () => {
    const result = await runCaptured(['login', '-u', 'berth', 'localhost:5000']);
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'Error: Cannot perform an interactive login from a non TTY device\n',
    });
  });
});

describe('berth logout --dry-run', () => {
  it('says what it would remove and changes nothing', async () => {
    const result = await runCaptured(['logout', '--dry-run', 'localhost:5000']);
    expect(result).toEqual({ exitCode: 0, stdout: 'Removing login credentials for localhost:5000\n', stderr: '' });
    expect(readdirSync(config)).toEqual([]);
  });
});
