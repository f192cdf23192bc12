import { fieldAt, fieldPath, isBlankRow, parseFieldPath, type FieldRef } from '../forms/index';
import type { Bilingual, FormDefinition } from '../forms/types';
import { normalizeText } from '../normalize/text';
import type { RuleContext } from './types';

export const NOTICE = '教师厅函〔2024〕16号';

/** A top-level value, trimmed and half-width (`''` when absent). */
export function val(ctx: RuleContext, key: string): string {
  return normalizeText(ctx.data.fields[key] ?? '');
}

export interface RowView {
  index: number;
  /** Path of a column of this row: `schools[2].creditCode`. */
  path(key: string): string;
  /** The column's value, trimmed and half-width. */
  get(key: string): string;
}

/** The non-blank rows of a group (blank rows are placeholders and never judged). */
export function rows(ctx: RuleContext, group: string): RowView[] {
  const out: RowView[] = [];
  (ctx.data.groups[group] ?? []).forEach((row, index) => {
    if (isBlankRow(row)) return;
    out.push({ index, path: (key) => fieldPath({ group, row: index, key }), get: (key) => normalizeText(row[key] ?? '') });
  });
  return out;
}

/**
 * How a field path reads in a message: `「联系电话」` or `第 3 行学校的「联系电话」`. Memoised per form and path (a
 * verify run describes the same few fields for a thousand records); callers get a shared object and only read it.
 */
export function describe(form: FormDefinition, path: string): Bilingual {
  let byPath = described.get(form);
  if (!byPath) described.set(form, (byPath = new Map()));
  let d = byPath.get(path);
  if (!d) byPath.set(path, (d = describeNow(form, path)));
  return d;
}

const described = new WeakMap<FormDefinition, Map<string, Bilingual>>();

function describeNow(form: FormDefinition, path: string): Bilingual {
  const ref: FieldRef | undefined = parseFieldPath(path);
  const f = fieldAt(form, path);
  const zh = f ? `「${f.label.zh}」` : `「${path}」`;
  const en = f ? `"${f.label.en}"` : `"${path}"`;
  if (!ref || ref.group === undefined) return { zh, en };
  const g = form.groups.find((x) => x.key === ref.group);
  return {
    zh: `第 ${ref.row + 1} 行${g?.itemLabel.zh ?? ''}的${zh}`,
    en: `${g?.itemLabel.en ?? 'row'} ${ref.row + 1}: ${en}`,
  };
}

/**
 * What requires a field: the notice clause the pack names for it (`clause`), else the form's default layout — a
 * column the project added (科学类课程专任教师数, the 500-character limit of 推荐理由) cites the layout, not the notice.
 */
export function fieldClause(form: FormDefinition, path: string): string {
  return fieldAt(form, path)?.clause ?? form.layoutClause ?? form.source.zh;
}
