import { emptyRow, isBlankRow } from '../forms';
import type { FormData, FormDefinition, GroupDef } from '../forms/types';

/*
 * Row edits of draft data for the editor (single values go through lib/forms `withValue`). Each returns a new
 * FormData so Preact sees the change and the autosave controller holds a snapshot later edits cannot mutate.
 */

/** Append a blank row after the rows on screen (a draft holding fewer than `minRows` gets its padding stored first). */
export function addRow(data: FormData, group: GroupDef): FormData {
  const rows = displayRows(data, group);
  if (group.maxRows !== undefined && rows.length >= group.maxRows) return data;
  return { ...data, groups: { ...data.groups, [group.key]: [...rows, emptyRow(group)] } };
}

export function removeRow(data: FormData, group: string, row: number): FormData {
  const rows = data.groups[group] ?? [];
  if (row < 0 || row >= rows.length) return data;
  return { ...data, groups: { ...data.groups, [group]: rows.filter((_, i) => i !== row) } };
}

/** Put a removed row back where it was (the Undo of a row removal). */
export function insertRow(data: FormData, group: string, row: number, values: Record<string, string>): FormData {
  const rows = [...(data.groups[group] ?? [])];
  rows.splice(Math.max(0, Math.min(row, rows.length)), 0, values);
  return { ...data, groups: { ...data.groups, [group]: rows } };
}

/**
 * Rows to show for a group: the stored ones, padded with blank rows up to `minRows` so the user sees the slots the
 * form requires (≥ 5 schools, §2) even in a draft imported with fewer. Typing into a padded row stores it
 * (lib/forms `withValue` adds the rows up to it).
 */
export function displayRows(data: FormData, group: GroupDef): Array<Record<string, string>> {
  const rows = data.groups[group.key] ?? [];
  if (rows.length >= group.minRows) return rows;
  return [...rows, ...Array.from({ length: group.minRows - rows.length }, () => emptyRow(group))];
}

/** Whether a row can be removed: never below `minRows` displayed rows. */
export function canRemoveRow(data: FormData, group: GroupDef): boolean {
  return (data.groups[group.key]?.length ?? 0) > group.minRows;
}

/** Filled values against all values shown, as a rough progress figure for the draft list and the editor header. */
export function filledCount(form: FormDefinition, data: FormData): { filled: number; total: number } {
  let filled = 0;
  let total = 0;
  for (const f of form.fields) {
    total++;
    if ((data.fields[f.key] ?? '').trim()) filled++;
  }
  for (const g of form.groups) {
    for (const row of displayRows(data, g)) {
      for (const f of g.fields) {
        total++;
        if ((row[f.key] ?? '').trim()) filled++;
      }
    }
  }
  return { filled, total };
}

/** Rows that have something typed in them: the count shown beside a group's heading. */
export function filledRows(data: FormData, group: GroupDef): number {
  return (data.groups[group.key] ?? []).filter((r) => !isBlankRow(r)).length;
}
