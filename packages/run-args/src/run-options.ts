import { RunArgsError } from './errors';

// The options of `docker run`/`create` that steer the client rather than the container: they are not part of the
// create request, but a tool that runs the command needs them.

/** What `--use-api-socket` bind-mounts, at the same path inside the container. */
export const API_SOCKET = '/var/run/docker.sock';

export type PullPolicy = 'always' | 'missing' | 'never';

const PULL_POLICIES: readonly PullPolicy[] = ['always', 'missing', 'never'];

export function parsePullPolicy(value: string | undefined): PullPolicy {
  if (value === undefined) return 'missing';
  const policy = PULL_POLICIES.find((candidate) => candidate === value);
  if (!policy) {
    throw new RunArgsError(
      'invalid-pull-policy',
      value,
      `invalid pull option: '${value}': must be one of "always", "missing" or "never"`,
    );
  }
  return policy;
}

// the daemon's rule for container names: at least two characters, a leading slash allowed
const CONTAINER_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function parseContainerName(value: string): string {
  if (!CONTAINER_NAME.test(value)) {
    throw new RunArgsError(
      'invalid-container-name',
      value,
      `Invalid container name (${value}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
    );
  }
  return value;
}
