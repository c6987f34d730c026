import { describe, expect, it } from 'vitest';
import { parseAttach, parseAttachStreams } from './attach';
import { parseHealthcheck } from './healthcheck';
import { parseLogConfig } from './logging';

const noHealth = { interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0, none: false };

describe('parseAttach', () => {
  const f = (interactive: boolean, tty: boolean, detach: boolean) => ({ interactive, tty, detach });
  it.each([
    [[], f(false, false, false), [false, true, true, false, false, false]],
    [[], f(true, false, false), [true, true, true, true, true, false]],
    [[], f(true, true, false), [true, true, true, true, true, true]],
    [['stdout'], f(false, false, false), [false, true, false, false, false, false]],
    [['stdin'], f(false, false, false), [true, false, false, false, false, false]],
    [['STDERR'], f(false, false, false), [false, false, true, false, false, false]],
    [[], f(false, false, true), [false, false, false, false, false, false]],
    [[], f(true, true, true), [false, false, false, true, false, true]],
  ])('%j %j', (attach, flags, expected) => {
    const { AttachStdin, AttachStdout, AttachStderr, OpenStdin, StdinOnce, Tty } = parseAttach(
      parseAttachStreams(attach),
      flags,
    );
    expect([AttachStdin, AttachStdout, AttachStderr, OpenStdin, StdinOnce, Tty]).toEqual(expected);
  });

  it('refuses unknown streams and -a with -d', () => {
    expect(() => parseAttach(parseAttachStreams(['foo']), f(false, false, false))).toThrow(
      'valid streams are STDIN, STDOUT and STDERR',
    );
    expect(() => parseAttach(parseAttachStreams(['stdout']), f(false, false, true))).toThrow(
      'conflicting options: cannot specify both --attach and --detach',
    );
  });
});

describe('parseHealthcheck', () => {
  it('builds the HEALTHCHECK docker sends', () => {
    expect(parseHealthcheck(noHealth)).toBeUndefined();
    expect(parseHealthcheck({ ...noHealth, cmd: '' })).toBeUndefined();
    expect(parseHealthcheck({ ...noHealth, none: true })).toEqual({ Test: ['NONE'] });
    expect(parseHealthcheck({ ...noHealth, cmd: 'echo hi' })).toEqual({ Test: ['CMD-SHELL', 'echo hi'] });
    expect(parseHealthcheck({ ...noHealth, interval: 1e9 })).toEqual({ Interval: 1e9 });
    expect(
      parseHealthcheck({ ...noHealth, cmd: 'x', interval: 1e9, timeout: 5e8, startPeriod: 6e10, retries: 3 }),
    ).toEqual({
      Test: ['CMD-SHELL', 'x'],
      Interval: 1e9,
      Timeout: 5e8,
      StartPeriod: 6e10,
      Retries: 3,
    });
  });

  it('refuses what docker refuses', () => {
    expect(() => parseHealthcheck({ ...noHealth, none: true, cmd: 'x' })).toThrow(
      '--no-healthcheck conflicts with --health-* options',
    );
    expect(() => parseHealthcheck({ ...noHealth, interval: -1 })).toThrow('--health-interval cannot be negative');
    expect(() => parseHealthcheck({ ...noHealth, retries: -1 })).toThrow('--health-retries cannot be negative');
  });
});

describe('parseLogConfig', () => {
  it('maps options, a bare key to an empty value, and refuses options for none', () => {
    expect(parseLogConfig('json-file', [])).toEqual({ Type: 'json-file', Config: {} });
    expect(parseLogConfig('', ['max-size=1m', 'foo', 'a=b=c'])).toEqual({
      Type: '',
      Config: { 'max-size': '1m', foo: '', a: 'b=c' },
    });
    expect(() => parseLogConfig('none', ['a=b'])).toThrow('invalid logging opts for driver none');
  });
});
