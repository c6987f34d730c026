// What the engine's local volume driver (moby volume/local) accepts when it creates a volume.

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Options the local driver knows, each with the options it needs beside it. */
const DRIVER_OPTIONS: Record<string, readonly string[]> = {
  type: ['device'],
  device: ['type'],
  o: ['device', 'type'],
  size: [],
};

/** Whether the engine's local driver (rather than a plugin) would create the volume. */
export function isLocalDriver(driver: string | undefined): boolean {
  return driver === undefined || driver === '' || driver === 'local';
}

/** Why the local driver would refuse `name`, or undefined when it accepts it. */
export function localVolumeNameProblem(name: string): string | undefined {
  if (name.length === 1) return 'volume name is too short, names should be at least two alphanumeric characters';
  if (!VOLUME_NAME.test(name)) {
    return `${JSON.stringify(name)} includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed`;
  }
  return undefined;
}

/** The first option the local driver would refuse for a new volume, with the reason, or undefined. */
export function localDriverOptionProblem(keys: readonly string[]): { key: string; problem: string } | undefined {
  for (const key of keys) {
    const needs = Object.hasOwn(DRIVER_OPTIONS, key) ? DRIVER_OPTIONS[key] : undefined;
    if (needs === undefined) {
      return {
        key,
        problem: `invalid option: ${JSON.stringify(key)} (the local driver knows type, device, o and size)`,
      };
    }
    const missing = needs.find((required) => !keys.includes(required));
    if (missing !== undefined) return { key, problem: `missing required option: ${JSON.stringify(missing)}` };
  }
  return undefined;
}
