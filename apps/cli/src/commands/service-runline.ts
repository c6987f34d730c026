import { quoteShellWord } from '@berth/run-args';
import { runArgsForService } from '@berth/service-spec';
import type { CommandModule } from '../command';
import { findServices } from '../swarm/service-lookup';

/** `berth service runline SERVICE`: the `berth run` line that starts one of the service's tasks as a container. */
export const command: CommandModule = {
  usage: 'SERVICE',
  flags: [],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const [service] = await findServices(context.engine(), context.args);
    if (!service) return 1;
    const words = runArgsForService(service.Spec).map(quoteShellWord);
    context.io.stdout.write(`berth run ${words.join(' ')}\n`);
    return 0;
  },
};
