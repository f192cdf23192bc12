import type { Bilingual, FieldDef, FormData, FormDefinition } from '../forms/types';
import type { Finding } from '../rules/types';
import type { RosterRow } from '../db/schema';
import { normalizeCode, normalizeValue, nameKey } from '../normalize';
import { t, type MessageKey } from '../i18n';
import type { PageFinding, PageRead, ReadRecord, ReadRows, VerifyResult } from './types';
import { expandRow } from './records';

/**
 * Checking records read from a page: each record's shown values are normalised into draft data (dates, 是/否,
 * full-width → half-width: lib/normalize), the form's rules run on it, and — when a roster is loaded — the values
 * are compared with the student's roster entry. Pure: the rule engine and the roster come in as parameters.
 */

/** Runs the rules on one record; `view` is the form narrowed to the fields the page shows (see `shownForm`). */
export type RunRules = (data: FormData, view: FormDefinition) => Finding[];

/**
 * The form narrowed to the fields a record shows. Generic field checks (required, format) then skip what the page
 * does not show — a missing column is not an empty value — instead of producing findings that would be dropped;
 * cross-field rules read values, which stay empty for fields not shown. One narrowed form per set of shown fields.
 */
export function shownForm(form: FormDefinition, record: ReadRecord, cache: Map<string, FormDefinition>): FormDefinition {
  const keys = Object.keys(record.cells);
  const id = keys.join(',');
  let view = cache.get(id);
  if (!view) {
    const shown = new Set(keys);
    cache.set(id, (view = { ...form, fields: form.fields.filter((f) => shown.has(f.key)) }));
  }
  return view;
}

/** The roster entry of a record: by ID number first, then by student number. */
export interface RosterLookup {
  size: number;
  find(key: { idNumber?: string; studentNo?: string }): RosterRow | undefined;
}

export function rosterLookup(rows: readonly RosterRow[]): RosterLookup {
  const byId = new Map<string, RosterRow>();
  const byNo = new Map<string, RosterRow>();
  for (const r of rows) {
    if (r.idNumber) byId.set(normalizeCode(r.idNumber), r);
    if (r.studentNo) byNo.set(normalizeCode(r.studentNo), r);
  }
  return {
    size: rows.length,
    find: ({ idNumber, studentNo }) =>
      (idNumber ? byId.get(normalizeCode(idNumber)) : undefined) ?? (studentNo ? byNo.get(normalizeCode(studentNo)) : undefined),
  };
}

export interface CheckOptions {
  form: FormDefinition;
  rules: RunRules;
  roster?: RosterLookup;
}

const bi = (key: MessageKey, params?: Record<string, string | number>): Bilingual => ({
  zh: t(key, params, 'zh-CN'),
  en: t(key, params, 'en'),
});

/** A record's shown values as draft data: every field of the form, `''` where the page shows nothing. */
export function recordData(form: FormDefinition, record: ReadRecord, memo?: Map<string, Map<string, string>>): FormData {
  const fields: Record<string, string> = {};
  for (const f of form.fields) {
    const cell = record.cells[f.key];
    if (!cell) {
      fields[f.key] = '';
      continue;
    }
    // A list repeats the same dates, units and 是/否 down a column: normalise each distinct text once.
    let seen = memo?.get(f.key);
    if (memo && !seen) memo.set(f.key, (seen = new Map()));
    fields[f.key] = normalizedOnce(f, cell.text, seen);
  }
  return { fields, groups: {} };
}

function normalizedOnce(f: FieldDef, text: string, seen: Map<string, string> | undefined): string {
  let v = seen?.get(text);
  if (v === undefined) {
    v = normalizeValue(f, text);
    seen?.set(text, v);
  }
  return v;
}

/**
 * `recordData` for the rows of one list, straight from its row-major texts: the field → column plan and memo maps
 * are resolved once per list, and no per-row record is built (rows without findings never need one).
 */
function listData(form: FormDefinition, list: ReadRows, memo: Map<string, Map<string, string>>): (row: number) => FormData {
  const n = list.keys.length;
  // Every field, '' where the list has no column: copied per row (a same-shaped copy, not 25 new properties).
  const blank: Record<string, string> = Object.fromEntries(form.fields.map((f) => [f.key, '']));
  const plan = form.fields.flatMap((f): Array<{ f: FieldDef; col: number; seen: Map<string, string> | undefined }> => {
    // The last column of a key wins, as in `expandRow`.
    const col = list.keys.lastIndexOf(f.key);
    if (col < 0) return [];
    // Only options and dates repeat down a column and cost more to normalise than to look up.
    if (f.type !== 'select' && f.type !== 'date') return [{ f, col, seen: undefined }];
    let seen = memo.get(f.key);
    if (!seen) memo.set(f.key, (seen = new Map()));
    return [{ f, col, seen }];
  });
  return (r) => {
    const fields = { ...blank };
    for (const { f, col, seen } of plan) fields[f.key] = normalizedOnce(f, list.texts[r * n + col] ?? '', seen);
    return { fields, groups: {} };
  };
}

/** Compare a record with its roster entry: one finding per field both show with different values. */
export function rosterFindings(form: FormDefinition, data: FormData, record: ReadRecord, entry: RosterRow): Finding[] {
  const out: Finding[] = [];
  const rosterValues: Record<string, string> = {
    ...entry.data,
    name: entry.name || entry.data.name || '',
    studentNo: entry.studentNo,
    idNumber: entry.idNumber,
  };
  for (const f of form.fields) {
    if (!record.cells[f.key]) continue;
    const page = data.fields[f.key] ?? '';
    const roster = normalizeValue(f, rosterValues[f.key] ?? '');
    if (!page || !roster || same(f, page, roster)) continue;
    out.push({
      ruleId: 'roster.mismatch',
      severity: 'error',
      fields: [f.key],
      message: bi('verify.roster.mismatch', { field: f.label.zh, page, roster }),
      clause: t('verify.roster.clause', undefined, 'zh-CN'),
      fix: bi('verify.roster.mismatch.fix'),
    });
  }
  return out;
}

function same(f: FieldDef, a: string, b: string): boolean {
  if (f.type === 'idNumber' || f.type === 'code') return normalizeCode(a) === normalizeCode(b);
  return nameKey(a) === nameKey(b);
}

/**
 * Check every record of every frame. Findings about fields the page does not show are dropped — a column missing
 * from a list is not an empty value — except findings about the whole record (no fields).
 */
export function checkPage(url: string, frames: Array<{ frameId: number; read: PageRead }>, opts: CheckOptions): VerifyResult {
  const t0 = performance.now();
  const { form } = opts;
  const labelOf = new Map(form.fields.map((f) => [f.key, f.label]));
  const findings: PageFinding[] = [];
  let records = 0;
  let clean = 0;
  let matched = 0;
  const memo = new Map<string, Map<string, string>>();
  const views = new Map<string, FormDefinition>();
  /** Run the rules (and the roster) on one record; the record itself is built only when something is found. */
  const judge = (frameId: number, data: FormData, view: FormDefinition, recordOf: () => ReadRecord) => {
    records++;
    let built: ReadRecord | undefined;
    const rec = () => (built ??= recordOf());
    const raw = opts.rules(data, view);
    const entry = opts.roster?.size ? opts.roster.find({ idNumber: data.fields.idNumber, studentNo: data.fields.studentNo }) : undefined;
    if (entry) {
      matched++;
      for (const f of rosterFindings(form, data, rec(), entry)) raw.push(f);
    } else if (opts.roster?.size && (rec().cells.idNumber || rec().cells.studentNo)) {
      raw.push({
        ruleId: 'roster.not-found',
        severity: 'warning',
        fields: [rec().cells.idNumber ? 'idNumber' : 'studentNo'],
        message: bi('verify.roster.notFound'),
        clause: t('verify.roster.clause', undefined, 'zh-CN'),
      });
    }
    let found = 0;
    for (const f of raw) {
      const record = rec();
      const shown = f.fields.filter((k) => record.cells[k]);
      if (f.fields.length && !shown.length) continue;
      found++;
      const first = shown[0];
      const pf: PageFinding = {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        clause: f.clause,
        source: record.source,
        row: record.row,
        fields: shown,
        labels: shown.map((k) => labelOf.get(k) ?? { zh: k, en: k }),
        value: first ? record.cells[first]!.text.trim() : '',
        refs: shown.length ? shown.map((k) => record.cells[k]!.ref) : [record.ref],
        frameId,
      };
      if (f.fix) pf.fix = f.fix;
      if (record.table !== undefined) pf.table = record.table;
      findings.push(pf);
    }
    if (!found) clean++;
  };
  for (const { frameId, read } of frames) {
    for (const record of read.records) judge(frameId, recordData(form, record, memo), shownForm(form, record, views), () => record);
    // Every row of a list shows the same columns: its narrowed form and data reader are made once per list.
    for (const list of read.lists ?? []) {
      if (!list.rowRefs.length) continue;
      const view = shownForm(form, expandRow(list, 0), views);
      const data = listData(form, list, memo);
      for (let r = 0; r < list.rowRefs.length; r++) judge(frameId, data(r), view, () => expandRow(list, r));
    }
  }
  const result: VerifyResult = {
    url,
    records,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    clean,
    findings,
    tables: frames.flatMap((f) => f.read.tables),
    unmapped: [
      ...new Set(frames.flatMap((f) => [...f.read.tables.flatMap((x) => x.unmapped), ...f.read.records.flatMap((r) => r.unmapped ?? [])])),
    ],
    ms: 0,
  };
  if (opts.roster?.size) result.roster = { students: opts.roster.size, matched };
  result.ms = performance.now() - t0;
  return result;
}
