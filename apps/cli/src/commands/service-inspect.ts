import type { CommandModule } from '../command';
import { CliError } from '../errors';
import { EXIT_BAD_FORMAT, INSPECT_FORMAT_FLAG } from '../output/format-template';
import { printInspected } from '../output/inspect-output';
import { findServices } from '../swarm/service-lookup';

/** `berth service inspect SERVICE...`: each service's document, as `docker service inspect` prints it. */
export const command: CommandModule = {
  usage: '[OPTIONS] SERVICE [SERVICE...]',
  flags: [INSPECT_FORMAT_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    const exitCode = await printInspected(
      context.io,
      context.args,
      context.string(INSPECT_FORMAT_FLAG) ?? '',
      async (name) => {
        // inspect names the failure as docker's inspect does, `Error: ` first
        const [found] = await findServices(engine, [name]).catch((error: unknown) => {
          throw new CliError('no-such-service', name, `Error: no such service: ${name}`, { cause: error });
        });
        return engine.request({
          method: 'GET',
          path: `/services/${found?.ID ?? name}`,
          query: { insertDefaults: false },
        });
      },
    );
    // docker's service inspect exits 1 on a template that does not parse, where its container inspect exits 64
    return exitCode === EXIT_BAD_FORMAT ? 1 : exitCode;
  },
};
