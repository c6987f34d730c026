import { lookupPorts, PortError } from '@berth/network';
import type { CommandModule } from '../command';
import { CliError } from '../errors';

/** docker's words for a port it cannot read: Go's strconv.ParseUint refusal. */
function invalidPort(port: string): CliError {
  const why = /^[0-9]+$/.test(port) ? 'value out of range' : 'invalid syntax';
  return new CliError(
    'invalid-port',
    port,
    `Error: invalid port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: ${why}`,
  );
}

/** `berth port`: a container's published ports, or the host addresses of one of them. ch.5.4 */
export const command: CommandModule = {
  usage: 'CONTAINER [PRIVATE_PORT[/PROTO]]',
  flags: [],
  args: { kind: 'range', min: 1, max: 2 },
  async run(context) {
    const [container = '', given] = context.args;
    // an empty port is no port, as with docker
    const filter = given === '' ? undefined : given;
    const inspect = await context.engine().inspectContainer(container);
    let lines: string[];
    try {
      lines = lookupPorts(inspect.NetworkSettings.Ports, filter);
    } catch (error) {
      if (!(error instanceof PortError) || filter === undefined) throw error;
      if (error.code === 'invalid-port') throw invalidPort(filter.split('/')[0] ?? '');
      throw new CliError(error.code, filter, `Error: No public port '${filter}' published for ${container}`, {
        cause: error,
      });
    }
    if (lines.length > 0) context.io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
