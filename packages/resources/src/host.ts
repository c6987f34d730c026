/** What a tool knows about the machine the container will run on (e.g. from `docker info`: MemTotal, NCPU). */
export interface HostFacts {
  /** Total memory in bytes. */
  memoryBytes: number;
  /** CPUs the daemon may use. */
  cpuCount: number;
  /** Memory (NUMA) nodes; 1 on most machines. */
  memoryNodes?: number;
}
