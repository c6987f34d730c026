import type { Engine } from '@berth/engine';
import type { RunArgs } from '@berth/run-args';
import type { CommandModule } from './command';
import type { CommandContext } from './context';
import { answerWithoutEngine, RUN_USAGE, type RunOrCreate, refusedRun, understand } from './create-container';

/**
 * A command that reads docker's run grammar (`run`, `create`): `--help` and `--dry-run` answered without an engine,
 * the command line understood against the engine, then `act`; a refusal at any step exits as docker's run does.
 */
export function runGrammarCommand(
  command: RunOrCreate,
  description: string,
  act: (context: CommandContext, engine: Engine, run: RunArgs) => Promise<number>,
): CommandModule {
  return {
    usage: RUN_USAGE,
    flags: [],
    args: { kind: 'min', count: 1 },
    rawWords: true,
    async run(context) {
      try {
        const answered = answerWithoutEngine(context.args, command, description, context.io);
        if (answered !== undefined) return answered;
        const engine = context.engine();
        return await act(context, engine, await understand(context.args, command, engine));
      } catch (error) {
        return refusedRun(error, command, context.io);
      }
    },
  };
}
