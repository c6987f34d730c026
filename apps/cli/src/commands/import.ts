import { open } from 'node:fs/promises';
import { CHANGE_FLAG } from '../change-flag';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { fileError } from '../output/file-error';
import { PLATFORM_FLAG } from '../platform-flag';
import { normalizedReference } from '../reference-refusal';

const MESSAGE: CliFlag = {
  long: 'message',
  short: 'm',
  kind: 'value',
  type: 'string',
  description: 'Set commit message for imported image',
};

/** What `POST /images/create?fromSrc=` answers for a tar it was sent: the new image's id as its status. */
interface ImportStatus {
  status?: string;
}

/** `berth import`: a root filesystem tar (a file, `-` for stdin, or a URL the engine fetches) as a new image. */
export const command: CommandModule = {
  usage: '[OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
  flags: [CHANGE_FLAG, MESSAGE, PLATFORM_FLAG, DRY_RUN_FLAG],
  args: { kind: 'range', min: 1, max: 2 },
  async run(context) {
    const [source = '', repository = ''] = context.args;
    if (repository !== '') normalizedReference(repository);
    const url = /^(https?):\/\//.test(source);
    let input: NodeJS.ReadableStream | undefined;
    if (source === '-') {
      if (!context.io.stdin)
        throw new CliError('import-no-input', '-', 'requested import from stdin, but stdin is empty');
      input = context.io.stdin;
    } else if (!url) {
      const file = await open(source, 'r').catch((error) => {
        throw fileError(error, 'open', source);
      });
      input = file.createReadStream();
    }
    const platform = context.string(PLATFORM_FLAG);
    const answer = await context.engine().request<ImportStatus>({
      method: 'POST',
      path: '/images/create',
      query: {
        fromSrc: url ? source : '-',
        repo: repository,
        tag: '',
        message: context.string(MESSAGE) ?? '',
        changes: context.list(CHANGE_FLAG),
        ...(platform ? { platform } : {}),
      },
      ...(input ? { input, contentType: 'application/x-tar' } : {}),
      subject: source,
    });
    context.io.stdout.write(`${answer.status ?? ''}\n`);
    return 0;
  },
};
