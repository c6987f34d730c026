import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { confirm } from './confirmation';

async function answer(input: string | undefined): Promise<[boolean, string]> {
  const stdout = new PassThrough();
  let shown = '';
  stdout.on('data', (chunk) => {
    shown += String(chunk);
  });
  const stdin = input === undefined ? undefined : Readable.from([input]);
  const confirmed = await confirm({ stdout, stderr: new PassThrough(), ...(stdin ? { stdin } : {}) }, 'Go on?');
  return [confirmed, shown];
}

describe('confirm', () => {
  it.each<[string | undefined, boolean]>([
    ['y\n', true],
    [' Y \nmore\n', true],
    ['y', true],
    ['yes\n', false],
    ['n\n', false],
    ['\n', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', async (input, confirmed) => {
    expect(await answer(input)).toEqual([confirmed, 'Go on? [y/N] ']);
  });
});
