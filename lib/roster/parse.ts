/**
 * The 国优 roster a registrar imports (Excel or JSON: 学号, 姓名, 证件号, 备案标记, …) → roster rows keyed by degree-record
 * field. Columns are recognised by the same header mapping as list tables on pages (lib/verify/columns: labels,
 * synonyms, pinyin codes), values normalised per field (lib/normalize). All-or-nothing: a row without a key or a
 * student listed twice refuses the whole file with a message naming the row.
 */
import type { Bilingual, FieldDef } from '../forms/types';
import type { RosterRow } from '../db/schema';
import { forms } from '../forms';
import { formHints } from '../autofill/hints';
import { normalizeValue, normalizeCode } from '../normalize';
import { t, type MessageKey } from '../i18n';
import { mapColumns } from '../verify/columns';

export type RosterStudent = Omit<RosterRow, 'id' | 'rosterId'>;

export interface ParsedRoster {
  students: RosterStudent[];
  /** Header → field key of the columns used. */
  columns: Record<string, string>;
  /** Headers that name no field (reported, not imported). */
  unmapped: string[];
}

export type RosterResult = { ok: true; roster: ParsedRoster } | { ok: false; error: Bilingual };

/** A roster larger than this is refused (a roster is one cohort, not a national database). */
export const MAX_ROSTER_STUDENTS = 100_000;

const err = (key: MessageKey, params?: Record<string, string | number>): RosterResult => ({
  ok: false,
  error: { zh: t(key, params, 'zh-CN'), en: t(key, params, 'en') },
});

const form = forms.degreeRecord;
const fieldByKey = new Map<string, FieldDef>(form.fields.map((f) => [f.key, f]));

/** A cell as read from a file: text, or what a spreadsheet stores (number, date, boolean). */
export type RosterCell = string | number | boolean | Date | null | undefined;

/**
 * Rows of cells under a header → roster. `rowNumber(i)` gives the number a person sees for data row i (the
 * spreadsheet row, or the 1-based position in a JSON array).
 */
export function rosterFromGrid(headers: string[], rows: RosterCell[][], rowNumber: (i: number) => number): RosterResult {
  const { hints } = formHints(form);
  const keys = mapColumns(headers, hints);
  if (!keys.includes('studentNo') && !keys.includes('idNumber')) return err('roster.error.noHeader');
  if (rows.length > MAX_ROSTER_STUDENTS) return err('roster.error.tooMany', { max: MAX_ROSTER_STUDENTS });
  const columns: Record<string, string> = {};
  const unmapped: string[] = [];
  headers.forEach((h, i) => {
    const k = keys[i];
    if (k) columns[h] = k;
    else if (h.trim()) unmapped.push(h);
  });
  const students: RosterStudent[] = [];
  const firstRowOf = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!;
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    const data: Record<string, string> = {};
    keys.forEach((k, col) => {
      if (!k) return;
      const cell = cells[col];
      const field = fieldByKey.get(k)!;
      const v = cell instanceof Date && field.type === 'date' ? cell.toISOString().slice(0, 10) : normalizeValue(field, cell);
      if (v) data[k] = v;
    });
    const row = rowNumber(i);
    const studentNo = data.studentNo ?? '';
    const idNumber = data.idNumber ?? '';
    if (!studentNo && !idNumber) return err('roster.error.noKey', { row });
    for (const key of [idNumber && `id:${normalizeCode(idNumber)}`, studentNo && `no:${normalizeCode(studentNo)}`]) {
      if (!key) continue;
      const first = firstRowOf.get(key);
      if (first !== undefined) return err('roster.error.duplicate', { row, first, key: key.slice(3) });
      firstRowOf.set(key, row);
    }
    students.push({ studentNo, idNumber, name: data.name ?? '', data });
  }
  if (!students.length) return err('roster.error.empty');
  return { ok: true, roster: { students, columns, unmapped } };
}

/** JSON roster: an array of objects, or an object holding one (`students`, `rows`, `data`, `roster`, `records`). */
export function parseRosterJson(text: string): RosterResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return err('roster.error.json', { detail: e instanceof Error ? e.message.slice(0, 120) : String(e) });
  }
  const list = Array.isArray(json)
    ? json
    : json && typeof json === 'object'
      ? ['students', 'rows', 'data', 'roster', 'records'].map((k) => (json as Record<string, unknown>)[k]).find(Array.isArray)
      : undefined;
  if (!list || !list.every((x) => x && typeof x === 'object' && !Array.isArray(x))) return err('roster.error.shape');
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const obj of list as Array<Record<string, unknown>>)
    for (const k of Object.keys(obj))
      if (!seen.has(k)) {
        seen.add(k);
        headers.push(k);
      }
  const rows = (list as Array<Record<string, unknown>>).map((obj) =>
    headers.map((h) => {
      const v = obj[h];
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
    }),
  );
  return rosterFromGrid(headers, rows, (i) => i + 1);
}
