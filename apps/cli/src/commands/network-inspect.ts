import type { NetworkInspect } from '@berth/engine';
import type { CliFlag, CommandModule } from '../command';
import { printInspected } from '../output/inspect-output';
import { INSPECT_FORMAT_HELP } from '../output/list-format';

const FORMAT: CliFlag = { long: 'format', short: 'f', kind: 'value', type: 'string', description: INSPECT_FORMAT_HELP };
const VERBOSE: CliFlag = { long: 'verbose', short: 'v', kind: 'bool', description: 'Verbose output for diagnostics' };

/** `berth network inspect` (ch.5.2.1): the networks' documents, their containers and IPAM included. */
export const command: CommandModule = {
  usage: '[OPTIONS] NETWORK [NETWORK...]',
  flags: [FORMAT, VERBOSE],
  args: { kind: 'min', count: 1 },
  run(context) {
    const engine = context.engine();
    // verbose adds what swarm services know of the network; a single engine's answer is the same without it
    const query = context.bool(VERBOSE) ? { verbose: true } : {};
    return printInspected(context.io, context.args, context.string(FORMAT) ?? '', (name) =>
      engine.request<NetworkInspect>({
        method: 'GET',
        path: `/networks/${encodeURIComponent(name)}`,
        query,
        subject: name,
      }),
    );
  },
};
