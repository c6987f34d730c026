import type { ImageSummary } from '@berth/engine';
import { parseNormalizedReference } from '@berth/image-ref';
import { goStruct } from '@berth/template';
import { shortId } from './ids';
import { goTimeString, timeAgo } from './relative-time';
import { humanSize } from './sizes';

/** `GET /images/json` also sends these, which berth's summary type leaves out. */
type ListedImage = ImageSummary & { SharedSize?: number; VirtualSize?: number };

/** One line of `berth images`: the fields docker's image formatter offers a template, all strings. */
export interface ImageRow {
  Containers: string;
  CreatedAt: string;
  CreatedSince: string;
  Digest: string;
  ID: string;
  Repository: string;
  SharedSize: string;
  Size: string;
  Tag: string;
  UniqueSize: string;
  VirtualSize: string;
}

/** The header of each column, as docker's table prints it. */
export const IMAGE_HEADERS: Readonly<Record<keyof ImageRow, string>> = {
  Containers: 'CONTAINERS',
  CreatedAt: 'CREATED AT',
  CreatedSince: 'CREATED',
  Digest: 'DIGEST',
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  SharedSize: 'SHARED SIZE',
  Size: 'SIZE',
  Tag: 'TAG',
  UniqueSize: 'UNIQUE SIZE',
  VirtualSize: 'VIRTUAL SIZE',
};

const NONE = '<none>';
const notAvailable = (value: number | undefined, text: (value: number) => string) =>
  value === undefined || value === -1 ? 'N/A' : text(value);

function repositories(references: readonly string[] | null, part: 'tag' | 'digest'): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const text of references ?? []) {
    let reference: ReturnType<typeof parseNormalizedReference>;
    try {
      reference = parseNormalizedReference(text);
    } catch {
      continue; // docker skips what it cannot read (`<none>:<none>`)
    }
    const value = reference[part];
    if (value === undefined) continue;
    const name = reference.familiarName();
    byName.set(name, [...(byName.get(name) ?? []), value]);
  }
  return byName;
}

function isDangling(image: ListedImage): boolean {
  const tags = image.RepoTags ?? [];
  const digests = image.RepoDigests ?? [];
  if (tags.length === 0 && digests.length === 0) return true;
  return tags.length === 1 && tags[0] === '<none>:<none>' && digests.length === 1 && digests[0] === '<none>@<none>';
}

/** The repository, tag and digest of each line an image makes: one per tag (per digest too with `--digests`). */
function names(image: ListedImage, withDigests: boolean): [repository: string, tag: string, digest: string][] {
  if (isDangling(image)) return [[NONE, NONE, NONE]];
  const tags = repositories(image.RepoTags, 'tag');
  const digests = repositories(image.RepoDigests, 'digest');
  const lines: [string, string, string][] = [];
  for (const [repository, repositoryTags] of tags) {
    const own = withDigests ? (digests.get(repository) ?? []) : [];
    digests.delete(repository);
    for (const tag of repositoryTags) {
      if (own.length === 0) lines.push([repository, tag, NONE]);
      for (const digest of own) lines.push([repository, tag, digest]);
    }
  }
  // repositories known by digest only (pulled by digest, or untagged since)
  for (const [repository, repositoryDigests] of digests) {
    if (!withDigests) lines.push([repository, NONE, '']);
    else for (const digest of repositoryDigests) lines.push([repository, NONE, digest]);
  }
  return lines;
}

/** docker's image listing rows for the images the engine listed, in its order. */
export function imageRows(
  images: readonly ListedImage[],
  options: { truncate: boolean; digests: boolean; now?: number },
): ImageRow[] {
  const now = options.now ?? Date.now();
  return images.flatMap((image) => {
    const fixed = {
      Containers: notAvailable(image.Containers, String),
      CreatedSince: timeAgo(image.Created, now),
      ID: options.truncate ? shortId(image.Id) : image.Id,
      SharedSize: notAvailable(image.SharedSize, (size) => humanSize(size, 4)),
      Size: humanSize(image.Size),
      UniqueSize:
        image.SharedSize === undefined || image.SharedSize === -1 || image.Size === -1
          ? 'N/A'
          : humanSize(image.Size - image.SharedSize, 4),
      VirtualSize: humanSize(image.VirtualSize ?? image.Size, 4),
    };
    // docker's row is a struct: a field it lacks fails the template (`can't evaluate field Foo in type …`)
    return names(image, options.digests).map(([Repository, Tag, Digest]) =>
      goStruct('*formatter.imageContext', {
        Containers: fixed.Containers,
        // written when a template reads it: a local time's zone name costs more than the rest of the row
        get CreatedAt() {
          return goTimeString(image.Created);
        },
        CreatedSince: fixed.CreatedSince,
        Digest,
        ID: fixed.ID,
        Repository,
        SharedSize: fixed.SharedSize,
        Size: fixed.Size,
        Tag,
        UniqueSize: fixed.UniqueSize,
        VirtualSize: fixed.VirtualSize,
      }),
    );
  });
}
