import { RunArgsError } from './errors';

// `--detach-keys` (docker run/start/attach/exec): comma-separated keys, each one character or a control key
// (moby/term's ToBytes). The default sequence is ctrl-p,ctrl-q.

/** The control keys by their code: `ctrl-@` is 0, `ctrl-a` 1 … `ctrl-z` 26, then `ctrl-[` `ctrl-\` `ctrl-]` `ctrl-^` `ctrl-_`. */
const CONTROL_KEYS = [
  'ctrl-@',
  ...'abcdefghijklmnopqrstuvwxyz'.split('').map((letter) => `ctrl-${letter}`),
  'ctrl-[',
  'ctrl-\\',
  'ctrl-]',
  'ctrl-^',
  'ctrl-_',
];

const DELETE = 127;

/** What docker detaches on when no `--detach-keys` is given: ctrl-p, ctrl-q. */
export const DEFAULT_DETACH_KEYS: readonly number[] = [16, 17];

/**
 * The bytes a `--detach-keys` value stands for. A key of one character is that character's first byte (as Go reads
 * `key[0]`); longer keys are control keys spelled in lower case, or `DEL`. Anything else is refused with moby's
 * message.
 */
export function parseDetachKeys(spec: string): number[] {
  return spec.split(',').map((key) => {
    const bytes = Buffer.from(key, 'utf8');
    if (bytes.length === 1) return bytes[0] as number;
    const control = CONTROL_KEYS.indexOf(key);
    if (control >= 0) return control;
    if (key === 'DEL') return DELETE;
    throw new RunArgsError('unknown-detach-key', key, `unknown character: '${key}'`);
  });
}
