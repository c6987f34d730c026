import type { CommandModule } from '../command';
import { answerWithoutEngine, create, RUN_USAGE, refusedRun, understand } from '../create-container';

/** `berth run`: create and start; detached, print the id; attached, stream the output and exit with the container. */
export const command: CommandModule = {
  usage: RUN_USAGE,
  flags: [],
  args: { kind: 'min', count: 1 },
  rawWords: true,
  async run(context) {
    const { io } = context;
    try {
      const answered = answerWithoutEngine(context.args, 'run', 'Create and run a new container from an image', io);
      if (answered !== undefined) return answered;
      const engine = context.engine();
      const run = await understand(context.args, 'run', engine);
      const id = await create(engine, run, io);
      if (run.detach) {
        await engine.startContainer(id);
        io.stdout.write(`${id}\n`);
        return 0;
      }
      const session = await engine.attachContainer(id, { tty: run.tty });
      // the wait starts before the container does, so that a quick exit is not missed; it ends with the command
      const waiting = new AbortController();
      try {
        const exited = engine.waitContainer(id, { condition: 'next-exit', signal: waiting.signal });
        exited.catch(() => undefined); // settled below, or abandoned when the start fails
        await engine.startContainer(id);
        for await (const chunk of session.output) {
          (chunk.stream === 'stderr' ? io.stderr : io.stdout).write(chunk.data);
        }
        return (await exited).StatusCode;
      } finally {
        waiting.abort();
        session.close();
      }
    } catch (error) {
      return refusedRun(error, 'run', io);
    }
  },
};
