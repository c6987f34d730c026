import type { CliFlag, CommandModule } from '../command';
import { registryAuthFor } from '../credential-store';
import { defaultTagged } from '../default-tag';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { displayProgress, PROGRESS_QUIET_FLAG } from '../output/progress-display';
import { normalizedReference } from '../reference-refusal';

const ALL_TAGS: CliFlag = {
  long: 'all-tags',
  short: 'a',
  kind: 'bool',
  description: 'Push all tags of an image to the repository',
};
const CONTENT_TRUST: CliFlag = {
  long: 'disable-content-trust',
  kind: 'bool',
  description: 'Skip image signing',
  default: 'true',
};

/** `berth push`: the image's layers to its registry with the stored credentials, docker's progress lines. */
export const command: CommandModule = {
  usage: '[OPTIONS] NAME[:TAG]',
  flags: [ALL_TAGS, CONTENT_TRUST, PROGRESS_QUIET_FLAG, DRY_RUN_FLAG],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const input = context.args[0] ?? '';
    const all = context.bool(ALL_TAGS);
    const quiet = context.bool(PROGRESS_QUIET_FLAG);
    const parsed = normalizedReference(input);
    if (all && parsed.tag !== undefined) {
      throw new CliError('tag-with-all-tags', input, "tag can't be used with --all-tags/-a");
    }
    const reference = defaultTagged(context, parsed, all, quiet);
    const auth = await registryAuthFor(context, reference.domain);
    const events = context
      .engine()
      .pushImage(reference.familiarName(), { auth, ...(reference.tag ? { tag: reference.tag } : {}) });
    await displayProgress(events, quiet ? undefined : context.io.stdout);
    if (quiet) context.io.stdout.write(`${reference.toString()}\n`);
    return 0;
  },
};
