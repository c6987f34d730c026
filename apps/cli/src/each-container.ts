import type { Engine } from '@berth/engine';
import type { CommandContext } from './context';
import { forEachObject } from './objects';

/**
 * The commands that do one thing to each container named (`pause`, `kill`, `stop`…): all at once, each name printed
 * once it and those before it are done, the failures at the end (exit 1).
 */
export async function actOnEachContainer(
  context: CommandContext,
  action: (engine: Engine, name: string) => Promise<unknown>,
): Promise<number> {
  const engine = context.engine();
  await forEachObject(
    context.args,
    (name) => action(engine, name),
    (name) => context.io.stdout.write(`${name}\n`),
  );
  return 0;
}
