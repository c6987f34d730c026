// Shapes of the Engine API answers only this client reads (request shapes and inspect documents are in @berth/types).

import type { ContainerConfig, IPAM, Volume } from '@berth/types';

/** `GET /version`. */
export interface SystemVersion {
  Version: string;
  ApiVersion: string;
  MinAPIVersion: string;
  Os: string;
  Arch: string;
  KernelVersion?: string;
  GitCommit?: string;
  GoVersion?: string;
  BuildTime?: string;
  Experimental?: boolean;
  Components?: { Name: string; Version: string; Details?: Record<string, string> }[];
}

/** `POST /containers/create`, `POST /containers/{id}/exec`, `POST /networks/create`. */
export interface CreateResponse {
  Id: string;
  Warnings?: string[] | null;
}

/** `POST /containers/{id}/wait`. */
export interface WaitResponse {
  StatusCode: number;
  Error?: { Message: string } | null;
}

/** `GET /exec/{id}/json`. */
export interface ExecInspect {
  ID: string;
  ContainerID: string;
  Running: boolean;
  ExitCode: number | null;
  Pid: number;
  OpenStdin: boolean;
  OpenStdout: boolean;
  OpenStderr: boolean;
  ProcessConfig: { entrypoint: string; arguments: string[]; tty: boolean; user?: string; privileged?: boolean };
}

/** One sample of `GET /containers/{id}/stats` (cgroup v1 and v2 fill different parts). */
export interface ContainerStats {
  id?: string;
  name?: string;
  read: string;
  preread: string;
  pids_stats?: { current?: number; limit?: number };
  cpu_stats: {
    cpu_usage: {
      total_usage: number;
      usage_in_kernelmode?: number;
      usage_in_usermode?: number;
      percpu_usage?: number[];
    };
    system_cpu_usage?: number;
    online_cpus?: number;
    throttling_data?: { periods: number; throttled_periods: number; throttled_time: number };
  };
  precpu_stats: ContainerStats['cpu_stats'];
  memory_stats: { usage?: number; max_usage?: number; limit?: number; stats?: Record<string, number> };
  blkio_stats?: Record<string, { major: number; minor: number; op: string; value: number }[] | null>;
  networks?: Record<string, { rx_bytes: number; tx_bytes: number; rx_packets: number; tx_packets: number }>;
}

/** One item of `GET /images/json`. */
export interface ImageSummary {
  Id: string;
  ParentId: string;
  RepoTags: string[] | null;
  RepoDigests: string[] | null;
  Created: number;
  Size: number;
  Labels: Record<string, string> | null;
  Containers: number;
}

/** `GET /images/{name}/json`: the fields berth reads. */
export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Parent: string;
  Created: string;
  Architecture: string;
  Os: string;
  Size: number;
  Config: ContainerConfig | null;
  RootFS: { Type: string; Layers?: string[] };
}

/** One item of `DELETE /images/{name}`. */
export interface ImageDeleteItem {
  Untagged?: string;
  Deleted?: string;
}

/** `GET /networks/{id}`. */
export interface NetworkInspect {
  Name: string;
  Id: string;
  Created: string;
  Scope: string;
  Driver: string;
  EnableIPv6: boolean;
  IPAM: IPAM;
  Internal: boolean;
  Attachable: boolean;
  Containers?: Record<string, { Name: string; EndpointID: string; MacAddress: string; IPv4Address: string }>;
  Options: Record<string, string> | null;
  Labels: Record<string, string> | null;
}

/** `GET /volumes`. */
export interface VolumeList {
  Volumes: Volume[] | null;
  Warnings: string[] | null;
}
