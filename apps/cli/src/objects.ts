import { PartialFailure } from './errors';
import { describeFailure } from './exit-codes';

/**
 * docker's way with several objects (`rm a b c`, `stop`, `kill`…): the action runs for all of them at once, each
 * result is reported as soon as it and those named before it are done, and the failures, one line each, end the
 * command with exit 1.
 */
export async function forEachObject<T>(
  names: readonly string[],
  action: (name: string) => Promise<T>,
  report: (name: string, result: T) => void,
): Promise<void> {
  const pending = names.map((name) => action(name));
  for (const promise of pending) promise.catch(() => undefined); // awaited in order below
  const failures: unknown[] = [];
  for (const [index, promise] of pending.entries()) {
    try {
      report(names[index] ?? '', await promise);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new PartialFailure(failures.map(describeFailure), failures);
}
