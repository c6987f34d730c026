import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { UsageError } from '../errors';
import { forEachObject } from '../objects';
import { waitForConvergence } from '../swarm/convergence';
import { findServices } from '../swarm/service-lookup';

const DETACH: CliFlag = {
  long: 'detach',
  short: 'd',
  kind: 'bool',
  description: 'Exit immediately instead of waiting for the service to converge',
};

function scaling(word: string): [string, number] {
  const equals = word.indexOf('=');
  const replicas = word.slice(equals + 1);
  if (equals < 1 || !/^[0-9]+$/.test(replicas)) {
    throw new UsageError(
      'invalid-scale',
      word,
      `Invalid scale specifier '${word}'.\nSee 'berth service scale --help'.`,
      1,
    );
  }
  return [word.slice(0, equals), Number(replicas)];
}

/** `berth service scale SERVICE=REPLICAS...`: each replicated service set to that many tasks. */
export const command: CommandModule = {
  usage: 'SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  flags: [DETACH, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    const wanted = context.args.map(scaling);
    const ids: string[] = [];
    await forEachObject(
      wanted.map(([name]) => name),
      async (name) => {
        const [service] = await findServices(engine, [name]);
        const replicas = wanted.find(([each]) => each === name)?.[1] ?? 0;
        if (!service?.Spec.Mode?.Replicated) {
          throw new UsageError(
            'not-replicated',
            name,
            `scale can only be used with replicated or replicated-job mode`,
            1,
          );
        }
        await engine.request({
          method: 'POST',
          path: `/services/${service.ID}/update`,
          query: { version: service.Version.Index },
          body: { ...service.Spec, Mode: { Replicated: { Replicas: replicas } } },
        });
        ids.push(service.ID);
        return replicas;
      },
      (name, replicas) => {
        if (!context.dryRun) context.io.stdout.write(`${name} scaled to ${replicas}\n`);
      },
    );
    if (!context.dryRun && !context.bool(DETACH)) {
      for (const id of ids) await waitForConvergence(engine, id, context.io);
    }
    return 0;
  },
};
