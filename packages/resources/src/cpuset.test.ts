import { describe, expect, it } from 'vitest';
import { cpusetMembers, parseCpusetCpus, parseCpusetMems } from './cpuset';

describe('cpusets', () => {
  it.each([
    ['0', [0]],
    ['0,1,2', [0, 1, 2]],
    ['0-2', [0, 1, 2]],
    ['0-1,3', [0, 1, 3]],
    ['0-0,0', [0, 0]],
    ['01', [1]],
    ['3,2,1', [3, 2, 1]],
    ['', []],
    ['8192', [8192]],
  ])('%j names %j', (list, members) => {
    expect(cpusetMembers(list, { flag: '--cpuset-cpus' })).toEqual(members);
  });

  it('keeps the list as written', () => {
    expect(parseCpusetCpus('0-1,3')).toBe('0-1,3');
    expect(parseCpusetMems('0')).toBe('0');
  });

  it.each([
    ['1,', 'invalid-cpuset'],
    [',1', 'invalid-cpuset'],
    ['1-0', 'invalid-cpuset'],
    ['-1', 'invalid-cpuset'],
    ['+1', 'invalid-cpuset'],
    ['1-+1', 'invalid-cpuset'],
    ['0--0', 'invalid-cpuset'],
    [' 1', 'invalid-cpuset'],
    ['1-2-3', 'invalid-cpuset'],
    ['0-7:2', 'invalid-cpuset'],
    ['a', 'invalid-cpuset'],
    ['8193', 'cpuset-out-of-range'],
    ['0-100000', 'cpuset-out-of-range'],
  ])('%j is refused: %s', (list, code) => {
    expect(() => parseCpusetCpus(list)).toThrow(expect.objectContaining({ code, input: list, flag: '--cpuset-cpus' }));
  });

  it('refuses CPUs and memory nodes the host does not have, as the daemon does', () => {
    expect(parseCpusetCpus('0-1', 2)).toBe('0-1');
    expect(() => parseCpusetCpus('2', 2)).toThrow(
      expect.objectContaining({
        code: 'cpuset-unavailable',
        message: 'invalid --cpuset-cpus value "2": 2 is not available (the host\'s CPUs: 0-1)',
      }),
    );
    expect(() => parseCpusetMems('1', 1)).toThrow(expect.objectContaining({ code: 'cpuset-unavailable', input: '1' }));
  });

  it('raises the 8192 ceiling on a host with more CPUs', () => {
    expect(parseCpusetCpus('9000', 10_000)).toBe('9000');
  });
});
