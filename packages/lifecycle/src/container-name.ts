/** A container name as docker shows it in `ps`: inspect's `Name` and link targets carry a leading slash. */
export function trimSlash(name: string): string {
  return name.replace(/^\//, '');
}
