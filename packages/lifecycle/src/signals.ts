// Linux signal numbers, for comparing a `kill` event's number with a container's StopSignal name.
const LINUX_SIGNALS: Record<string, number> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ILL: 4,
  TRAP: 5,
  ABRT: 6,
  IOT: 6,
  BUS: 7,
  FPE: 8,
  KILL: 9,
  USR1: 10,
  SEGV: 11,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  STKFLT: 16,
  CHLD: 17,
  CLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  XCPU: 24,
  XFSZ: 25,
  VTALRM: 26,
  PROF: 27,
  WINCH: 28,
  IO: 29,
  POLL: 29,
  PWR: 30,
  SYS: 31,
};

const RTMIN = 34;
const RTMAX = 64;

/**
 * A signal's number as the engine reads `--stop-signal` / `docker kill -s`: a number, or a name with or without
 * `SIG`, in any case (`SIGTERM`, `term`, `15`, `RTMIN+3`). `undefined` for a name it does not know.
 */
export function signalNumber(signal: string | number): number | undefined {
  if (typeof signal === 'number') return signal;
  if (/^[0-9]+$/.test(signal)) return Number(signal);
  const name = signal.toUpperCase().replace(/^SIG/, '');
  const realtime = /^RT(MIN|MAX)(?:([+-])([0-9]+))?$/.exec(name);
  if (realtime) {
    const base = realtime[1] === 'MIN' ? RTMIN : RTMAX;
    const offset = Number(realtime[3] ?? 0) * (realtime[2] === '-' ? -1 : 1);
    return base + offset;
  }
  return LINUX_SIGNALS[name];
}
