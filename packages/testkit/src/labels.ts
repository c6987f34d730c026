import { randomBytes } from 'node:crypto';

/** Every resource a test makes carries this label, so a stray one is easy to find and remove. */
export const TEST_LABEL = 'berth.test';
/** Names the test file that made a resource, so cleanup never touches another file's resources. */
export const SCOPE_LABEL = 'berth.test.scope';

export function newScope(): string {
  return randomBytes(6).toString('hex');
}

export function scopeLabels(scope: string): Record<string, string> {
  return { [TEST_LABEL]: '1', [SCOPE_LABEL]: scope };
}

/** A name unique to this run, readable in `docker ps`: `berth-web-3f9a1c0d`. */
export function uniqueName(prefix: string): string {
  return `berth-${prefix}-${randomBytes(4).toString('hex')}`;
}
