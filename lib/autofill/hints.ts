import type { FormData, FormDefinition, FieldDef } from '../forms/types';
import type { FieldHint, GroupHint } from './types';
import { normalizeLabel } from '../page/label-text';

/**
 * The slim projection of a form pack that travels to the content script: labels, synonyms, codes and option texts,
 * already normalised. No zod schemas, no help texts — that keeps the injected script small.
 */
export function formHints(form: FormDefinition): { hints: FieldHint[]; groups: GroupHint[] } {
  const hints: FieldHint[] = form.fields.map((f) => hintOf(f, f.key));
  const groups: GroupHint[] = [];
  for (const g of form.groups) {
    for (const f of g.fields) hints.push({ ...hintOf(f, `${g.key}[].${f.key}`), group: g.key });
    groups.push({ key: g.key, itemNames: unique([g.itemLabel.zh, g.label.zh, g.itemLabel.en].map(normalizeLabel)) });
  }
  return { hints, groups };
}

function hintOf(f: FieldDef, path: string): FieldHint {
  const hint: FieldHint = {
    path,
    key: f.key,
    label: f.label.zh,
    names: unique([f.label.zh, ...f.synonyms].map(normalizeLabel).filter(Boolean)),
    codes: unique(f.codes.map((c) => c.toLowerCase())),
    type: f.type,
  };
  if (f.options)
    hint.options = f.options.map((o) => ({ value: o.value, texts: unique([o.value, o.label.zh, o.label.en, ...(o.synonyms ?? [])]) }));
  return hint;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter(Boolean))];
}

/** Flatten a draft's data into path → value (`schools[2].schoolName`) and rows per group. */
export function flattenValues(form: FormDefinition, data: FormData): { values: Record<string, string>; rows: Record<string, number> } {
  const values: Record<string, string> = {};
  const rows: Record<string, number> = {};
  for (const f of form.fields) values[f.key] = data.fields[f.key] ?? '';
  for (const g of form.groups) {
    const list = data.groups[g.key] ?? [];
    // Trailing blank rows are not worth adding rows on the page for.
    let n = list.length;
    while (n > 0 && Object.values(list[n - 1] ?? {}).every((v) => !v)) n--;
    rows[g.key] = n;
    for (let i = 0; i < n; i++) for (const f of g.fields) values[`${g.key}[${i}].${f.key}`] = list[i]?.[f.key] ?? '';
  }
  return { values, rows };
}
