import type { ContainerInspect } from '@berth/types';

export const ANONYMOUS_VOLUME = /^[0-9a-f]{64}$/;

/**
 * The part of an inspect document that a command line decides, for comparing two containers made from the same
 * arguments: ids, names, timestamps, paths and random volume names are left out or masked.
 */
export function comparableInspect(inspect: ContainerInspect): {
  Config: ContainerInspect['Config'];
  HostConfig: ContainerInspect['HostConfig'];
  Mounts: ContainerInspect['Mounts'];
  Networks: Record<string, unknown>;
} {
  const { Hostname, ...config } = inspect.Config;
  const mounts = [...inspect.Mounts]
    .map((mount) =>
      mount.Name && ANONYMOUS_VOLUME.test(mount.Name)
        ? { ...mount, Name: '<anonymous>', Source: '<anonymous>' }
        : mount,
    )
    .sort((a, b) => a.Destination.localeCompare(b.Destination));
  const networks: Record<string, unknown> = {};
  for (const [name, endpoint] of Object.entries(inspect.NetworkSettings.Networks ?? {})) {
    networks[name] = {
      IPAMConfig: endpoint.IPAMConfig ?? null,
      Links: endpoint.Links ?? null,
      Aliases: endpoint.Aliases ?? null,
      DriverOpts: endpoint.DriverOpts ?? null,
    };
  }
  return {
    Config: Hostname === undefined || inspect.Id.startsWith(Hostname) ? config : { ...config, Hostname },
    HostConfig: inspect.HostConfig,
    Mounts: mounts,
    Networks: networks,
  };
}
