import { readServiceCreateArgs } from '@berth/service-spec';
import type { CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { waitForConvergence } from '../swarm/convergence';
import { readRefusingUsage } from '../swarm/refusals';
import { SERVICE_CREATE_CLI_FLAGS } from '../swarm/service-flags';

/**
 * `berth service create`: docker's flags, or `--from-run 'docker run …'` to carry a whole run line to a service
 * (what a service cannot carry is refused before the engine is called). Prints the service's id, then waits for it
 * to converge unless `-d`.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  flags: [...SERVICE_CREATE_CLI_FLAGS, DRY_RUN_FLAG],
  args: { kind: 'range', min: 0, max: Number.MAX_SAFE_INTEGER },
  interspersed: false,
  async run(context) {
    const engine = context.engine();
    // read twice, as run reads its line: the syntax before any engine call, then against the engine's API version
    readRefusingUsage(() => readServiceCreateArgs(context.parsed));
    const apiVersion = await engine.apiVersion();
    const { spec, detach, quiet } = readRefusingUsage(() => readServiceCreateArgs(context.parsed, { apiVersion }));
    const created = await engine.request<{ ID: string }>({ method: 'POST', path: '/services/create', body: spec });
    if (context.dryRun) return 0;
    context.io.stdout.write(`${created.ID}\n`);
    if (!detach && !quiet) await waitForConvergence(engine, created.ID, context.io);
    return 0;
  },
};
