import type { StatsFigures } from '@berth/resources';
import { goStruct, sprintf } from '@berth/template';
import { shortId } from './ids';
import { bytesSize, humanSize } from './sizes';

/** docker's default `stats` table (Linux daemons). */
export const STATS_TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';

export const STATS_HEADERS: Readonly<Record<string, string>> = {
  Container: 'CONTAINER',
  Name: 'NAME',
  ID: 'CONTAINER ID',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

/** One container of `stats` as the display knows it: its figures once they came, `invalid` when they went stale. */
export interface StatsEntry {
  /** What the container was asked by: the name given, or the short id of a listed one. */
  readonly container: string;
  figures?: StatsFigures;
  invalid: boolean;
}

/** A `stats` row's cells, as docker's stats context writes them (keys in its JSON's order). */
export interface StatsRow {
  BlockIO: string;
  CPUPerc: string;
  Container: string;
  ID: string;
  MemPerc: string;
  MemUsage: string;
  Name: string;
  NetIO: string;
  PIDs: string;
}

const NO_VALUE = '--';

const percentage = (value: number) => sprintf('%.2f%%', [value]);
const pair = (a: number, b: number) => `${humanSize(a, 3)} / ${humanSize(b, 3)}`;

/** The cells of one entry: `--` for figures that went stale, as docker shows a container it lost. */
export function statsRow(entry: StatsEntry, truncate: boolean): StatsRow {
  const figures = entry.figures;
  const id = figures?.id ?? '';
  const name = figures?.name ?? '';
  const valid = !entry.invalid;
  // docker's row is a struct of its container package: a field it lacks fails the template
  return goStruct('*container.statsContext', {
    BlockIO: valid ? pair(figures?.blockRead ?? 0, figures?.blockWrite ?? 0) : NO_VALUE,
    CPUPerc: valid ? percentage(figures?.cpuPercent ?? 0) : NO_VALUE,
    Container: entry.container,
    ID: truncate ? shortId(id) : id,
    MemPerc: valid ? percentage(figures?.memoryPercent ?? 0) : NO_VALUE,
    MemUsage: valid
      ? `${bytesSize(figures?.memoryUsage ?? 0)} / ${bytesSize(figures?.memoryLimit ?? 0)}`
      : `${NO_VALUE} / ${NO_VALUE}`,
    Name: name.length > 1 ? name.slice(1) : NO_VALUE,
    NetIO: valid ? pair(figures?.networkRx ?? 0, figures?.networkTx ?? 0) : NO_VALUE,
    PIDs: valid ? String(figures?.pids ?? 0) : NO_VALUE,
  });
}
