import { CHANGE_FLAG } from '../change-flag';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { normalizedReference } from '../reference-refusal';

const AUTHOR: CliFlag = {
  long: 'author',
  short: 'a',
  kind: 'value',
  type: 'string',
  description: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")',
};
const MESSAGE: CliFlag = { long: 'message', short: 'm', kind: 'value', type: 'string', description: 'Commit message' };
const PAUSE: CliFlag = {
  long: 'pause',
  short: 'p',
  kind: 'bool',
  description: 'Pause container during commit',
  default: 'true',
};

/** `berth commit` (ch.3): a container's filesystem changes as a new image, named when a repository is given. */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  flags: [AUTHOR, CHANGE_FLAG, MESSAGE, PAUSE, DRY_RUN_FLAG],
  args: { kind: 'range', min: 1, max: 2 },
  async run(context) {
    const [container = '', name = ''] = context.args;
    let repo = '';
    let tag = '';
    if (name !== '') {
      const reference = normalizedReference(name);
      if (reference.digest !== undefined) {
        throw new CliError('tag-with-digest', name, 'refusing to create a tag with a digest reference');
      }
      const tagged = reference.withDefaultTag();
      repo = tagged.familiarName();
      tag = tagged.tag ?? '';
    }
    const pause = !context.given(PAUSE) || context.bool(PAUSE);
    const answer = await context.engine().request<{ Id?: string }>({
      method: 'POST',
      path: '/commit',
      query: {
        container,
        repo,
        tag,
        comment: context.string(MESSAGE) ?? '',
        author: context.string(AUTHOR) ?? '',
        changes: context.list(CHANGE_FLAG),
        ...(pause ? {} : { pause: '0' }),
      },
      subject: container,
    });
    context.io.stdout.write(`${answer.Id ?? ''}\n`);
    return 0;
  },
};
