import { ResourceError, type ValueSource } from './errors';

// ch.6.1.2: --cpuset-cpus pins a container to cores, as a list `0,1,2`, a range `0-2`, or both `0-1,3`.

/** The daemon accepts CPU and memory-node numbers up to 8192 (Linux's usual maximum), or more on a larger host. */
export const MAX_CPUSET_MEMBER = 8192;

/** Which of the two cpuset flags a list belongs to, and how many CPUs or memory nodes the host has, when known. */
export interface CpusetTarget {
  flag: '--cpuset-cpus' | '--cpuset-mems';
  available?: number | undefined;
}

function member(text: string, source: ValueSource): number {
  // the daemon's Atoi also takes a sign, but the kernel refuses "+1" when the container starts
  if (!/^[0-9]+$/.test(text)) {
    throw new ResourceError('invalid-cpuset', source, `"${text}" is not a number (expected a list like 0-2,4)`);
  }
  return Number(text);
}

/**
 * The CPUs or memory nodes a cpuset list names, in order, duplicates kept (`0-0,0` is allowed). The empty list
 * names none (no pinning). Validated as the daemon does, and against the host's count when `available` is given.
 */
export function cpusetMembers(list: string, target: CpusetTarget): number[] {
  const source = { flag: target.flag, input: list };
  if (list === '') return [];
  const maximum = Math.max(MAX_CPUSET_MEMBER, (target.available ?? 0) - 1);
  const members: number[] = [];
  for (const part of list.split(',')) {
    const dash = part.indexOf('-');
    const first = member(dash === -1 ? part : part.slice(0, dash), source);
    const last = dash === -1 ? first : member(part.slice(dash + 1), source);
    if (last < first) throw new ResourceError('invalid-cpuset', source, `the range "${part}" runs backwards`);
    if (last > maximum) throw new ResourceError('cpuset-out-of-range', source, `the maximum is ${maximum}`);
    for (let cpu = first; cpu <= last; cpu++) members.push(cpu);
  }
  const available = target.available;
  if (available !== undefined) {
    const missing = members.find((cpu) => cpu >= available);
    if (missing !== undefined) {
      const what = target.flag === '--cpuset-cpus' ? 'CPUs' : 'memory nodes';
      const range = available === 1 ? '0' : `0-${available - 1}`;
      throw new ResourceError(
        'cpuset-unavailable',
        source,
        `${missing} is not available (the host's ${what}: ${range})`,
      );
    }
  }
  return members;
}

/** `--cpuset-cpus` → `CpusetCpus`, as written once validated. */
export function parseCpusetCpus(value: string, cpuCount?: number): string {
  cpusetMembers(value, { flag: '--cpuset-cpus', available: cpuCount });
  return value;
}

/** `--cpuset-mems` → `CpusetMems`, as written once validated. */
export function parseCpusetMems(value: string, memoryNodes?: number): string {
  cpusetMembers(value, { flag: '--cpuset-mems', available: memoryNodes });
  return value;
}
