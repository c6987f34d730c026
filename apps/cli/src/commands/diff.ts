import type { CommandModule } from '../command';
import { CliError } from '../errors';

interface Change {
  Kind: number;
  Path: string;
}

// the Engine API's change kinds, as docker letters them
const KINDS = ['C', 'A', 'D'];

/** `berth diff`: what changed in a container's filesystem — `C` changed, `A` added, `D` deleted. ch.3 */
export const command: CommandModule = {
  usage: 'CONTAINER',
  flags: [],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const container = context.args[0] ?? '';
    if (container === '') throw new CliError('empty-name', container, 'Container name cannot be empty');
    const changes = await context.engine().request<Change[] | null>({
      method: 'GET',
      path: `/containers/${encodeURIComponent(container)}/changes`,
      subject: container,
    });
    const lines = (changes ?? []).map((change) => `${KINDS[change.Kind] ?? '?'} ${change.Path}\n`);
    context.io.stdout.write(lines.join(''));
    return 0;
  },
};
