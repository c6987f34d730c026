import { goStruct } from '@berth/template';
import { ellipsis, shortId } from './ids';
import { timeAgo } from './relative-time';
import { humanSize } from './sizes';

/** One layer of `GET /images/{name}/history`. */
export interface HistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

/** One line of `berth history`: the fields docker's history formatter offers a template. */
export interface HistoryRow {
  Comment: string;
  CreatedAt: string;
  CreatedBy: string;
  CreatedSince: string;
  ID: string;
  Size: string;
}

export const HISTORY_HEADERS: Readonly<Record<keyof HistoryRow, string>> = {
  Comment: 'COMMENT',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  CreatedSince: 'CREATED',
  ID: 'IMAGE',
  Size: 'SIZE',
};

// docker cuts the command that made a layer to this many columns unless --no-trunc
const CREATED_BY_WIDTH = 45;

const two = (value: number) => String(value).padStart(2, '0');

/** Go's `time.RFC3339` in local time: `2026-12-02T14:52:17Z`, or `…T15:52:17+01:00` east of UTC. */
export function rfc3339(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  const offset = -date.getTimezoneOffset();
  const zone =
    offset === 0
      ? 'Z'
      : `${offset < 0 ? '-' : '+'}${two(Math.trunc(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(
    date.getMinutes(),
  )}:${two(date.getSeconds())}${zone}`;
}

/** docker's history rows: sizes and times for people (`-H`, the default) or exact, ids and commands cut unless not. */
export function historyRows(
  items: readonly HistoryItem[],
  options: { human: boolean; truncate: boolean; now?: number },
): HistoryRow[] {
  return items.map((item) => {
    const createdBy = item.CreatedBy.replaceAll('\t', ' ');
    // docker's row is a struct of its image package: a field it lacks fails the template
    return goStruct('*image.historyContext', {
      Comment: item.Comment,
      CreatedAt: rfc3339(item.Created),
      CreatedBy: options.truncate ? ellipsis(createdBy, CREATED_BY_WIDTH) : createdBy,
      CreatedSince: options.human ? timeAgo(item.Created, options.now) : rfc3339(item.Created),
      ID: options.truncate && item.Id !== '<missing>' ? shortId(item.Id) : item.Id,
      Size: options.human ? humanSize(item.Size) : String(item.Size),
    });
  });
}
