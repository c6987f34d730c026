import { describe, expect, it } from 'vitest';
import { parity } from './testing/parity';

// The dispatcher's refusals need no engine: the words alone decide them, for docker as for berth.
describe('command lines refused before any engine call, as docker refuses them', () => {
  it.each([
    [['foo']],
    [['container', 'foo']],
    [['--foo', 'ps']],
    [['-H']],
    [['run']],
    [['run', '--foo']],
    [['run', '--rm=x', 'busybox:1.29']],
    [['create']],
    [['volume', 'create', 'a', 'b']],
    [['images', 'a', 'b']],
    [['network', 'ls', 'x']],
  ])('%j', async (args) => {
    const { docker, berth } = await parity(args);
    expect(berth).toEqual(docker);
  });
});

// A value a domain package refuses is explained in berth's words (the token and the rule it breaks), in docker's frame.
describe('values refused with berth words, in the frame and with the exit code docker uses', () => {
  it.each([
    [
      ['run', '-p', '1:2:3:4:5', 'busybox:1.29'],
      /^berth: invalid port publication "1:2:3:4:5": .+\n\nRun 'berth run --help' for more information\n$/,
    ],
    [
      ['create', '--memory', 'x', 'busybox:1.29'],
      /^berth: invalid --memory value "x": .+\n\nRun 'berth create --help' for more information\n$/,
    ],
  ])('%j', async (args, stderr) => {
    const { docker, berth } = await parity(args);
    expect(berth.exitCode).toBe(docker.exitCode);
    expect(berth.stderr).toMatch(stderr);
  });
});
