import type { FieldHint, LabelCandidate, LabelSource } from './types';

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

/** Best score of a control for a field, and which evidence gave it. */
export function scoreControl(c: Matchable, hint: FieldHint): { score: number; via: string } {
  let best = 0;
  let via = '';
  for (const l of c.labels) {
    const w = SOURCE_WEIGHT[l.source];
    if (w <= best) continue;
    for (const n of hint.names) {
      const s = w * nameScore(l.text, n);
      if (s > best) {
        best = s;
        via = l.source;
      }
    }
  }
  if (c.code.key && CODE_SCORE > best && (hint.codes.includes(c.code.key) || c.code.key === hint.key.toLowerCase())) {
    best = CODE_SCORE;
    via = 'code';
  }
  return { score: best, via };
}

/**
 * The same scores as `scoreControl`, for many controls at once: label texts repeat down a table (every row says
 * `学校名称`), so each distinct text is compared with every field name once, and codes are looked up in a map.
 */
export function createScorer(hints: FieldHint[]): (c: Matchable) => Array<{ hint: number; score: number; via: string }> {
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
  // Controls down a table share their evidence (same header, same name code): score each signature once.
  const bySignature = new Map<string, Array<{ hint: number; score: number; via: string }>>();
  return (c) => {
    let sig = c.code.key;
    for (const l of c.labels) sig += '\u0001' + l.source + '\u0002' + l.text;
    const known = bySignature.get(sig);
    if (known) return known;
    const best = new Map<number, { score: number; via: string }>();
    for (const l of c.labels) {
      const w = SOURCE_WEIGHT[l.source];
      for (const [i, raw] of rawFor(l.text)) {
        const s = w * raw;
        if (s > (best.get(i)?.score ?? 0)) best.set(i, { score: s, via: l.source });
      }
    }
    if (c.code.key)
      for (const i of byCode.get(c.code.key) ?? []) if (CODE_SCORE > (best.get(i)?.score ?? 0)) best.set(i, { score: CODE_SCORE, via: 'code' });
    const out = [...best].map(([hint, v]) => ({ hint, ...v }));
    bySignature.set(sig, out);
    return out;
  };
}

/**
 * Assign controls to fields. Controls in a repeated row (column-header label or an index in their name) go to group
 * fields of that row; other controls to top-level fields, or — when a group field fits them better — to the next row
 * of that group in document order (forms that repeat a block per school). Each control and each concrete path is used
 * once; `skip` paths (filled elsewhere) are not assigned.
 */
export function matchControls<C extends Matchable>(controls: C[], hints: FieldHint[], skip: ReadonlySet<string> = new Set()): Assignment<C>[] {
  type Cand = { control: C; hint: FieldHint; score: number; via: string; order: number; row?: number };
  const cands: Cand[] = [];
  const scorer = createScorer(hints);
  controls.forEach((control, order) => {
    const rowIndex = control.row?.index ?? control.code.index;
    const inRow = control.row !== undefined;
    for (const scored of scorer(control)) {
      const hint = hints[scored.hint]!;
      const via = scored.via;
      let score = scored.score;
      // A control in a repeated row prefers a group field on equal evidence (`联系电话` of a school, not of the filler);
      // a label row above a single input row (no group field fits) still reaches top-level fields.
      if (inRow && hint.group) score = Math.min(1, score * 1.05);
      // A row index in the name (`rec_schools_2_name`, `xxmc_3`) is weaker evidence of a repeated row.
      else if (control.code.index !== undefined && hint.group) score = Math.min(1, score * 1.02);
      else if (!inRow && hint.group && control.code.index === undefined) score *= 0.98;
      if (score < MATCH_THRESHOLD) continue;
      const cand: Cand = { control, hint, score, via, order };
      if (hint.group && rowIndex !== undefined) cand.row = rowIndex;
      cands.push(cand);
    }
  });
  // Best evidence first; document order breaks ties so the first of equal controls wins.
  cands.sort((a, b) => b.score - a.score || a.order - b.order);
  const usedControl = new Set<C>();
  const usedPath = new Set<string>(skip);
  const nextRow = new Map<string, number>();
  const out: Assignment<C>[] = [];
  const byOrder: Cand[] = [];
  for (const c of cands) {
    if (usedControl.has(c.control)) continue;
    if (!c.hint.group) {
      if (usedPath.has(c.hint.path)) continue;
      usedControl.add(c.control);
      usedPath.add(c.hint.path);
      out.push({ control: c.control, path: c.hint.path, hint: c.hint, score: c.score, via: c.via });
    } else if (c.row !== undefined) {
      const path = c.hint.path.replace('[]', `[${c.row}]`);
      if (usedPath.has(path)) continue;
      usedControl.add(c.control);
      usedPath.add(path);
      out.push({ control: c.control, path, hint: c.hint, score: c.score, via: c.via });
    } else {
      byOrder.push(c);
    }
  }
  // Group fields without a row: number them per field in document order.
  byOrder.sort((a, b) => a.order - b.order);
  for (const c of byOrder) {
    if (usedControl.has(c.control)) continue;
    let row = nextRow.get(c.hint.path) ?? 0;
    while (usedPath.has(c.hint.path.replace('[]', `[${row}]`))) row++;
    const path = c.hint.path.replace('[]', `[${row}]`);
    nextRow.set(c.hint.path, row + 1);
    usedControl.add(c.control);
    usedPath.add(path);
    out.push({ control: c.control, path, hint: c.hint, score: c.score, via: c.via });
  }
  return out;
}
