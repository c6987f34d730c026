import { ImageReferenceError, parseAnyReference } from '@berth/image-ref';
import type { CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { normalizedReference, referenceRefusal } from '../reference-refusal';

const parsingFrame = (input: string) => (words: string) =>
  `Error parsing reference: ${JSON.stringify(input)} is not a valid repository/tag: ${words}`;

/** `berth tag`: another name for an image (`:latest` when the target has no tag). */
export const command: CommandModule = {
  usage: 'SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  flags: [DRY_RUN_FLAG],
  args: { kind: 'exact', count: 2 },
  async run(context) {
    const [source = '', target = ''] = context.args;
    try {
      parseAnyReference(source);
    } catch (error) {
      throw error instanceof ImageReferenceError ? referenceRefusal(error, parsingFrame(source)) : error;
    }
    const reference = normalizedReference(target, parsingFrame(target));
    if (reference.digest !== undefined) {
      throw new CliError('tag-with-digest', target, 'refusing to create a tag with a digest reference');
    }
    const tagged = reference.withDefaultTag();
    await context.engine().tagImage(source, tagged.familiarName(), { tag: tagged.tag ?? 'latest' });
    return 0;
  },
};
