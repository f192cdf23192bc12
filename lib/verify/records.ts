import type { PageRead, ReadCell, ReadRecord, ReadRows } from './types';

/** The records of a compact list (in the extension page, after the message). */
export function expandRows(list: ReadRows): ReadRecord[] {
  return list.rowRefs.map((_, r) => expandRow(list, r));
}

/** Row `r` of a compact list as a record. */
export function expandRow(list: ReadRows, r: number): ReadRecord {
  const n = list.keys.length;
  const cells: Record<string, ReadCell> = {};
  const first = list.cellRefs[r]!;
  for (let i = 0; i < n; i++) cells[list.keys[i]!] = { ref: first + i, text: list.texts[r * n + i] ?? '' };
  return { source: 'table', table: list.table, row: r, ref: list.rowRefs[r]!, cells };
}

/** Every record of a frame's read: the single record (if any), then the rows of each list. */
export function allRecords(read: PageRead): ReadRecord[] {
  return [...read.records, ...(read.lists ?? []).flatMap(expandRows)];
}
