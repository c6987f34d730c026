// ch.3.2.2: software is named [REGISTRYHOST[:PORT]/][USERNAME/]NAME[:TAG][@DIGEST]. The grammar below is the one
// distribution/reference (and so the docker CLI) reads, written as named pieces composed into the whole.

import { looksLikeDomain } from './normalize';

/** Lowercase letters and digits: the atoms a path component is made of. */
const alphanumeric = '[a-z0-9]+';
/** Between two atoms: one period, one or two underscores, or any number of dashes. */
const separator = '(?:[._]|__|-+)';
/** One slash-separated piece of the repository path, e.g. `ch3_hello_registry`. */
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
/** The repository path, e.g. `dockerinaction/ch3_hello_registry`. */
const path = `${pathComponent}(?:/${pathComponent})*`;

/** A DNS label; the domain is the only part of a reference where uppercase letters are allowed. */
const domainLabel = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
/** Dotted labels; this also covers IPv4 addresses such as `127.0.0.1`. */
const domainName = `${domainLabel}(?:\\.${domainLabel})*`;
/** An IPv6 literal in brackets, compressed or not; zone ids (`%eth0`) and dotted IPv4 tails are refused. */
const ipv6Address = '\\[[a-fA-F0-9:]+\\]';
/** Any run of digits: like docker, the port's range is not checked here. */
const port = ':[0-9]+';
/** The registry host, e.g. `quay.io`, `localhost:5000`, `[::1]:5000`. */
const domain = `(?:${domainName}|${ipv6Address})(?:${port})?`;

/** 1 to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`. */
const tag = '\\w[\\w.-]{0,127}';
/** `algorithm:hex`, the shape only: which algorithms and lengths are valid is decided in digest.ts. */
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

const anchoredDomain = new RegExp(`^${domain}$`);
const anchoredPathComponent = new RegExp(`^${pathComponent}$`);
const anchoredTag = new RegExp(`^${tag}$`);
const anchoredDigestShape = new RegExp(`^${digest}$`);
/** What follows the domain: the path, then an optional tag, then an optional digest, captured in that order. */
const anchoredRemote = new RegExp(`^(${path})(?::(${tag}))?(?:@(${digest}))?$`);

/** The pieces of a reference that fits the grammar; `domain` is `''` when the reference names none. */
export interface ReferenceParts {
  domain: string;
  path: string;
  tag: string | undefined;
  digest: string | undefined;
}

/** Splits a reference along the grammar, or returns `undefined` when it does not fit. */
export function matchReference(input: string): ReferenceParts | undefined {
  const slash = input.indexOf('/');
  if (slash <= 0) return matchRemote('', input);
  return matchAfterDomain(input.slice(0, slash), input.slice(slash + 1));
}

/**
 * Matches `candidate/remote`, where `candidate` is everything before the first slash. A domain can only be that part,
 * and when it is a valid domain it is taken as one (so `a/b` has domain `a`); otherwise it is the first path component.
 */
export function matchAfterDomain(candidate: string, remote: string): ReferenceParts | undefined {
  // With a valid domain, the rest must fit on its own: as a path it would need to fit anyway.
  if (anchoredDomain.test(candidate)) return matchRemote(candidate, remote);
  return matchRemote('', `${candidate}/${remote}`);
}

/** Matches what follows a domain already known to be valid (`''` for none). */
export function matchRemote(domain: string, remote: string): ReferenceParts | undefined {
  const match = anchoredRemote.exec(remote);
  if (match === null) return undefined;
  return { domain, path: match[1] as string, tag: match[2], digest: match[3] };
}

export function isTag(value: string): boolean {
  return anchoredTag.test(value);
}

/** The tag rule, as the messages for a bad tag state it. */
export const TAG_RULE = '1 to 128 letters, digits, "_", "." or "-", not starting with "." or "-"';

/** Says which rule a reference that does not fit the grammar breaks first, reading left to right. */
export function explainMismatch(input: string): string {
  const at = input.indexOf('@');
  const nameAndTag = at === -1 ? input : input.slice(0, at);
  const slash = nameAndTag.indexOf('/');
  const colon = nameAndTag.indexOf(':', slash + 1);
  const name = colon === -1 ? nameAndTag : nameAndTag.slice(0, colon);
  if (name === '') return 'the repository name is missing';
  const components = name.split('/');
  const first = components[0] as string;
  if (components.length > 1 && anchoredDomain.test(first)) components.shift();
  else if (components.length > 1 && looksLikeDomain(first, { brackets: true }) && !anchoredPathComponent.test(first)) {
    return `domain ${quote(first)} must be a host name or a bracketed IPv6 address, optionally followed by :PORT`;
  }
  for (const component of components) {
    if (component === '') return 'path components must not be empty (a leading, trailing or doubled "/")';
    if (!anchoredPathComponent.test(component)) {
      return `path component ${quote(component)} must be lowercase letters and digits joined by one ".", one or two "_", or dashes`;
    }
  }
  if (colon !== -1 && !isTag(nameAndTag.slice(colon + 1))) {
    return `tag ${quote(nameAndTag.slice(colon + 1))} must be ${TAG_RULE}`;
  }
  if (at !== -1 && !anchoredDigestShape.test(input.slice(at + 1))) {
    return `digest ${quote(input.slice(at + 1))} must be ALGORITHM:HEX with at least 32 hex digits`;
  }
  return 'a reference is [HOST[:PORT]/]PATH[:TAG][@DIGEST]';
}

function quote(value: string): string {
  return JSON.stringify(value);
}
