import type { FieldHint, LabelCandidate, LabelSource } from '../page/types';

/**
 * Matching scanned controls to form fields: a score in [0, 1] per (control, field), greedy assignment best-first,
 * and a threshold under which a control stays unmatched rather than guessed. Pure: works on plain data, so the
 * verify area reuses it on read-only pages.
 */

/** How much a label source is trusted, strongest first. */
export const SOURCE_WEIGHT: Record<LabelSource, number> = {
  adapter: 1,
  'label-for': 1,
  'form-item': 1,
  'aria-labelledby': 0.97,
  'aria-label': 0.95,
  'label-wrap': 0.95,
  'cell-left': 0.93,
  'column-header': 0.93,
  'cell-above': 0.85,
  'preceding-text': 0.85,
  placeholder: 0.8,
  title: 0.75,
};

/** Below this a control is left alone. */
export const MATCH_THRESHOLD = 0.62;

/** Score of a name/id code equal to a field's pinyin code or key. */
const CODE_SCORE = 0.9;

export interface Matchable {
  labels: LabelCandidate[];
  code: { key: string; index?: number };
  /** Row in a repeated table, when a column header names the control. */
  row?: { index: number };
}

export interface Assignment<C> {
  control: C;
  /** Concrete path: `contactPhone` or `schools[2].schoolName`. */
  path: string;
  hint: FieldHint;
  score: number;
  via: string;
}

/** Similarity of one normalised label to one normalised field name. */
export function nameScore(label: string, name: string): number {
  if (!label || !name) return 0;
  if (label === name) return 1;
  const short = label.length < name.length ? label : name;
  const long = label.length < name.length ? name : label;
  if (short.length < 2 || !long.includes(short)) return 0;
  // `学校名称(全称)` ⊃ `学校名称`: strong; `电话` ⊂ `联系电话`: weaker. Never reaches an exact match.
  return 0.55 + 0.35 * (short.length / long.length);
}

/** One field a control may hold, with its score and the evidence that gave it. */
export interface Scored {
  hint: number;
  score: number;
  via: string;
}

/**
 * Scores of a control for every field: the best weighted label similarity per field, or the code score when its
 * name/id is the field's pinyin code or key. Label texts repeat down a table (every row says `学校名称`), so each
 * distinct text is compared with every field name once, and codes are looked up in a map.
 */
export function createScorer(hints: FieldHint[]): (c: Matchable) => Scored[] {
  const byText = new Map<string, Array<[number, number]>>();
  const byCode = new Map<string, number[]>();
  hints.forEach((h, i) => {
    for (const code of new Set([...h.codes, h.key.toLowerCase()])) byCode.set(code, [...(byCode.get(code) ?? []), i]);
  });
  const rawFor = (text: string): Array<[number, number]> => {
    let r = byText.get(text);
    if (!r) {
      r = [];
      hints.forEach((h, i) => {
        let best = 0;
        for (const n of h.names) best = Math.max(best, nameScore(text, n));
        if (best > 0) r!.push([i, best]);
      });
      byText.set(text, r);
    }
    return r;
  };
  // Per field, the best evidence; a later label replaces an earlier one only with a higher score. Fields stay in the
  // order they were first scored (a handful per control: a linear search beats a map here).
  const raise = (out: Scored[], hint: number, score: number, via: string): void => {
    for (const e of out) {
      if (e.hint !== hint) continue;
      if (score > e.score) {
        e.score = score;
        e.via = via;
      }
      return;
    }
    out.push({ hint, score, via });
  };
  return (c) => {
    const out: Scored[] = [];
    for (const l of c.labels) {
      const w = SOURCE_WEIGHT[l.source];
      for (const [i, raw] of rawFor(l.text)) raise(out, i, w * raw, l.source);
    }
    if (c.code.key) for (const i of byCode.get(c.code.key) ?? []) raise(out, i, CODE_SCORE, 'code');
    return out;
  };
}

/**
 * Assign controls to fields. Controls in a repeated row (column-header label or an index in their name) go to group
 * fields of that row; other controls to top-level fields, or — when a group field fits them better — to the next row
 * of that group in document order (forms that repeat a block per school). Each control and each concrete path is used
 * once; `skip` paths (filled elsewhere) are not assigned.
 */
export function matchControls<C extends Matchable>(
  controls: C[],
  hints: FieldHint[],
  skip: ReadonlySet<string> = new Set(),
): Assignment<C>[] {
  type Cand = { order: number; hint: number; score: number; via: string; row?: number };
  const scorer = createScorer(hints);
  // Candidates grouped by score (a page has a handful of distinct scores), each group in document order: visiting the
  // groups best-first is the same as a stable sort by score, without comparing thousands of candidates.
  const byScore = new Map<number, Cand[]>();
  controls.forEach((control, order) => {
    const rowIndex = control.row?.index ?? control.code.index;
    const inRow = control.row !== undefined;
    for (const scored of scorer(control)) {
      const hint = hints[scored.hint]!;
      let score = scored.score;
      // A control in a repeated row prefers a group field on equal evidence (`联系电话` of a school, not of the filler);
      // a label row above a single input row (no group field fits) still reaches top-level fields.
      if (inRow && hint.group) score = Math.min(1, score * 1.05);
      // A row index in the name (`rec_schools_2_name`, `xxmc_3`) is weaker evidence of a repeated row.
      else if (control.code.index !== undefined && hint.group) score = Math.min(1, score * 1.02);
      else if (!inRow && hint.group && control.code.index === undefined) score *= 0.98;
      if (score < MATCH_THRESHOLD) continue;
      const cand: Cand = { order, hint: scored.hint, score, via: scored.via };
      if (hint.group && rowIndex !== undefined) cand.row = rowIndex;
      const group = byScore.get(score);
      if (group) group.push(cand);
      else byScore.set(score, [cand]);
    }
  });
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
  for (const score of [...byScore.keys()].sort((a, b) => b - a)) {
    for (const c of byScore.get(score)!) {
      if (usedControl[c.order]) continue;
      if (!hints[c.hint]!.group) {
        if (!taken(c.hint)) assign(c);
      } else if (c.row !== undefined) {
        if (!taken(c.hint, c.row)) assign(c, c.row);
      } else {
        byOrder.push(c);
      }
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
