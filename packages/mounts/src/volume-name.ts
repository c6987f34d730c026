// Names the local volume driver accepts for a new volume (moby's RestrictedNamePattern).
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Why the local driver would refuse `name`, or undefined when it accepts it. */
export function localVolumeNameProblem(name: string): string | undefined {
  if (name.length === 1) return 'volume name is too short, names should be at least two alphanumeric characters';
  if (!VOLUME_NAME.test(name)) {
    return `${JSON.stringify(name)} includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed`;
  }
  return undefined;
}

/** Whether the engine's local driver (rather than a plugin) would create the volume. */
export function isLocalDriver(driver: string | undefined): boolean {
  return driver === undefined || driver === '' || driver === 'local';
}
