import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll } from 'vitest';
import { dockerCli } from './docker-cli';
import { engineRequired } from './engine-kit';
import { newScope } from './labels';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../../scripts/swarm-engine.sh', import.meta.url));

/** A single-node swarm on an engine of the test file's own (scripts/swarm-engine.sh), apart from the shared one. */
export interface SwarmKit {
  /** False only when it could not start and BERTH_REQUIRE_ENGINE is not 1. */
  readonly available: boolean;
  /** Its `DOCKER_HOST`: give it to both CLIs (`env: swarm.env`). */
  readonly host: string;
  readonly env: Record<string, string>;
  readonly docker: Docker;
}

export class SwarmUnavailableError extends Error {
  override readonly name = 'SwarmUnavailableError';
}

/**
 * Starts an engine alone in a network namespace, with the local test images, and makes it a single-node swarm
 * manager; stops it and removes everything of it after the file's tests. Call it at the top level of the file.
 */
export async function useSwarmEngine(): Promise<SwarmKit> {
  const name = newScope().slice(0, 8);
  const stop = () => run('bash', [SCRIPT, 'stop', name]).catch(() => undefined);
  let host: string;
  try {
    host = (await run('bash', [SCRIPT, 'start', name])).stdout.trim();
    const init = await dockerCli(['swarm', 'init', '--advertise-addr', '127.0.0.1'], { env: { DOCKER_HOST: host } });
    if (init.exitCode !== 0) throw new SwarmUnavailableError(`docker swarm init failed: ${init.stderr}`);
  } catch (error) {
    await stop();
    if (engineRequired())
      throw new SwarmUnavailableError(`the swarm test engine did not start (${String(error)})`, { cause: error });
    return { available: false, host: '', env: {}, docker: new Docker() };
  }
  afterAll(stop, 60_000);
  const socketPath = host.replace(/^unix:\/\//, '');
  return { available: true, host, env: { DOCKER_HOST: host }, docker: new Docker({ socketPath }) };
}
