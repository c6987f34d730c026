import { EngineError, NotFoundError } from '@berth/engine';
import type { CliFlag, CommandModule } from '../command';
import { CliError } from '../errors';
import { INSPECT_FORMAT_FLAG } from '../output/format-template';
import { printInspected } from '../output/inspect-output';

const SIZE: CliFlag = {
  long: 'size',
  short: 's',
  kind: 'bool',
  description: 'Display total file sizes if the type is container',
};
const TYPE: CliFlag = {
  long: 'type',
  kind: 'value',
  type: 'string',
  description: 'Only inspect objects of the given type',
};

const TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];
const ONE_OF = `must be one of "${TYPES.join('", "')}"`;

/** What a name is looked up as, in docker's order; swarm objects only on a swarm manager unless asked for. */
const LOOKUPS: readonly { type: string; swarm?: boolean; path?: (name: string) => string }[] = [
  { type: 'container' },
  { type: 'image' },
  { type: 'network' },
  { type: 'volume' },
  { type: 'service', swarm: true, path: (name) => `/services/${encodeURIComponent(name)}` },
  { type: 'task', swarm: true, path: (name) => `/tasks/${encodeURIComponent(name)}` },
  { type: 'node', swarm: true, path: (name) => `/nodes/${encodeURIComponent(name)}` },
  { type: 'plugin', path: (name) => `/plugins/${encodeURIComponent(name)}/json` },
  { type: 'secret', swarm: true, path: (name) => `/secrets/${encodeURIComponent(name)}` },
  { type: 'config', swarm: true, path: (name) => `/configs/${encodeURIComponent(name)}` },
];

// a name that is no object of a kind, or that kind's lookup cannot read it: docker tries the next kind
function skippable(error: unknown): boolean {
  if (error instanceof NotFoundError) return true;
  const message = error instanceof EngineError ? (error.daemonMessage ?? '') : '';
  return message.includes('not supported') || message.includes('invalid reference format');
}

/** `berth inspect`: any objects by name or id — containers, images, networks, volumes, plugins, swarm objects. */
export const command: CommandModule = {
  usage: '[OPTIONS] NAME|ID [NAME|ID...]',
  flags: [INSPECT_FORMAT_FLAG, SIZE, TYPE],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const type = context.string(TYPE) ?? '';
    if (context.given(TYPE) && type === '') throw new CliError('empty-type', type, `type is empty: ${ONE_OF}`);
    if (type !== '' && !TYPES.includes(type)) {
      throw new CliError('unknown-type', type, `unknown type: ${JSON.stringify(type)}: ${ONE_OF}`);
    }
    const engine = context.engine();
    const size = context.bool(SIZE);
    let swarmManager: Promise<boolean> | undefined;
    const isSwarmManager = () => {
      swarmManager ??= engine
        .request<{ Swarm?: { ControlAvailable?: boolean } }>({ method: 'GET', path: '/info' })
        .then((info) => info.Swarm?.ControlAvailable === true);
      return swarmManager;
    };
    const lookUp = (kind: string, name: string, path?: (name: string) => string): Promise<unknown> => {
      switch (kind) {
        case 'container':
          return engine.inspectContainer(name, { size });
        case 'image':
          return engine.inspectImage(name);
        case 'network':
          return engine.inspectNetwork(name);
        case 'volume':
          return engine.inspectVolume(name);
        default:
          return engine.request({ method: 'GET', path: path?.(name) ?? '', subject: name });
      }
    };
    const find = async (name: string): Promise<unknown> => {
      for (const lookup of LOOKUPS) {
        if (type !== '' && lookup.type !== type) continue;
        if (type === '' && lookup.swarm && !(await isSwarmManager())) continue;
        try {
          const document = await lookUp(lookup.type, name, lookup.path);
          if (size && lookup.type !== 'container') {
            context.io.stderr.write(`WARNING: --size ignored for ${lookup.type}\n`);
          }
          return document;
        } catch (error) {
          if (type === '' && skippable(error)) continue;
          throw error;
        }
      }
      throw new CliError('no-such-object', name, `Error: No such object: ${name}`);
    };
    return printInspected(context.io, context.args, context.string(INSPECT_FORMAT_FLAG) ?? '', find);
  },
};
