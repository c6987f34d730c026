import { describe, expect, it } from 'vitest';
import { parseCpuPeriod, parseCpuQuota, parseCpuShares, parseCpus } from './cpu';
import { ResourceError } from './errors';

function refusal(run: () => unknown): ResourceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ResourceError) return error;
    throw error;
  }
  throw new Error('expected a ResourceError');
}

describe('parseCpus → NanoCpus, exactly', () => {
  it.each([
    ['0.75', 750_000_000],
    ['1', 1_000_000_000],
    ['2', 2_000_000_000],
    ['0', 0],
    ['-0', 0],
    ['0.01', 10_000_000],
    ['1.5', 1_500_000_000],
    ['0.123456789', 123_456_789],
    ['1.000000001', 1_000_000_001],
    ['.5', 500_000_000],
    ['3/4', 750_000_000],
    ['010/8', 1_000_000_000],
    ['01.5', 1_500_000_000],
    ['0x1.8', 1_500_000_000],
    ['0b1.1', 1_500_000_000],
    ['0x1p-1', 500_000_000],
    ['1p1', 2_000_000_000],
    ['1_0/10', 1_000_000_000],
    ['0.7_5', 750_000_000],
    ['7.5e-1', 750_000_000],
    ['1000', 1_000_000_000_000],
    ['0.1', 100_000_000],
    ['0.3', 300_000_000],
  ])('%j → %d', (input, nanos) => {
    expect(parseCpus(input)).toBe(nanos);
  });

  it('does not round through floats: 0.1 + 0.2 style inputs stay exact', () => {
    expect(parseCpus('0.300000001')).toBe(300_000_001);
    expect(parseCpus('1.999999999')).toBe(1_999_999_999);
  });

  it.each([
    ['1.0000000001', 'cpus-too-precise'],
    ['1e-10', 'cpus-too-precise'],
    ['1/3', 'cpus-too-precise'],
    ['0x1p-30', 'cpus-too-precise'],
    ['1p-40', 'cpus-too-precise'],
    ['', 'invalid-cpus'],
    [' 1', 'invalid-cpus'],
    ['1 ', 'invalid-cpus'],
    ['_1', 'invalid-cpus'],
    ['1/0', 'invalid-cpus'],
    ['inf', 'invalid-cpus'],
    ['NaN', 'invalid-cpus'],
    ['1.2.3', 'invalid-cpus'],
    ['1e', 'invalid-cpus'],
    ['-1', 'cpus-out-of-range'],
    ['-0.5', 'cpus-out-of-range'],
    ['0.001', 'cpus-out-of-range'],
    ['0.009999999', 'cpus-out-of-range'],
    ['18446744074.709551616', 'cpus-out-of-range'],
    ['1e999999', 'cpus-out-of-range'],
  ])('%j is refused: %s', (input, code) => {
    expect(refusal(() => parseCpus(input))).toMatchObject({ code, input, flag: '--cpus' });
  });

  it('refuses more CPUs than a known host has, as the daemon does', () => {
    expect(parseCpus('2', 2)).toBe(2e9);
    expect(refusal(() => parseCpus('2.5', 2))).toMatchObject({ code: 'cpus-out-of-range', input: '2.5' });
    expect(refusal(() => parseCpus('3', 2)).message).toBe(
      'invalid --cpus value "3": the range is 0.01 to 2: the host has 2 CPUs',
    );
  });
});

describe('CPU shares, period and quota', () => {
  it.each([
    ['512', 512],
    ['1024', 1024],
    ['0', 0],
    ['2', 2],
    ['262144', 262_144],
    ['0x200', 512],
    ['010', 8],
    ['1_000', 1000],
  ])('--cpu-shares %j → %d', (input, shares) => {
    expect(parseCpuShares(input)).toBe(shares);
  });

  it.each([
    ['08', 'invalid-integer'],
    ['1.5', 'invalid-integer'],
    ['', 'invalid-integer'],
    ['1', 'cpu-shares-out-of-range'],
    ['-5', 'cpu-shares-out-of-range'],
    ['262145', 'cpu-shares-out-of-range'],
    ['9223372036854775808', 'integer-out-of-range'],
    ['9007199254740993', 'integer-out-of-range'],
  ])('--cpu-shares %j is refused: %s', (input, code) => {
    expect(refusal(() => parseCpuShares(input))).toMatchObject({ code, input, flag: '--cpu-shares' });
  });

  it.each([
    ['100000', 100_000],
    ['1000', 1000],
    ['1000000', 1_000_000],
    ['0', 0],
  ])('--cpu-period %j → %d', (input, period) => {
    expect(parseCpuPeriod(input)).toBe(period);
  });

  it.each(['999', '-1', '1000001'])('--cpu-period %j is out of range', (input) => {
    expect(refusal(() => parseCpuPeriod(input))).toMatchObject({ code: 'cpu-period-out-of-range', input });
  });

  it.each([
    ['50000', 50_000],
    ['1000', 1000],
    ['-1', -1],
    ['-5', -5],
    ['0', 0],
    ['17592186044415', 17_592_186_044_415],
  ])('--cpu-quota %j → %d', (input, quota) => {
    expect(parseCpuQuota(input)).toBe(quota);
  });

  it.each(['999', '1', '17592186044416'])('--cpu-quota %j is out of range', (input) => {
    expect(refusal(() => parseCpuQuota(input))).toMatchObject({ code: 'cpu-quota-out-of-range', input });
  });
});
