import { digestProblem } from './digest';
import { ImageReferenceError } from './errors';
import { isTag, TAG_RULE } from './grammar';
import { familiarizeName } from './normalize';

/** A reference that names a repository: `[domain/]path[:tag][@digest]`. */
export interface Reference {
  readonly kind: 'named';
  /** The registry host with its port, e.g. `docker.io`, `localhost:5000`; `''` when a strict parse found none. */
  readonly domain: string;
  /** The repository path within the registry, e.g. `library/ubuntu`. */
  readonly path: string;
  /** `domain/path`, or `path` when there is no domain. */
  readonly name: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
  /** The full form: `name[:tag][@digest]`. */
  toString(): string;
  toJSON(): string;
  /** The name as docker prints it: `docker.io/library/ubuntu` → `ubuntu`, `docker.io/user/app` → `user/app`. */
  familiarName(): string;
  /** {@link familiarName} with the tag and digest: `docker.io/library/ubuntu:latest` → `ubuntu:latest`. */
  familiarString(): string;
  /** This reference with the tag `latest` when it has neither tag nor digest, as `docker pull` reads it. */
  withDefaultTag(): Reference;
}

/** A reference that is only a digest (`sha256:…`), as `parseAnyReference` returns for image IDs. */
export interface DigestReference {
  readonly kind: 'digest';
  readonly digest: string;
  toString(): string;
  toJSON(): string;
  /** The digest itself: there is no name to shorten. */
  familiarString(): string;
}

export type AnyReference = Reference | DigestReference;

const DEFAULT_TAG = 'latest';

export class NamedReference implements Reference {
  readonly kind = 'named';

  constructor(
    readonly domain: string,
    readonly path: string,
    readonly tag: string | undefined,
    readonly digest: string | undefined,
  ) {}

  get name(): string {
    return this.domain === '' ? this.path : `${this.domain}/${this.path}`;
  }

  toString(): string {
    return withSuffixes(this.name, this.tag, this.digest);
  }

  toJSON(): string {
    return this.toString();
  }

  familiarName(): string {
    return familiarizeName(this.domain, this.path);
  }

  familiarString(): string {
    return withSuffixes(this.familiarName(), this.tag, this.digest);
  }

  withDefaultTag(): Reference {
    if (this.tag !== undefined || this.digest !== undefined) return this;
    return new NamedReference(this.domain, this.path, DEFAULT_TAG, undefined);
  }
}

export class DigestOnlyReference implements DigestReference {
  readonly kind = 'digest';

  constructor(readonly digest: string) {}

  toString(): string {
    return this.digest;
  }

  toJSON(): string {
    return this.digest;
  }

  familiarString(): string {
    return this.digest;
  }
}

function withSuffixes(name: string, tag: string | undefined, digest: string | undefined): string {
  const tagged = tag === undefined ? name : `${name}:${tag}`;
  return digest === undefined ? tagged : `${tagged}@${digest}`;
}

/** `reference` with its tag replaced by `tag` (its digest, if any, is kept). */
export function withTag(reference: Reference, tag: string): Reference {
  if (!isTag(tag)) {
    throw new ImageReferenceError('invalid-format', tag, `a tag is ${TAG_RULE}`);
  }
  return new NamedReference(reference.domain, reference.path, tag, reference.digest);
}

/** `reference` with its digest replaced by `digest` (its tag, if any, is kept). */
export function withDigest(reference: Reference, digest: string): Reference {
  const problem = digestProblem(digest);
  if (problem !== undefined) throw new ImageReferenceError('digest-invalid-format', digest, problem);
  return new NamedReference(reference.domain, reference.path, reference.tag, digest);
}
