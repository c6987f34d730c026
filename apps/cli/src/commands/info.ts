import type { CommandModule } from '../command';
import { EXIT_BAD_FORMAT, formatTemplate, INSPECT_FORMAT_FLAG } from '../output/format-template';
import { withIntegers } from '../output/go-json';
import { bytesSize } from '../output/sizes';
import { BERTH_VERSION } from '../version-info';

/** `GET /info`: the fields docker's layout prints. */
interface SystemInfo {
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
  Images: number;
  ServerVersion?: string;
  Driver?: string;
  DriverStatus?: [string, string][] | null;
  SystemStatus?: [string, string][] | null;
  LoggingDriver?: string;
  CgroupDriver?: string;
  CgroupVersion?: string;
  Plugins: {
    Volume?: string[] | null;
    Network?: string[] | null;
    Authorization?: string[] | null;
    Log?: string[] | null;
  };
  CDISpecDirs?: string[] | null;
  Swarm: { LocalNodeState: string; NodeID?: string; NodeAddr?: string; ControlAvailable?: boolean; Error?: string };
  Runtimes?: Record<string, unknown>;
  DefaultRuntime?: string;
  OSType?: string;
  InitBinary?: string;
  ContainerdCommit?: { ID: string };
  RuncCommit?: { ID: string };
  InitCommit?: { ID: string };
  SecurityOptions?: string[] | null;
  Isolation?: string;
  KernelVersion?: string;
  OperatingSystem?: string;
  Architecture?: string;
  NCPU: number;
  MemTotal: number;
  Name?: string;
  ID?: string;
  DockerRootDir: string;
  Debug: boolean;
  NFd?: number;
  NGoroutines?: number;
  SystemTime?: string;
  NEventsListener?: number;
  HttpProxy?: string;
  HttpsProxy?: string;
  NoProxy?: string;
  Labels?: string[] | null;
  ExperimentalBuild: boolean;
  RegistryConfig?: {
    IndexConfigs?: Record<string, { Name: string; Secure: boolean }>;
    InsecureRegistryCIDRs?: string[] | null;
    Mirrors?: string[] | null;
  } | null;
  LiveRestoreEnabled: boolean;
  ProductLicense?: string;
  DefaultAddressPools?: { Base: string; Size: number }[] | null;
  Warnings?: string[] | null;
}

/** docker's `--security-opt` list of the daemon (`name=seccomp,profile=default`) as names and profiles. */
function securityLines(options: readonly string[]): string[] {
  const lines: string[] = [];
  for (const option of options) {
    if (!option.includes('=')) {
      lines.push(`  ${option}`);
      continue;
    }
    const pairs = option.split(',').map((pair) => pair.split('=') as [string, string?]);
    lines.push(`  ${pairs.find(([key]) => key === 'name')?.[1] ?? ''}`);
    for (const [key, value] of pairs) if (key === 'profile') lines.push(`   Profile: ${value ?? ''}`);
  }
  return lines;
}

/** The Server part of `docker info`, line by line as docker prints it; swarm cluster details are left out. */
function serverLines(info: SystemInfo, debug: boolean): string[] {
  const lines: string[] = [];
  const line = (label: string, value: unknown) => lines.push(`${label} ${String(value)}`);
  const nonEmpty = (label: string, value: string | undefined) => {
    if (value !== undefined && value !== '') line(label, value);
  };
  line(' Containers:', info.Containers);
  line('  Running:', info.ContainersRunning);
  line('  Paused:', info.ContainersPaused);
  line('  Stopped:', info.ContainersStopped);
  line(' Images:', info.Images);
  nonEmpty(' Server Version:', info.ServerVersion);
  nonEmpty(' Storage Driver:', info.Driver);
  for (const [key, value] of info.DriverStatus ?? []) lines.push(`  ${key}: ${value}`);
  for (const [key, value] of info.SystemStatus ?? []) lines.push(` ${key}: ${value}`);
  nonEmpty(' Logging Driver:', info.LoggingDriver);
  nonEmpty(' Cgroup Driver:', info.CgroupDriver);
  nonEmpty(' Cgroup Version:', info.CgroupVersion);
  lines.push(' Plugins:');
  line('  Volume:', (info.Plugins.Volume ?? []).join(' '));
  line('  Network:', (info.Plugins.Network ?? []).join(' '));
  if ((info.Plugins.Authorization ?? []).length > 0) line('  Authorization:', info.Plugins.Authorization?.join(' '));
  line('  Log:', (info.Plugins.Log ?? []).join(' '));
  if ((info.CDISpecDirs ?? []).length > 0) {
    lines.push(' CDI spec directories:', ...(info.CDISpecDirs ?? []).map((dir) => `  ${dir}`));
  }
  line(' Swarm:', info.Swarm.LocalNodeState);
  if (info.Swarm.LocalNodeState !== 'inactive' && info.Swarm.LocalNodeState !== 'locked') {
    line('  NodeID:', info.Swarm.NodeID ?? '');
    if (info.Swarm.Error) line('  Error:', info.Swarm.Error);
    line('  Is Manager:', info.Swarm.ControlAvailable === true);
    line('  Node Address:', info.Swarm.NodeAddr ?? '');
  }
  const runtimes = Object.keys(info.Runtimes ?? {});
  if (runtimes.length > 0) {
    line(' Runtimes:', runtimes.join(' '));
    line(' Default Runtime:', info.DefaultRuntime ?? '');
  }
  if (info.OSType === 'linux') {
    line(' Init Binary:', info.InitBinary ?? '');
    line(' containerd version:', info.ContainerdCommit?.ID ?? '');
    line(' runc version:', info.RuncCommit?.ID ?? '');
    line(' init version:', info.InitCommit?.ID ?? '');
    if ((info.SecurityOptions ?? []).length > 0) {
      lines.push(' Security Options:', ...securityLines(info.SecurityOptions ?? []));
    }
  }
  if (info.OSType === 'windows') line(' Default Isolation:', info.Isolation ?? '');
  nonEmpty(' Kernel Version:', info.KernelVersion);
  nonEmpty(' Operating System:', info.OperatingSystem);
  nonEmpty(' OSType:', info.OSType);
  nonEmpty(' Architecture:', info.Architecture);
  line(' CPUs:', info.NCPU);
  line(' Total Memory:', bytesSize(info.MemTotal));
  nonEmpty(' Name:', info.Name);
  nonEmpty(' ID:', info.ID);
  line(' Docker Root Dir:', info.DockerRootDir);
  line(' Debug Mode:', info.Debug);
  if (info.Debug || debug) {
    line('  File Descriptors:', info.NFd ?? 0);
    line('  Goroutines:', info.NGoroutines ?? 0);
    line('  System Time:', info.SystemTime ?? '');
    line('  EventsListeners:', info.NEventsListener ?? 0);
  }
  nonEmpty(' HTTP Proxy:', info.HttpProxy);
  nonEmpty(' HTTPS Proxy:', info.HttpsProxy);
  nonEmpty(' No Proxy:', info.NoProxy);
  if ((info.Labels ?? []).length > 0) lines.push(' Labels:', ...(info.Labels ?? []).map((label) => `  ${label}`));
  line(' Experimental:', info.ExperimentalBuild);
  const registries = info.RegistryConfig;
  const indexes = Object.values(registries?.IndexConfigs ?? {});
  const cidrs = registries?.InsecureRegistryCIDRs ?? [];
  if (registries && (cidrs.length > 0 || indexes.length > 0)) {
    lines.push(' Insecure Registries:');
    for (const index of indexes) if (!index.Secure) lines.push(`  ${index.Name}`);
    for (const cidr of cidrs) lines.push(`  ${cidr}`);
  }
  if ((registries?.Mirrors ?? []).length > 0) {
    lines.push(' Registry Mirrors:', ...(registries?.Mirrors ?? []).map((mirror) => `  ${mirror}`));
  }
  line(' Live Restore Enabled:', info.LiveRestoreEnabled);
  if (info.ProductLicense) line(' Product License:', info.ProductLicense);
  if ((info.DefaultAddressPools ?? []).length > 0) {
    lines.push(' Default Address Pools:');
    for (const pool of info.DefaultAddressPools ?? []) lines.push(`   Base: ${pool.Base}, Size: ${pool.Size}`);
  }
  return lines;
}

/** `berth info`: berth's client facts and the engine's, in docker's layout or through a --format template. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [INSPECT_FORMAT_FLAG],
  args: { kind: 'none' },
  async run(context) {
    const format = context.string(INSPECT_FORMAT_FLAG) ?? '';
    const { io } = context;
    const template = formatTemplate(io, format, { refusal: 'template parsing error' });
    if (template === EXIT_BAD_FORMAT) return template;
    const engine = context.engine();
    const client = {
      Debug: context.globals.debug,
      Version: BERTH_VERSION,
      NodeVersion: process.version,
      Context: engine.endpoint.context,
      Plugins: [],
      Warnings: null,
    };
    const info = await engine.request<SystemInfo>({ method: 'GET', path: '/info' });
    if (template !== undefined) {
      io.stdout.write(`${template.execute(withIntegers({ ...info, ClientInfo: client }))}\n`);
      return 0;
    }
    const clientLines = [
      ` Version:    ${client.Version}`,
      ` Context:    ${client.Context}`,
      ` Debug Mode: ${client.Debug}`,
    ];
    io.stdout.write(['Client:', ...clientLines, '', 'Server:', ...serverLines(info, client.Debug), '', ''].join('\n'));
    for (const warning of info.Warnings ?? []) io.stderr.write(`${warning}\n`);
    return 0;
  },
};
