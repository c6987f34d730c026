import type { CommandModule } from '../command';

/** `berth version`: the engine's version and the API version berth negotiated with it. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [],
  args: { kind: 'none' },
  async run(context) {
    const engine = context.engine();
    const version = await engine.version();
    context.io.stdout.write(
      `Engine: ${version.Version} (API ${await engine.apiVersion()}, ${engine.endpoint.address})\n`,
    );
    return 0;
  },
};
