// ch.5.2–5.3: the network modes of `HostConfig.NetworkMode`. Only user-defined networks take aliases, fixed IPs
// and endpoint links; `host` and `none` are attachment types rather than networks; `container:<x>` joins another
// container's network namespace.
import { cut } from '@berth/go-syntax';

export type NetworkModeKind = 'default' | 'bridge' | 'host' | 'none' | 'container' | 'user-defined';

/** What a `HostConfig.NetworkMode` value is (docker's NetworkMode.Is… methods). */
export function networkModeKind(mode: string): NetworkModeKind {
  if (mode === 'default' || mode === 'bridge' || mode === 'host' || mode === 'none') return mode;
  const [prefix, , found] = cut(mode, ':');
  return found && prefix === 'container' ? 'container' : 'user-defined';
}

/** Whether a network mode names a user-defined network. */
export function isUserDefinedNetwork(mode: string): boolean {
  return networkModeKind(mode) === 'user-defined';
}

/** The `<name|id>` of a `container:<name|id>` mode, `undefined` for any other mode. */
export function networkContainer(mode: string): string | undefined {
  return networkModeKind(mode) === 'container' ? cut(mode, ':')[1] : undefined;
}
