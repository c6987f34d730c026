import { Engine } from '@berth/engine';
import { refused } from './exit-codes';
import type { CommandIo } from './io';

/** `berth version`: the engine's version and the API version berth negotiated with it. */
export async function versionCommand(io: CommandIo): Promise<number> {
  try {
    const engine = new Engine();
    const version = await engine.version();
    io.stdout.write(`Engine: ${version.Version} (API ${await engine.apiVersion()}, ${engine.endpoint.address})\n`);
    return 0;
  } catch (error) {
    return refused(error, io);
  }
}
