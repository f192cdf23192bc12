import type { FieldHint, LabelCandidate, LabelSource } from '../page/types';
import type { GroupHint } from './types';
import { bestField, createLabelScorer, LABEL_THRESHOLD, type FieldScore } from '../page/match/similarity';

/**
 * Matching scanned controls to form fields by meaning (lib/page/match): each control's label candidates, read with
 * the text that scopes them (section heading, legend, card title, column group), are scored against every field;
 * a control names the one field it names best and unambiguously; then pairs are assigned one-to-one over the whole
 * page, best first, so a field goes to the control that names it best anywhere. Below the threshold a control stays
 * unmatched: a wrong fill is worse than a skip. Pure: works on plain data, so verify reuses it on read-only pages.
 */

/**
 * How much a label source is trusted: a text that may not be the control's label (a placeholder, the text before
 * it) counts a little less, so the same words from a label element win.
 */
const SOURCE_WEIGHT: Record<LabelSource, number> = {
  adapter: 1,
  'label-for': 1,
  'form-item': 1,
  'aria-labelledby': 0.99,
  'aria-label': 0.98,
  'label-wrap': 0.98,
  'cell-left': 0.98,
  'column-header': 0.98,
  'cell-above': 0.95,
  'preceding-text': 0.95,
  placeholder: 0.94,
  title: 0.92,
};

/** Score of a `name`/`id` equal to a field's pinyin code or key (`lxdh`, `contactPhone`). */
const CODE_SCORE = 0.9;
/** A control in a repeated row prefers a group field on equal evidence; a row index in its name a little. */
const ROW_PREFERENCE = 1.05;
const INDEX_PREFERENCE = 1.02;

export interface Matchable {
  labels: LabelCandidate[];
  code: { key: string; index?: number };
  /** Row in a repeated table, when a column header names the control. */
  row?: { index: number };
  /** Text that scopes the labels: section heading, legend, card title, column group. */
  context?: string;
}

export interface Assignment<C> {
  control: C;
  /** Concrete path: `contactPhone` or `schools[2].schoolName`. */
  path: string;
  hint: FieldHint;
  score: number;
  via: string;
}

interface Matcher {
  score: ReturnType<typeof createLabelScorer>;
  byCode: Map<string, number[]>;
  /** Per field, the fields with the same key at the other level (`contactPhone` ↔ `schools[].contactPhone`). */
  twins: number[][];
}

/** Per form (per hints array): the scorer holds the precomputed field data and memoises label texts. */
const matchers = new WeakMap<readonly FieldHint[], Matcher>();

function matcherFor(hints: readonly FieldHint[], groups: readonly GroupHint[]): Matcher {
  let m = matchers.get(hints);
  if (!m) {
    const byCode = new Map<string, number[]>();
    hints.forEach((h, i) => {
      for (const code of new Set([...h.codes, h.key.toLowerCase()])) byCode.set(code, [...(byCode.get(code) ?? []), i]);
    });
    const twins = hints.map((h, i) => hints.flatMap((o, j) => (j !== i && o.key === h.key ? [j] : [])));
    m = { score: createLabelScorer(hints, groups), byCode, twins };
    matchers.set(hints, m);
  }
  return m;
}

/** One (control, field) candidate, with the row of a group field when the control's table row or name gives it. */
interface Cand {
  order: number;
  hint: number;
  score: number;
  via: string;
  row?: number;
}

/** What a control's candidates depend on besides its row: controls down a table share it, and their answer. */
function signature(c: Matchable): string {
  let k = `${c.context ?? ''}\u0001${c.row ? 'r' : c.code.index !== undefined ? 'i' : ''}\u0001${c.code.key}`;
  for (const l of c.labels) k += `\u0001${l.source}\u0002${l.text}`;
  return k;
}

/** The candidates of one control: its best field (unambiguous, above the threshold) and that field's twins. */
function candidates(c: Matchable, order: number, hints: readonly FieldHint[], m: Matcher): Cand[] {
  const scores: FieldScore[] = [];
  const via: string[] = [];
  const raise = (field: number, score: number, source: string): void => {
    for (let k = 0; k < scores.length; k++) {
      if (scores[k]!.field !== field) continue;
      if (score > scores[k]!.score) {
        scores[k]!.score = score;
        via[k] = source;
      }
      return;
    }
    scores.push({ field, score });
    via.push(source);
  };
  const context = c.context ?? '';
  for (const l of c.labels) {
    const w = SOURCE_WEIGHT[l.source];
    for (const s of m.score(l.text, context)) raise(s.field, s.score * w, l.source);
  }
  if (c.code.key) for (const i of m.byCode.get(c.code.key) ?? []) raise(i, CODE_SCORE, 'code');
  const inRow = c.row !== undefined;
  const rowIndex = c.row?.index ?? c.code.index;
  for (const s of scores) {
    if (!hints[s.field]!.group) continue;
    if (inRow) s.score = Math.min(1, s.score * ROW_PREFERENCE);
    else if (c.code.index !== undefined) s.score = Math.min(1, s.score * INDEX_PREFERENCE);
  }
  // A control in a repeated row names a field of that row when one fits (`联系人` of a school, not the filler).
  const best =
    (inRow &&
      bestField(
        scores.filter((s) => hints[s.field]!.group),
        hints,
      )) ||
    bestField(scores, hints);
  if (!best) return [];
  const out: Cand[] = [];
  for (const field of [best.field, ...m.twins[best.field]!]) {
    const k = scores.findIndex((s) => s.field === field);
    if (k < 0 || scores[k]!.score < LABEL_THRESHOLD) continue;
    const cand: Cand = { order, hint: field, score: scores[k]!.score, via: via[k]! };
    if (hints[field]!.group && rowIndex !== undefined) cand.row = rowIndex;
    out.push(cand);
  }
  return out;
}

/**
 * Assign controls to fields. Controls in a repeated row (column-header label or an index in their name) go to group
 * fields of that row; other controls to top-level fields, or — when a group field is what they name — to the next row
 * of that group in document order (forms that repeat a block per school). Each control and each concrete path is used
 * once, best score first over the whole page; `skip` paths (filled elsewhere) are not assigned. `groups` name the
 * rows of repeated groups (`学校`): a heading naming one scopes its fields.
 */
export function matchControls<C extends Matchable>(
  controls: C[],
  hints: FieldHint[],
  skip: ReadonlySet<string> = new Set(),
  groups: readonly GroupHint[] = [],
): Assignment<C>[] {
  const m = matcherFor(hints, groups);
  const cands: Cand[] = [];
  const seen = new Map<string, Cand[]>();
  controls.forEach((control, order) => {
    const sig = signature(control);
    let found = seen.get(sig);
    if (!found) {
      found = candidates(control, order, hints, m);
      seen.set(sig, found);
      for (const cand of found) cands.push(cand);
      return;
    }
    // The same evidence: the same fields and scores, in this control's row.
    const rowIndex = control.row?.index ?? control.code.index;
    for (const f of found) {
      const cand: Cand = { order, hint: f.hint, score: f.score, via: f.via };
      if (hints[f.hint]!.group && rowIndex !== undefined) cand.row = rowIndex;
      cands.push(cand);
    }
  });
  cands.sort((a, b) => b.score - a.score || a.order - b.order);
  // A concrete path is a field and a row: kept as a number (`row × fields + field`; -1 - field for top-level fields)
  // so that only assigned controls build their path string.
  const pathKey = (hint: number, row?: number): number => (row === undefined ? -1 - hint : row * hints.length + hint);
  const pathOf = (hint: number, row?: number): string =>
    row === undefined ? hints[hint]!.path : hints[hint]!.path.replace('[]', `[${row}]`);
  const usedControl = new Uint8Array(controls.length);
  const usedPath = new Set<number>();
  const taken = (hint: number, row?: number): boolean => usedPath.has(pathKey(hint, row)) || (skip.size > 0 && skip.has(pathOf(hint, row)));
  const out: Assignment<C>[] = [];
  const assign = (c: Cand, row?: number): void => {
    usedControl[c.order] = 1;
    usedPath.add(pathKey(c.hint, row));
    out.push({ control: controls[c.order]!, path: pathOf(c.hint, row), hint: hints[c.hint]!, score: c.score, via: c.via });
  };
  const byOrder: Cand[] = [];
  for (const c of cands) {
    if (usedControl[c.order]) continue;
    if (!hints[c.hint]!.group) {
      if (!taken(c.hint)) assign(c);
    } else if (c.row !== undefined) {
      if (!taken(c.hint, c.row)) assign(c, c.row);
    } else {
      byOrder.push(c);
    }
  }
  // Group fields without a row: number them per field in document order.
  byOrder.sort((a, b) => a.order - b.order);
  const nextRow = new Map<number, number>();
  for (const c of byOrder) {
    if (usedControl[c.order]) continue;
    let row = nextRow.get(c.hint) ?? 0;
    while (taken(c.hint, row)) row++;
    nextRow.set(c.hint, row + 1);
    assign(c, row);
  }
  return out;
}
