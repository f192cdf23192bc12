/**
 * Field-by-field comparison of a fixture page's own state with what a draft should have put there, the fill report
 * held to that state, and the state after undo. Free of test-framework calls; the unseen specs print its tables.
 */
import type { FormData } from '../../../lib/forms/types';

export interface ReportEntry {
  path: string;
  status: string;
  reason?: string;
}

export interface FieldRow {
  /** Draft path (`schools.2.city`), or `—` for page state no draft field maps to. */
  field: string;
  statePath: string;
  want: unknown;
  got: unknown;
  ok: boolean;
  status?: string;
  reason?: string;
}

export interface FillDiff {
  /** One row per draft field the page holds. */
  fields: FieldRow[];
  /** Page state that no draft field maps to (its own checkboxes, the province level of a cascader…). */
  other: FieldRow[];
  /** Fields reported `filled` whose state differs from the draft's value. */
  dishonest: FieldRow[];
  /** Report entries that name no field of the page (printed, not judged). */
  unmatchedReport: ReportEntry[];
}

/** Value at a dotted path (`schools.2.szd.1`). */
export function get(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const k of path.split('.')) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** A cleared component keeps its own empty value (`null`, `undefined`, `''`, `[]`): all count as empty. */
const isEmpty = (v: unknown) => v == null || v === '' || (Array.isArray(v) && v.length === 0);
export const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/** Leaf paths of a plain JSON value (arrays expanded by index). */
export function leaves(obj: unknown, prefix = ''): string[] {
  if (obj == null || typeof obj !== 'object') return [prefix];
  const keys = Object.keys(obj);
  if (!keys.length) return [prefix];
  return keys.flatMap((k) => leaves((obj as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
}

/** The draft's fields as paths (`province`, `schools.0.city`), with values; `jointTraining` is derived (是 when a partner university is named). */
export function draftFields(d: FormData): Array<{ field: string; key: string; value: string }> {
  const out = Object.entries(d.fields).map(([k, v]) => ({ field: k, key: k, value: v }));
  if ('jointUniversity' in d.fields)
    out.push({ field: 'jointTraining', key: 'jointTraining', value: d.fields.jointUniversity ? '是' : '否' });
  for (const [g, rows] of Object.entries(d.groups))
    rows.forEach((row, i) => {
      for (const [k, v] of Object.entries(row)) out.push({ field: `${g}.${i}.${k}`, key: `${g}.*.${k}`, value: v });
    });
  return out;
}

/** A report path as a draft path: `schools[2].city`, `schools.2.city` and `schools/2/city` all give `schools.2.city`. */
export function reportField(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/[/#:]/g, '.')
    .replace(/\.+/g, '.')
    .replace(/^\.|\.$/g, '');
}

export function diffFill(opts: {
  draft: FormData;
  paths: Record<string, string>;
  expected: unknown;
  state: unknown;
  report: ReportEntry[];
}): FillDiff {
  const { draft, paths, expected, state, report } = opts;
  const byField = new Map(report.map((r) => [reportField(r.path), r]));
  const fields: FieldRow[] = [];
  const covered = new Set<string>();
  for (const { field, key } of draftFields(draft)) {
    const pattern = paths[key];
    if (!pattern) continue;
    const row = field.split('.')[1];
    const statePath = row === undefined || !pattern.includes('*') ? pattern : pattern.replace('*', row);
    covered.add(statePath);
    const want = get(expected, statePath);
    const got = get(state, statePath);
    const r = byField.get(field);
    fields.push({ field, statePath, want, got, ok: same(want, got), status: r?.status, reason: r?.reason });
  }
  const other = leaves(expected)
    .filter((p) => !covered.has(p))
    .map((statePath) => {
      const want = get(expected, statePath);
      const got = get(state, statePath);
      return { field: '—', statePath, want, got, ok: same(want, got) };
    });
  const known = new Set(fields.map((f) => f.field));
  return {
    fields,
    other,
    dishonest: fields.filter((f) => f.status === 'filled' && !f.ok),
    unmatchedReport: report.filter((r) => !known.has(reportField(r.path))),
  };
}

/** State after undo against the state before the fill; a row the fill added must be as empty as the page's own blank row. */
export function diffUndo(before: unknown, after: unknown, rowsKey?: string): FieldRow[] {
  const template = rowsKey ? (get(before, rowsKey) as unknown[] | undefined)?.[0] : undefined;
  return leaves(after).flatMap((statePath) => {
    let want = get(before, statePath);
    if (want === undefined && rowsKey && statePath.startsWith(`${rowsKey}.`))
      want = get(template, statePath.slice(rowsKey.length + 1).replace(/^\d+\.?/, ''));
    const got = get(after, statePath);
    return same(want, got) ? [] : [{ field: '—', statePath, want, got, ok: false }];
  });
}

const show = (v: unknown) => (v === undefined ? '∅' : JSON.stringify(v));

/** A readable table of rows (mismatches by default). */
export function table(title: string, rows: FieldRow[]): string {
  if (!rows.length) return `${title}: none`;
  const cells = rows.map((r) => [r.field, r.statePath, show(r.want), show(r.got), r.status ?? '', r.reason ?? '']);
  const head = ['draft field', 'page key', 'want', 'got', 'report', 'reason'];
  const width = head.map((h, i) =>
    Math.min(
      40,
      cells.reduce((m, c) => Math.max(m, c[i]!.length), h.length),
    ),
  );
  const line = (c: string[]) => c.map((x, i) => (x.length > 40 ? x.slice(0, 39) + '…' : x).padEnd(width[i]!)).join(' │ ');
  return [`${title}:`, line(head), width.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)].join('\n');
}

/** One summary line: right / total, dishonest count. */
export function summary(name: string, d: FillDiff): string {
  const right = d.fields.filter((f) => f.ok).length;
  // A draft field left empty is right when the page's field stays empty: say how many of the right ones those are.
  const blank = d.fields.filter((f) => f.ok && same(f.want, '')).length;
  const otherRight = d.other.filter((f) => f.ok).length;
  return (
    `${name}: ${right}/${d.fields.length} draft fields right in the page state (${blank} of them empty in the draft); ` +
    `${otherRight}/${d.other.length} other state keys right; ${d.dishonest.length} reported filled but wrong`
  );
}

/**
 * The draft fields a page state key belongs to, by the page's `…Paths` (`*` is the row). A key beside the field's own
 * in the same list (`szd.0` and `szd.1` of a cascader whose paths name `szd.1` and `szd.2`) is the same control.
 */
export function fieldsOfKey(paths: Record<string, string>, statePath: string): string[] {
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const out: string[] = [];
  for (const [key, pattern] of Object.entries(paths)) {
    for (const p of [pattern, pattern.replace(/\.\d+$/, '.#')]) {
      const m = new RegExp(`^${esc(p).replace('*', '(\\d+)').replace('#', '\\d+')}$`).exec(statePath);
      if (m) {
        out.push(pattern.includes('*') ? key.replace('*', m[1]!) : key);
        break;
      }
    }
  }
  return out;
}

/**
 * Undo's misses split by what the product said of each field: `noWay` when the product reported that a person has no
 * way to empty it (it was empty before, and is a radio group, a select or cascader without a clear control), the rest
 * restorable but not restored. A `noWay` claim for a key that held a value before is a miss: only emptying can be
 * impossible.
 */
export function splitUndo(
  rows: FieldRow[],
  left: Array<{ path: string; reason: string }>,
  fieldsOf: (statePath: string) => string[],
): { noWay: FieldRow[]; missed: FieldRow[] } {
  const noWayFields = new Set(left.filter((l) => l.reason === 'noWay').map((l) => reportField(l.path)));
  const noWay: FieldRow[] = [];
  const missed: FieldRow[] = [];
  for (const r of rows) {
    const fields = fieldsOf(r.statePath);
    const said = fields.find((f) => noWayFields.has(reportField(f)));
    const row = { ...r, field: said ?? fields[0] ?? '—', status: said ? 'noWay' : undefined };
    (said && isEmpty(r.want) ? noWay : missed).push(row);
  }
  return { noWay, missed };
}
