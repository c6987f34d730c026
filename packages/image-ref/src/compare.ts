import { ImageReferenceError } from './errors';
import { parseAnyReference } from './parse';
import type { AnyReference } from './reference';

/** Whether two references name the same thing in the same way (same kind, domain, path, tag and digest). */
export function referencesEqual(a: AnyReference, b: AnyReference): boolean {
  if (a.kind === 'digest' || b.kind === 'digest') return a.kind === b.kind && a.digest === b.digest;
  return a.domain === b.domain && a.path === b.path && a.tag === b.tag && a.digest === b.digest;
}

/**
 * Orders references most specific first — tag and digest, then tag, then digest, then name only, then bare
 * digests — and alphabetically within each group. For `Array.prototype.sort`.
 */
export function compareReferences(a: AnyReference, b: AnyReference): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  const left = a.toString();
  const right = b.toString();
  return left < right ? -1 : left > right ? 1 : 0;
}

function rank(reference: AnyReference): number {
  if (reference.kind === 'digest') return 5;
  if (reference.tag !== undefined) return reference.digest !== undefined ? 1 : 2;
  return reference.digest !== undefined ? 3 : 4;
}

/**
 * Parses each string with {@link parseAnyReference} and returns their full forms in {@link compareReferences}
 * order, followed by the strings that are not references, sorted. Like distribution/reference's `Sort`.
 */
export function sortReferences(inputs: readonly string[]): string[] {
  const parsed: AnyReference[] = [];
  const invalid: string[] = [];
  for (const input of inputs) {
    try {
      parsed.push(parseAnyReference(input));
    } catch (error) {
      if (!(error instanceof ImageReferenceError)) throw error;
      invalid.push(input);
    }
  }
  parsed.sort(compareReferences);
  invalid.sort();
  return [...parsed.map(String), ...invalid];
}
