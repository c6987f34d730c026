import { readServiceUpdate } from '@berth/service-spec';
import type { CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { waitForConvergence } from '../swarm/convergence';
import { readRefusingUsage } from '../swarm/refusals';
import { SERVICE_UPDATE_CLI_FLAGS } from '../swarm/service-flags';
import { findServices } from '../swarm/service-lookup';

/** `berth service update [OPTIONS] SERVICE`: the service's spec changed as the options say, rolled out by the swarm. */
export const command: CommandModule = {
  usage: '[OPTIONS] SERVICE',
  flags: [...SERVICE_UPDATE_CLI_FLAGS, DRY_RUN_FLAG],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const engine = context.engine();
    const [service] = await findServices(engine, context.args);
    if (!service) return 1;
    const update = readRefusingUsage(() => readServiceUpdate(service.Spec, context.parsed));
    await engine.request({
      method: 'POST',
      path: `/services/${service.ID}/update`,
      query: { version: service.Version.Index },
      body: update.spec,
    });
    if (context.dryRun) return 0;
    context.io.stdout.write(`${update.service}\n`);
    if (!update.detach && !update.quiet)
      await waitForConvergence(engine, service.ID, context.io, { rollingUpdate: true });
    return 0;
  },
};
