import { ResourceError, type ValueSource } from './errors';
import { parseGoRational } from './go-rational';
import { parseIntegerFlag } from './integer-flag';

// ch.6.1.2: --cpu-shares is a relative weight enforced only under contention; --cpus is a hard CFS quota.

const INT64_MAX = 2n ** 63n - 1n;
/** With docker's 100 ms period, the kernel's 1 ms minimum quota is 0.01 CPU. */
export const MIN_NANO_CPUS = 10_000_000;
/** The kernel's cpu.shares bounds on cgroup v1 (runc refuses values outside them when the container starts). */
export const MIN_CPU_SHARES = 2;
export const MAX_CPU_SHARES = 262_144;
/** The kernel's ceiling on cpu.cfs_quota_us: 2^44 - 1 µs. */
export const MAX_CPU_QUOTA = 2 ** 44 - 1;

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/**
 * `--cpus` → `NanoCpus`, computed exactly: `0.75` is 750000000, `1/3` is refused as too precise (more than nine
 * decimals), as docker's big.Rat arithmetic does. Negative values and values above a known CPU count are refused,
 * as the daemon does; so are values below 0.01, which the kernel would refuse when the container starts.
 */
export function parseCpus(value: string, cpuCount?: number): number {
  const source = { flag: '--cpus', input: value };
  const nanos = cpusInNanos(value);
  checkNanoCpus(nanos, source, cpuCount);
  return nanos;
}

/**
 * `--cpus` as docker's CLI reads it, before any range rule: a rational number of CPUs → nanoCPUs, exact, refused
 * only when it is not a number or has more than nine decimals (as docker's NanoCPUs flag does).
 */
export function cpusInNanos(value: string): number {
  const source = { flag: '--cpus', input: value };
  const rational = parseGoRational(value);
  if (!rational) throw new ResourceError('invalid-cpus', source, 'not a decimal or fraction of CPUs');
  if (rational.mantissa === 0n) return 0;

  const exp2 = rational.exp2 + 9;
  const exp5 = rational.exp5 + 9;
  // an estimate of log2(nanos), to refuse absurd exponents before computing them (it is off by at most 2)
  const magnitude = bitLength(rational.mantissa) + exp2 + exp5 * Math.log2(5) - bitLength(rational.divisor);
  if (magnitude > 66) throw new ResourceError('cpus-out-of-range', source, 'far more CPUs than any host has');
  if (magnitude < -4) throw new ResourceError('cpus-too-precise', source, 'value is too precise (at most 9 decimals)');

  const numerator = rational.mantissa * 2n ** BigInt(Math.max(exp2, 0)) * 5n ** BigInt(Math.max(exp5, 0));
  const denominator = rational.divisor * 2n ** BigInt(Math.max(-exp2, 0)) * 5n ** BigInt(Math.max(-exp5, 0));
  if (numerator % denominator !== 0n) {
    throw new ResourceError('cpus-too-precise', source, 'value is too precise (at most 9 decimals)');
  }
  const nanos = numerator / denominator;
  if (nanos > INT64_MAX) throw new ResourceError('cpus-out-of-range', source, 'far more CPUs than any host has');
  return rational.negative ? -Number(nanos) : Number(nanos);
}

/** The daemon's range for NanoCpus (0 means no limit), and the kernel's 0.01-CPU floor. */
export function checkNanoCpus(nanos: number, source: ValueSource, cpuCount?: number): void {
  if (nanos < 0) throw new ResourceError('cpus-out-of-range', source, 'the number of CPUs cannot be negative');
  if (nanos > 0 && nanos < MIN_NANO_CPUS) {
    throw new ResourceError('cpus-out-of-range', source, 'the minimum is 0.01 CPU (a 1 ms quota per 100 ms)');
  }
  if (cpuCount !== undefined && nanos > cpuCount * 1e9) {
    throw new ResourceError(
      'cpus-out-of-range',
      source,
      `the range is 0.01 to ${cpuCount}: the host has ${cpuCount} CPUs`,
    );
  }
}

/** cpu.shares: 0 keeps the default (1024); otherwise 2 to 262144, which runc enforces when the container starts. */
export function checkCpuShares(shares: number, source: ValueSource): void {
  if (shares !== 0 && (shares < MIN_CPU_SHARES || shares > MAX_CPU_SHARES)) {
    throw new ResourceError(
      'cpu-shares-out-of-range',
      source,
      `the range is ${MIN_CPU_SHARES} to ${MAX_CPU_SHARES} (or 0 for the default of 1024)`,
    );
  }
}

/** `-c`/`--cpu-shares` → `CpuShares`. */
export function parseCpuShares(value: string): number {
  return parseIntegerFlag(value, '--cpu-shares', checkCpuShares);
}

/** The daemon's CFS period range: 1 ms to 1 s, in microseconds (0 keeps the default of 100 ms). */
export function checkCpuPeriod(period: number, source: ValueSource): void {
  if (period !== 0 && (period < 1000 || period > 1_000_000)) {
    throw new ResourceError('cpu-period-out-of-range', source, 'the range is 1000 to 1000000 µs (1 ms to 1 s)');
  }
}

/** `--cpu-period` → `CpuPeriod` in microseconds. */
export function parseCpuPeriod(value: string): number {
  return parseIntegerFlag(value, '--cpu-period', checkCpuPeriod);
}

/** A positive CFS quota is at least 1 ms (the daemon's rule) and at most 2^44 - 1 µs (the kernel's); negative is unlimited. */
export function checkCpuQuota(quota: number, source: ValueSource): void {
  if (quota > 0 && quota < 1000) {
    throw new ResourceError('cpu-quota-out-of-range', source, 'a quota is at least 1000 µs (1 ms); -1 means none');
  }
  if (quota > MAX_CPU_QUOTA) {
    throw new ResourceError('cpu-quota-out-of-range', source, `the kernel's maximum is ${MAX_CPU_QUOTA} µs`);
  }
}

/** `--cpu-quota` → `CpuQuota` in microseconds per period. */
export function parseCpuQuota(value: string): number {
  return parseIntegerFlag(value, '--cpu-quota', checkCpuQuota);
}

export interface CpuRelations {
  NanoCpus?: number | undefined;
  CpuPeriod?: number | undefined;
  CpuQuota?: number | undefined;
}

/** The daemon refuses --cpus together with a positive --cpu-period or --cpu-quota: both set the CFS quota. */
export function checkCpuRelations(config: CpuRelations, sourceOf: (field: keyof CpuRelations) => ValueSource): void {
  if ((config.NanoCpus ?? 0) <= 0) return;
  if ((config.CpuPeriod ?? 0) > 0) {
    throw new ResourceError('cpus-conflict', sourceOf('NanoCpus'), '--cpus and --cpu-period cannot both be set');
  }
  if ((config.CpuQuota ?? 0) > 0) {
    throw new ResourceError('cpus-conflict', sourceOf('NanoCpus'), '--cpus and --cpu-quota cannot both be set');
  }
}
