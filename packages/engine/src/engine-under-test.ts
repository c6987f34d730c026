import Docker from 'dockerode';
import { createEngine, type Engine, type EngineOptions } from './engine';

/**
 * The engine the tests of client, images and streams talk to: over berth's own connection, or over a dockerode
 * client's (`createEngine({ dockerode })`) in the vitest project that sets BERTH_ENGINE_TRANSPORT=dockerode.
 */
export function engineUnderTest(options: Pick<EngineOptions, 'maxApiVersion'> = {}): Engine {
  const overDockerode = process.env.BERTH_ENGINE_TRANSPORT === 'dockerode';
  return createEngine(overDockerode ? { ...options, dockerode: new Docker() } : options);
}
