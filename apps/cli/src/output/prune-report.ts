import { humanSize } from './sizes';

/** What a prune prints of what it removed: `Deleted Volumes:` and one line each, or nothing when none was. */
export function deletedList(title: string, lines: readonly string[] | null | undefined): string {
  if (!lines || lines.length === 0) return '';
  return `${title}:\n${lines.map((line) => `${line}\n`).join('')}`;
}

/** A prune's report as docker prints it: the list, when there is one, and a blank line after it. */
export function reportSection(section: string): string {
  return section === '' ? '' : `${section}\n`;
}

/** The closing line of `volume prune` and `system prune`: go-units' HumanSize, 4 significant digits. */
export function reclaimedLine(bytes: number): string {
  return `Total reclaimed space: ${humanSize(bytes, 4)}\n`;
}
