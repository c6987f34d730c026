// docker's `stats` figures from the Engine API's stats document (docker/cli's stats helpers), for cgroup v1 and v2.

/** The CPU part of a stats document, `cpu_stats` or `precpu_stats`. */
export interface CpuReading {
  cpu_usage: { total_usage: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

/** The fields of `GET /containers/{id}/stats` that docker's figures come from. */
export interface StatsSample {
  id?: string;
  name?: string;
  cpu_stats: CpuReading;
  precpu_stats?: CpuReading;
  memory_stats: { usage?: number; limit?: number; stats?: Record<string, number> };
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
  pids_stats?: { current?: number };
}

/** One row of `docker stats`, as numbers. */
export interface StatsFigures {
  id: string;
  /** The container's name as the engine gives it, with its leading slash. */
  name: string;
  cpuPercent: number;
  memoryUsage: number;
  memoryLimit: number;
  memoryPercent: number;
  networkRx: number;
  networkTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number;
}

/**
 * The share of the host's CPUs the container used between two readings, in percent of one CPU (400% is four busy
 * CPUs): 0 when either delta is not positive, as docker shows it.
 */
export function cpuPercent(previous: CpuReading | undefined, current: CpuReading): number {
  const cpuDelta = current.cpu_usage.total_usage - (previous?.cpu_usage.total_usage ?? 0);
  const systemDelta = (current.system_cpu_usage ?? 0) - (previous?.system_cpu_usage ?? 0);
  const online = current.online_cpus || (current.cpu_usage.percpu_usage?.length ?? 0);
  return systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * online * 100 : 0;
}

/**
 * Memory in use without the page cache the kernel may drop: usage less `total_inactive_file` (cgroup v1) or
 * `inactive_file` (cgroup v2), the definition docker, cadvisor and containerd share.
 */
export function memoryUsage(memory: StatsSample['memory_stats']): number {
  const usage = memory.usage ?? 0;
  const stats = memory.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file ?? 0;
  return v2 < usage ? usage - v2 : usage;
}

/** Usage as a percentage of the limit; 0 while the limit is unknown (a container that is not running). */
export function memoryPercent(usage: number, limit: number): number {
  return limit !== 0 ? (usage / limit) * 100 : 0;
}

/** Bytes read and written, summed over devices from the `Read`/`Write` rows (by their first letter, as docker). */
export function blockIo(blkio: StatsSample['blkio_stats']): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const entry of blkio?.io_service_bytes_recursive ?? []) {
    const first = entry.op.charAt(0);
    if (first === 'r' || first === 'R') read += entry.value;
    else if (first === 'w' || first === 'W') write += entry.value;
  }
  return { read, write };
}

/** Bytes received and sent, summed over the container's interfaces. */
export function networkIo(networks: StatsSample['networks']): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const network of Object.values(networks ?? {})) {
    rx += network.rx_bytes;
    tx += network.tx_bytes;
  }
  return { rx, tx };
}

/**
 * A stats document's figures. CPU % needs an earlier reading: `previous` when given (two one-shot samples), else the
 * document's own `precpu_stats` (a streamed or two-sample document).
 */
export function statsFigures(sample: StatsSample, previous?: CpuReading): StatsFigures {
  const usage = memoryUsage(sample.memory_stats);
  const limit = sample.memory_stats.limit ?? 0;
  const network = networkIo(sample.networks);
  const block = blockIo(sample.blkio_stats);
  return {
    id: sample.id ?? '',
    name: sample.name ?? '',
    cpuPercent: cpuPercent(previous ?? sample.precpu_stats, sample.cpu_stats),
    memoryUsage: usage,
    memoryLimit: limit,
    memoryPercent: memoryPercent(usage, limit),
    networkRx: network.rx,
    networkTx: network.tx,
    blockRead: block.read,
    blockWrite: block.write,
    pids: sample.pids_stats?.current ?? 0,
  };
}
