/**
 * The form registry. Adding a form = adding a pack file and one entry here; `satisfies` makes the map total over
 * `FormId`, so code that switches on a form id fails to compile when a pack is missing.
 */
import degreeRecord from './degree-record';
import recommendation from './recommendation';
import type { FieldDef, FormData, FormDefinition, GroupDef } from './types';

export const forms = { recommendation, degreeRecord } satisfies Record<string, FormDefinition>;

export type FormId = keyof typeof forms;
export const formIds = Object.keys(forms) as FormId[];

export function isFormId(id: string): id is FormId {
  return Object.hasOwn(forms, id);
}

/** The form pack with this id, or `undefined` for an unknown id (e.g. from an imported file). */
export function getForm(id: FormId): FormDefinition<FormId>;
export function getForm(id: string): FormDefinition | undefined;
export function getForm(id: string): FormDefinition | undefined {
  return isFormId(id) ? forms[id] : undefined;
}

/** One empty row of a group: every column present, as `''`. */
export function emptyRow(group: GroupDef): Record<string, string> {
  return Object.fromEntries(group.fields.map((f) => [f.key, '']));
}

/** A blank draft of `form`: every field `''`, each group with its `minRows` empty rows. */
export function emptyData(form: FormDefinition): FormData {
  return {
    fields: Object.fromEntries(form.fields.map((f) => [f.key, ''])),
    groups: Object.fromEntries(form.groups.map((g) => [g.key, Array.from({ length: g.minRows }, () => emptyRow(g))])),
  };
}

/** A row is blank when no column has any non-space text; blank rows are ignored by the rules and by exports. */
export function isBlankRow(row: Record<string, string> | undefined): boolean {
  return !row || Object.values(row).every((v) => !v || !v.trim());
}

/** Where a value lives: a top-level field (`{ key }`) or a column of a group row (`{ group, row, key }`, row 0-based). */
export type FieldRef = { key: string; group?: undefined; row?: undefined } | { key: string; group: string; row: number };

/** `{ key: 'contactPhone' }` → `contactPhone`; `{ group: 'schools', row: 2, key: 'creditCode' }` → `schools[2].creditCode`. */
export function fieldPath(ref: FieldRef): string {
  return ref.group === undefined ? ref.key : `${ref.group}[${ref.row}].${ref.key}`;
}

/** The inverse of `fieldPath`; `undefined` for text that is not a field path. A bare group key (`schools`) is not a field. */
export function parseFieldPath(path: string): FieldRef | undefined {
  const m = /^([A-Za-z_$][\w$]*)\[(\d+)\]\.([A-Za-z_$][\w$]*)$/.exec(path);
  if (m) return { group: m[1]!, row: Number(m[2]), key: m[3]! };
  return /^[A-Za-z_$][\w$]*$/.test(path) ? { key: path } : undefined;
}

/** The field definition a path (or ref) points to in `form`, if any. Paths are looked up once per form (rules ask
 * for the same few fields for every record of a verified list; form definitions are never changed in place). */
export function fieldAt(form: FormDefinition, at: string | FieldRef): FieldDef | undefined {
  if (typeof at !== 'string') return fieldOfRef(form, at);
  let byPath = fieldsAt.get(form);
  if (!byPath) fieldsAt.set(form, (byPath = new Map()));
  if (byPath.has(at)) return byPath.get(at);
  const f = fieldOfRef(form, parseFieldPath(at));
  byPath.set(at, f);
  return f;
}

const fieldsAt = new WeakMap<FormDefinition, Map<string, FieldDef | undefined>>();

function fieldOfRef(form: FormDefinition, ref: FieldRef | undefined): FieldDef | undefined {
  if (!ref) return undefined;
  if (ref.group === undefined) return form.fields.find((f) => f.key === ref.key);
  return form.groups.find((g) => g.key === ref.group)?.fields.find((f) => f.key === ref.key);
}

/** The value at a path in draft data (`''` when absent). */
export function valueAt(data: FormData, at: string | FieldRef): string {
  const ref = typeof at === 'string' ? parseFieldPath(at) : at;
  if (!ref) return '';
  if (ref.group === undefined) return data.fields[ref.key] ?? '';
  return data.groups[ref.group]?.[ref.row]?.[ref.key] ?? '';
}

/** A copy of `data` with one value replaced; group rows are added (blank) up to the row written. */
export function withValue(form: FormDefinition, data: FormData, at: string | FieldRef, value: string): FormData {
  const ref = typeof at === 'string' ? parseFieldPath(at) : at;
  if (!ref) return data;
  if (ref.group === undefined) return { ...data, fields: { ...data.fields, [ref.key]: value } };
  const group = form.groups.find((g) => g.key === ref.group);
  const rows = [...(data.groups[ref.group] ?? [])];
  while (rows.length <= ref.row) rows.push(group ? emptyRow(group) : {});
  rows[ref.row] = { ...rows[ref.row], [ref.key]: value };
  return { ...data, groups: { ...data.groups, [ref.group]: rows } };
}

/**
 * The value a field has for the rules, exports and fills: what the draft holds, or, for a blank `derivedFrom` field,
 * what its sibling implies (是否联合培养 with a partner university named → 是).
 */
export function effectiveValue(form: FormDefinition, data: FormData, at: string | FieldRef): string {
  const ref = typeof at === 'string' ? parseFieldPath(at) : at;
  if (!ref) return '';
  const own = valueAt(data, ref);
  const d = own.trim() ? undefined : fieldAt(form, ref)?.derivedFrom;
  if (!d) return own;
  return valueAt(data, { ...ref, key: d.key }).trim() ? d.filled : d.empty;
}

/** Whether `form` has any `derivedFrom` field (most forms have none: `withDerived` is then the identity). */
function derivedFields(form: FormDefinition): { top: FieldDef[]; groups: Array<[GroupDef, FieldDef[]]> } {
  return {
    top: form.fields.filter((f) => f.derivedFrom),
    groups: form.groups.map((g) => [g, g.fields.filter((f) => f.derivedFrom)] as [GroupDef, FieldDef[]]).filter(([, fs]) => fs.length),
  };
}

/** `data` with every blank `derivedFrom` field set to its effective value (the same object when nothing changes). */
export function withDerived(form: FormDefinition, data: FormData): FormData {
  const { top, groups } = derivedFields(form);
  if (!top.length && !groups.length) return data;
  const fields = data.fields ?? {};
  const set = (row: Record<string, string>, f: FieldDef) =>
    (row[f.key] ?? '').trim() ? undefined : (row[f.derivedFrom!.key] ?? '').trim() ? f.derivedFrom!.filled : f.derivedFrom!.empty;
  let out = data;
  const topPatch = Object.fromEntries(top.flatMap((f) => (set(fields, f) === undefined ? [] : [[f.key, set(fields, f)!]])));
  if (Object.keys(topPatch).length) out = { ...out, fields: { ...fields, ...topPatch } };
  for (const [g, fs] of groups) {
    const rows = out.groups?.[g.key];
    if (!rows) continue;
    const next = rows.map((row) => {
      if (isBlankRow(row)) return row;
      const patch = Object.fromEntries(fs.flatMap((f) => (set(row, f) === undefined ? [] : [[f.key, set(row, f)!]])));
      return Object.keys(patch).length ? { ...row, ...patch } : row;
    });
    out = { ...out, groups: { ...out.groups, [g.key]: next } };
  }
  return out;
}

/** A field of a form with the group it belongs to (`undefined` for top-level fields). */
export interface FieldEntry {
  field: FieldDef;
  group?: GroupDef;
}

/** Every field definition of `form` in display order: top-level fields, then each group's columns. */
export function allFields(form: FormDefinition): FieldEntry[] {
  return [...form.fields.map((field) => ({ field })), ...form.groups.flatMap((group) => group.fields.map((field) => ({ field, group })))];
}

export type { FieldDef, FormData, FormDefinition, GroupDef } from './types';
