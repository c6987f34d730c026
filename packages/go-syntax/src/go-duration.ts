// Go's time.ParseDuration, as the docker CLI reads `--health-*`, `--stop-timeout`-like duration flags: signed
// sequences of decimal numbers, each with an optional fraction and a unit (`1h2m`, `1.5s`, `300ms`), or a bare `0`.

export type GoDurationResult = { ok: true; nanoseconds: bigint } | { ok: false; message: string };

const INT64_MAX = 2n ** 63n - 1n;

const UNIT_NANOSECONDS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5, micro sign
  μs: 1_000n, // U+03BC, Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** The duration in nanoseconds, or why Go refuses it, in Go's words (`time: missing unit in duration "1"`). */
export function parseGoDuration(text: string): GoDurationResult {
  const invalid = { ok: false, message: `time: invalid duration "${text}"` } as const;
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, nanoseconds: 0n };
  if (rest === '') return invalid;
  let total = 0n;
  while (rest.length > 0) {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2] ?? '';
    if (whole === '' && fraction === '') return invalid;
    rest = rest.slice(number?.[0].length ?? 0);
    const unit = /^[^\d.]+/.exec(rest)?.[0] ?? '';
    if (unit === '') return { ok: false, message: `time: missing unit in duration "${text}"` };
    const scale = UNIT_NANOSECONDS[unit];
    if (scale === undefined) return { ok: false, message: `time: unknown unit "${unit}" in duration "${text}"` };
    rest = rest.slice(unit.length);
    // exact: the fraction is scaled in integers, then truncated to whole nanoseconds as Go does
    const fractionValue = fraction === '' ? 0n : (BigInt(fraction) * scale) / 10n ** BigInt(fraction.length);
    total += BigInt(whole === '' ? '0' : whole) * scale + fractionValue;
    if (total > INT64_MAX) return invalid;
  }
  return { ok: true, nanoseconds: negative ? -total : total };
}
