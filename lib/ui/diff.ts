import { fieldPath } from '../forms';
import type { FormData } from '../forms/types';

export interface ValueChange {
  path: string;
  before: string;
  after: string;
}

/**
 * Values that differ between two versions of a draft, as field paths in form order (top-level fields, then each
 * group's rows). Used by the conflict dialog ("what the other tab changed") and the revision preview.
 * A missing value and `''` are the same; trailing blank rows do not count as changes.
 */
export function diffData(before: FormData, after: FormData): ValueChange[] {
  const out: ValueChange[] = [];
  const keys = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  for (const key of keys) {
    const a = before.fields[key] ?? '';
    const b = after.fields[key] ?? '';
    if (a !== b) out.push({ path: key, before: a, after: b });
  }
  const groups = new Set([...Object.keys(before.groups), ...Object.keys(after.groups)]);
  for (const group of groups) {
    const ra = before.groups[group] ?? [];
    const rb = after.groups[group] ?? [];
    for (let row = 0; row < Math.max(ra.length, rb.length); row++) {
      const ca = ra[row] ?? {};
      const cb = rb[row] ?? {};
      for (const key of new Set([...Object.keys(ca), ...Object.keys(cb)])) {
        const a = ca[key] ?? '';
        const b = cb[key] ?? '';
        if (a !== b) out.push({ path: fieldPath({ group, row, key }), before: a, after: b });
      }
    }
  }
  return out;
}
