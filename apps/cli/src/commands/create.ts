import { create } from '../create-container';
import { runGrammarCommand } from '../run-grammar-command';

/** `berth create`: prints the new container's id. */
export const command = runGrammarCommand('create', 'Create a new container', async ({ io }, engine, run) => {
  io.stdout.write(`${await create(engine, run, io)}\n`);
  return 0;
});
