import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../captured-main';

let bash = '';

beforeAll(async () => {
  const generated = await runCaptured(['completion', 'bash']);
  expect(generated.exitCode).toBe(0);
  bash = generated.stdout;
});

/** What `_berth` offers for the words typed so far (the last one the word being completed), in a real bash. */
function offered(...typed: string[]): string[] {
  const words = typed.map((word) => `'${word}'`).join(' ');
  const probe = `${bash}
berth() { printf '%s\\n' web-1 web-2; }
COMP_WORDS=(berth ${words}); COMP_CWORD=${typed.length}
_berth
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '-c', probe], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter((line) => line !== '');
}

describe('berth completion bash, sourced in bash', () => {
  it('registers _berth for berth', () => {
    const result = spawnSync('bash', ['--norc', '-c', `${bash}\ncomplete -p berth`], { encoding: 'utf8' });
    expect(result.stdout).toBe('complete -F _berth berth\n');
  });

  it('offers the command names and the management commands', () => {
    expect(offered('p')).toEqual(['pause', 'port', 'ps', 'pull', 'push']);
    expect(offered('')).toEqual(expect.arrayContaining(['container', 'system', 'run', 'ps', 'completion']));
  });

  it("offers a management command's subcommands", () => {
    expect(offered('container', 'l')).toEqual(['list', 'logs', 'ls']);
    expect(offered('container', 'r')).toEqual(expect.arrayContaining(['rename', 'restart', 'rm', 'run', 'runlike']));
  });

  it("offers each command's flags under all its names, past the global options and their values", () => {
    const psFlags = ['--all', '-a', '--filter', '-f', '--format', '--last', '-n', '--latest', '-l'];
    expect(offered('ps', '-')).toEqual(expect.arrayContaining(psFlags));
    expect(offered('-H', 'unix:///var/run/docker.sock', 'container', 'ls', '-')).toEqual(offered('ps', '-'));
    expect(offered('ps', '--no')).toEqual(['--no-trunc']);
  });

  it("offers run's flags, which its help page lists from @berth/run-args", () => {
    expect(offered('run', '--rest')).toEqual(['--restart']);
    expect(offered('run', '--entry')).toEqual(['--entrypoint']);
  });

  it('offers the global options before a command', () => {
    expect(offered('--')).toEqual(expect.arrayContaining(['--host', '--context', '--config', '--log-level']));
  });

  it('offers container names to the commands that take containers', () => {
    expect(offered('stop', 'web-')).toEqual(['web-1', 'web-2']);
    expect(offered('container', 'rm', '-f', '')).toEqual(['web-1', 'web-2']);
  });
});

describe('berth completion zsh and fish', () => {
  it.each([
    ['zsh', '--restart'],
    ['fish', '-l restart'],
  ])("%s: a script naming every command and run's flags", async (shell, restart) => {
    const { exitCode, stdout } = await runCaptured(['completion', shell]);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('runlike');
    expect(stdout).toContain(restart);
  });

  it('fish: --no-descriptions leaves the descriptions out', async () => {
    const described = await runCaptured(['completion', 'fish']);
    const bare = await runCaptured(['completion', 'fish', '--no-descriptions']);
    expect(described.stdout).toContain(" -d 'List containers'");
    expect(bare.stdout).not.toContain(' -d ');
    // a description --help wraps onto two lines is whole
    expect(described.stdout).toContain("-l latest -d 'Show the latest created container (includes all states)'");
  });

  it('lists the shells when none is named, as docker does', async () => {
    const { exitCode, stdout } = await runCaptured(['completion']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^Usage: {2}berth completion COMMAND\n/);
  });
});
