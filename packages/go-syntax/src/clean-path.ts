/**
 * Go's path.Clean: the shortest equivalent slash-separated path (`/dev/../dev/zero/` → `/dev/zero`, `` → `.`). The
 * engine compares mount points, and docker cleans device paths, after cleaning them this way.
 */
export function cleanPath(path: string): string {
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else if (!rooted) parts.push('..');
  }
  const cleaned = (rooted ? '/' : '') + parts.join('/');
  return cleaned === '' ? '.' : cleaned;
}
