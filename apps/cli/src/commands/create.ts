import type { CommandModule } from '../command';
import { answerWithoutEngine, create, RUN_USAGE, refusedRun, understand } from '../create-container';

/** `berth create`: prints the new container's id. */
export const command: CommandModule = {
  usage: RUN_USAGE,
  flags: [],
  args: { kind: 'min', count: 1 },
  rawWords: true,
  async run(context) {
    const { io } = context;
    try {
      const answered = answerWithoutEngine(context.args, 'create', 'Create a new container', io);
      if (answered !== undefined) return answered;
      const engine = context.engine();
      const run = await understand(context.args, 'create', engine);
      io.stdout.write(`${await create(engine, run, io)}\n`);
      return 0;
    } catch (error) {
      return refusedRun(error, 'create', io);
    }
  },
};
