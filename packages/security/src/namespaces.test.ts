import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NamespaceModeError } from './errors';
import { parseCgroupnsMode, parseIpcMode, parsePidMode, parseUsernsMode, parseUtsMode } from './namespaces';

const parsers = {
  ipc: parseIpcMode,
  pid: parsePidMode,
  uts: parseUtsMode,
  userns: parseUsernsMode,
  cgroupns: parseCgroupnsMode,
} as const;

describe('namespace modes', () => {
  it.each([
    ['ipc', ''],
    ['ipc', 'none'],
    ['ipc', 'private'],
    ['ipc', 'shareable'],
    ['ipc', 'host'],
    ['ipc', 'container:producer'],
    ['ipc', 'container:/producer'],
    ['ipc', 'container:3f2a'],
    ['ipc', 'container:a'],
    ['pid', ''],
    ['pid', 'host'],
    ['pid', 'container:web_1.x-y'],
    ['uts', ''],
    ['uts', 'host'],
    ['userns', ''],
    ['userns', 'host'],
    ['cgroupns', ''],
    ['cgroupns', 'host'],
    ['cgroupns', 'private'],
  ] as const)('--%s %j is kept', (flag, value) => {
    expect(parsers[flag](value)).toBe(value);
  });

  it.each([
    ['ipc', 'foo'],
    ['ipc', 'Host'],
    ['ipc', 'container:'],
    ['ipc', 'container:x:y'],
    ['ipc', 'container:-x'],
    ['ipc', 'container'],
    ['pid', 'private'],
    ['pid', 'container:'],
    ['pid', 'foo'],
    ['pid', 'none'],
    ['uts', 'private'],
    ['uts', 'container:x'],
    ['userns', 'private'],
    ['userns', 'foo'],
    ['cgroupns', 'foo'],
    ['cgroupns', 'Host'],
  ] as const)('--%s %j is refused', (flag, value) => {
    expect(() => parsers[flag](value)).toThrow(NamespaceModeError);
    expect(() => parsers[flag](value)).toThrow(expect.objectContaining({ code: `invalid-${flag}-mode`, input: value }));
  });

  it('keeps any value unchanged or throws a NamespaceModeError naming it', () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom('host', 'private', 'none', 'shareable', 'container:'),
      fc.string().map((name) => `container:${name}`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(parsers)), value, (parse, input) => {
        try {
          return parse(input) === input;
        } catch (error) {
          return error instanceof NamespaceModeError && error.input === input;
        }
      }),
    );
  });
});
