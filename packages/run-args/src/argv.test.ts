import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastBool } from './argv';
import { RunArgsError } from './errors';
import { CREATE_FLAGS, RUN_FLAGS } from './run-flags';

function parse(argv: string[]) {
  const { values, positionals } = RUN_FLAGS.parse(argv);
  return { values: Object.fromEntries(values), positionals };
}

describe('the docker CLI argv grammar', () => {
  it.each([
    [['busybox:1.29'], {}, ['busybox:1.29']],
    [['-d', 'busybox'], { detach: ['true'] }, ['busybox']],
    [['-dit', 'busybox', 'sh'], { detach: ['true'], interactive: ['true'], tty: ['true'] }, ['busybox', 'sh']],
    [['--rm=false', 'busybox'], { rm: ['false'] }, ['busybox']],
    [['-d=false', 'busybox'], { detach: ['false'] }, ['busybox']],
    [['-p80', 'busybox'], { publish: ['80'] }, ['busybox']],
    [['-p=80', 'busybox'], { publish: ['80'] }, ['busybox']],
    [['-p', '80', '-p', '81', 'busybox'], { publish: ['80', '81'] }, ['busybox']],
    [['-dp', '80', 'busybox'], { detach: ['true'], publish: ['80'] }, ['busybox']],
    [['--name=web', 'busybox'], { name: ['web'] }, ['busybox']],
    [['--name', 'web', 'busybox'], { name: ['web'] }, ['busybox']],
    [['--env', 'A=1=2', 'busybox'], { env: ['A=1=2'] }, ['busybox']],
    [['--', 'busybox', '--rm'], {}, ['busybox', '--rm']],
    [['-d', '--', '-x'], { detach: ['true'] }, ['-x']],
    [['busybox', '-d', '--rm'], {}, ['busybox', '-d', '--rm']],
    [['-', 'x'], {}, ['-', 'x']],
    [['--name', '--rm', 'busybox'], { name: ['--rm'] }, ['busybox']],
    [['-e', '-d', 'busybox'], { env: ['-d'] }, ['busybox']],
    [['--net', 'a', '--network', 'b', 'busybox'], { network: ['a', 'b'] }, ['busybox']],
    [['--dns-option', 'x', '--dns-opt', 'y', 'busybox'], { 'dns-option': ['x', 'y'] }, ['busybox']],
  ])('%j', (argv, values, positionals) => {
    expect(parse(argv)).toEqual({ values, positionals });
  });

  it.each([
    [['--nope', 'busybox'], 'unknown-flag', 'unknown flag: --nope'],
    [['-x', 'busybox'], 'unknown-shorthand', "unknown shorthand flag: 'x' in -x"],
    [['-dx', 'busybox'], 'unknown-shorthand', "unknown shorthand flag: 'x' in -dx"],
    [['---x', 'busybox'], 'bad-flag-syntax', 'bad flag syntax: ---x'],
    [['--=x', 'busybox'], 'bad-flag-syntax', 'bad flag syntax: --=x'],
    [['--name'], 'flag-needs-argument', 'flag needs an argument: --name'],
    [['-p'], 'flag-needs-argument', "flag needs an argument: 'p' in -p"],
    [['--rm=maybe', 'busybox'], 'invalid-boolean', 'invalid argument "maybe" for "--rm" flag'],
    [['-d=2', 'busybox'], 'invalid-boolean', 'invalid argument "2" for "-d, --detach" flag'],
  ])('refuses %j', (argv, code, message) => {
    const attempt = () => RUN_FLAGS.parse(argv);
    expect(attempt).toThrow(RunArgsError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code });
    }
  });

  it('docker create has no client-side attach options', () => {
    expect(() => CREATE_FLAGS.parse(['-d', 'busybox'])).toThrow("unknown shorthand flag: 'd' in -d");
    expect(() => CREATE_FLAGS.parse(['--sig-proxy=false', 'busybox'])).toThrow('unknown flag: --sig-proxy');
    expect(CREATE_FLAGS.parse(['--rm', 'busybox']).positionals).toEqual(['busybox']);
  });

  it('returns a value or its own error for any words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('-d', '--rm', '-p', '--', '-dit', '--name='))),
        (argv) => {
          try {
            const { positionals } = RUN_FLAGS.parse(argv);
            expect(argv.slice(argv.length - positionals.length)).toEqual(positionals);
          } catch (error) {
            expect(error).toBeInstanceOf(RunArgsError);
          }
        },
      ),
    );
  });
});

describe('interspersed arguments (docker rm web -f)', () => {
  const interspersed = (argv: string[]) => {
    const { values, positionals } = RUN_FLAGS.parse(argv, { interspersed: true });
    return { values: Object.fromEntries(values), positionals };
  };
  it.each([
    [['web', '-d'], { detach: ['true'] }, ['web']],
    [['a', '--name', 'x', 'b'], { name: ['x'] }, ['a', 'b']],
    [['a', '--', '-d', 'b'], {}, ['a', '-d', 'b']],
    [['-', 'a'], {}, ['-', 'a']],
  ])('%j', (argv, values, positionals) => {
    expect(interspersed(argv)).toEqual({ values, positionals });
  });
});

describe('FlagSet.with', () => {
  const withDryRun = RUN_FLAGS.with([{ long: 'dry-run', kind: 'bool' }]);

  it("reads a tool's own flag among docker's, wherever the options are", () => {
    const { values, positionals } = withDryRun.parse([
      '-p',
      '80',
      '--dry-run',
      '-e',
      '--dry-run',
      'busybox',
      '--dry-run',
    ]);
    expect(values.get('dry-run')).toEqual(['true']);
    // a value flag still takes the next word, whatever it looks like; after the image, everything is the command
    expect(values.get('env')).toEqual(['--dry-run']);
    expect(positionals).toEqual(['busybox', '--dry-run']);
    const dryRun = { long: 'dry-run', kind: 'bool' } as const;
    expect(lastBool(withDryRun.parse(['--dry-run', '--dry-run=false', 'busybox']), dryRun)).toBe(false);
    expect(lastBool(withDryRun.parse(['--dry-run=1', 'busybox']), dryRun)).toBe(true);
    expect(lastBool(withDryRun.parse(['busybox']), dryRun)).toBeUndefined();
  });

  it('leaves the set it extends as it was', () => {
    expect(() => RUN_FLAGS.parse(['--dry-run', 'busybox'])).toThrow(RunArgsError);
    expect(withDryRun.visible().map((flag) => flag.long)).toContain('dry-run');
    expect(withDryRun.get('net')?.aliasOf).toBe('network');
  });
});
