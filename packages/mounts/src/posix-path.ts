// Container paths and Linux host paths, cleaned the way Go's path.Clean does (the engine compares mount points
// after cleaning them).

/** `path.Clean`: one slash between elements, no `.`, `..` resolved lexically, no trailing slash. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const elements: string[] = [];
  for (const element of path.split('/')) {
    if (element === '' || element === '.') continue;
    if (element === '..') {
      if (elements.length > 0 && elements[elements.length - 1] !== '..') elements.pop();
      else if (!rooted) elements.push('..');
      continue;
    }
    elements.push(element);
  }
  const joined = elements.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/');
}

/** `filepath.Abs` with a given working directory: what the docker CLI does to a `.`-relative source. */
export function resolvePath(cwd: string, path: string): string {
  return cleanPath(`${cwd}/${path}`);
}
