import { UserError } from './errors';

// The kernel and runc accept ids 0..2^31-1; the daemon fails at start with "uids and gids must be in range".
const MAX_ID = 2_147_483_647;
// What runc reads as a number (Go's Atoi): an optional sign and decimal digits.
const NUMERIC = /^[+-]?\d+$/;
// Names come from the image's /etc/passwd and /etc/group, whose entries cannot hold these.
const UNUSABLE_IN_NAME = /[\s:\p{Cc}]/u;

function checkPart(part: string, value: string, what: 'user' | 'group'): void {
  if (NUMERIC.test(part)) {
    const id = Number(part);
    if (id < 0 || id > MAX_ID) {
      throw new UserError(
        `${what}-id-out-of-range`,
        value,
        `invalid ${what} ${JSON.stringify(value)}: ${what} id ${part} is outside 0-${MAX_ID}`,
      );
    }
    return;
  }
  if (UNUSABLE_IN_NAME.test(part)) {
    throw new UserError(
      `invalid-${what}-name`,
      value,
      `invalid ${what} ${JSON.stringify(value)}: a ${what} name has no whitespace, colon or control character`,
    );
  }
}

/**
 * `-u`/`--user`: `name|uid[:group|gid]` → `Config.User`, unchanged (ch. 6.3.1). An empty side keeps the image's
 * default, as docker does (`:20000` runs as root with gid 20000). Names are resolved in the image at start, so only
 * the shape is checked here; a third `:part`, which docker silently ignores, is refused.
 */
export function parseUser(value: string): string {
  const parts = value.split(':');
  if (parts.length > 2) {
    throw new UserError(
      'invalid-user-format',
      value,
      `invalid user ${JSON.stringify(value)}: expected name|uid[:group|gid], with at most one colon`,
    );
  }
  const [user = '', group = ''] = parts;
  checkPart(user, value, 'user');
  checkPart(group, value, 'group');
  return value;
}

/** Repeated `--group-add` (a group name or gid each) → `HostConfig.GroupAdd`, in order. */
export function parseGroupAdd(values: readonly string[]): string[] {
  return values.map((value) => {
    if (value === '') throw new UserError('empty-group', value, 'invalid --group-add "": the group is empty');
    checkPart(value, value, 'group');
    return value;
  });
}
