// ch.3.2: Docker Hub, at docker.io, is the registry a reference names when it names none.
export const DEFAULT_DOMAIN = 'docker.io';
/** The Hub's old host name, still accepted and rewritten to `docker.io`. */
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
/** Official images live under `library/` on the Hub: `ubuntu` is `docker.io/library/ubuntu`. */
const OFFICIAL_PREFIX = 'library/';

export interface DockerDomainSplit {
  domain: string;
  /** Everything after the domain: the path (with `library/` added for official images), tag and digest. */
  remainder: string;
}

/**
 * Splits a familiar reference into its domain and the rest, docker's way: the part before the first slash is a
 * domain only when it is `localhost`, contains a `.` or a `:`, or has an uppercase letter (paths cannot).
 */
export function splitDockerDomain(input: string): DockerDomainSplit {
  const slash = input.indexOf('/');
  let domain = DEFAULT_DOMAIN;
  let remainder = input;
  if (slash !== -1) {
    const first = input.slice(0, slash);
    if (first === LEGACY_DEFAULT_DOMAIN) {
      remainder = input.slice(slash + 1);
    } else if (looksLikeDomain(first, { uppercase: true })) {
      domain = first;
      remainder = input.slice(slash + 1);
    }
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_PREFIX + remainder;
  return { domain, remainder };
}

/** What else marks a first component as a domain, besides `localhost`, a `.` or a `:`. */
export interface DomainHints {
  /** An uppercase letter (paths cannot have one): docker's rule when it normalizes a name. */
  uppercase?: boolean;
  /** A `[` or `]`, as in an IPv6 literal: used to explain why a reference does not fit the grammar. */
  brackets?: boolean;
}

/** Whether the first component of a name is meant as a registry host: `localhost`, or has a `.` or a `:`. */
export function looksLikeDomain(component: string, hints: DomainHints = {}): boolean {
  if (component === 'localhost' || component.includes('.') || component.includes(':')) return true;
  if (hints.uppercase === true && component.toLowerCase() !== component) return true;
  return hints.brackets === true && (component.includes('[') || component.includes(']'));
}

/** The name without the default domain, and without `library/` when that leaves a single component. */
export function familiarizeName(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return domain === '' ? path : `${domain}/${path}`;
  if (path.startsWith(OFFICIAL_PREFIX) && !path.includes('/', OFFICIAL_PREFIX.length)) {
    return path.slice(OFFICIAL_PREFIX.length);
  }
  return path;
}
