import type { FieldHint, LabelCandidate, LabelSource } from '../page/types';
import type { GroupHint } from './types';
import { bestField, createLabelScorer, LABEL_THRESHOLD, type FieldScore } from '../page/match/similarity';
import { REGION_CHAIN } from '../page/options';
import { nameKey } from '../normalize/text';
import { normalizeYesNo } from '../normalize/options';

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
  /** A cascader: it holds a path (省 → 市 → 县), not the value of one field. */
  cascade?: boolean;
  /** A radio group's choices, as a person reads them without opening anything. */
  radios?: ReadonlyArray<{ text: string }>;
  /** A select's option texts (placeholders left out), when known. */
  choices?: readonly string[];
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
  /** Per field with options, every text that stands for one of them (value, label, synonyms), as name keys. */
  optionKeys: Array<Set<string> | undefined>;
}

/** Per form (per hints array): the scorer holds the precomputed field data and memoises label texts. */
const matchers = new WeakMap<readonly FieldHint[], Matcher>();

function matcherFor(hints: readonly FieldHint[], groups: readonly GroupHint[]): Matcher {
  let m = matchers.get(hints);
  if (!m) {
    // (Plain indexed loops: this runs once per page, cold, in the interpreter.)
    const byCode = new Map<string, number[]>();
    const twins: number[][] = [];
    const optionKeys: Array<Set<string> | undefined> = [];
    for (let i = 0; i < hints.length; i++) {
      const h = hints[i]!;
      const codes = h.codes.concat(h.key.toLowerCase());
      for (let k = 0; k < codes.length; k++) {
        const list = byCode.get(codes[k]!);
        if (!list) byCode.set(codes[k]!, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
      const same: number[] = [];
      for (let j = 0; j < hints.length; j++) if (j !== i && hints[j]!.key === h.key) same.push(j);
      twins.push(same);
      let keys: Set<string> | undefined;
      if (h.options?.length) {
        keys = new Set();
        for (const o of h.options) {
          keys.add(nameKey(o.value));
          for (let k = 0; k < o.texts.length; k++) keys.add(nameKey(o.texts[k]!));
        }
      }
      optionKeys.push(keys);
    }
    m = { score: createLabelScorer(hints, groups), byCode, twins, optionKeys };
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

/**
 * Controls with the same evidence (labels, context, code key, whether a row or an index places them, a cascader's
 * flag and a radio group's or select's choices) have the same candidates: controls down a table are scored once. A trie over that
 * evidence finds them without building a key string per control (the label texts are the scan's memoised strings,
 * whose hashes V8 keeps).
 */
interface Evidence {
  next?: Map<string, Evidence>;
  found?: Cand[];
}

function step(node: Evidence, key: string): Evidence {
  const next = (node.next ??= new Map());
  let child = next.get(key);
  if (!child) next.set(key, (child = {}));
  return child;
}

function evidenceOf(root: Evidence, c: Matchable, context: string): Evidence {
  const place = c.row ? 'r' : c.code.index !== undefined ? 'i' : '';
  let node = step(step(step(root, context), c.cascade ? `c${place}` : place), c.code.key);
  for (let i = 0; i < c.labels.length; i++) node = step(step(node, c.labels[i]!.source), c.labels[i]!.text);
  if (c.radios) for (let i = 0; i < c.radios.length; i++) node = step(node, `\u0001${c.radios[i]!.text}`);
  if (c.choices) for (let i = 0; i < c.choices.length; i++) node = step(node, `\u0002${c.choices[i]!}`);
  return node;
}

/** The candidates of one control: its best field (unambiguous, above the threshold) and that field's twins. */
function candidates(
  c: Matchable,
  order: number,
  hints: readonly FieldHint[],
  m: Matcher,
  rowIndex: number | undefined,
  context: string,
): Cand[] {
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
  for (let i = 0; i < c.labels.length; i++) {
    const l = c.labels[i]!;
    const w = SOURCE_WEIGHT[l.source];
    const found = m.score(l.text, context);
    for (let j = 0; j < found.length; j++) raise(found[j]!.field, found[j]!.score * w, l.source);
  }
  const byCode = c.code.key ? m.byCode.get(c.code.key) : undefined;
  if (byCode) for (let i = 0; i < byCode.length; i++) raise(byCode[i]!, CODE_SCORE, 'code');
  const choices = c.choices ?? c.radios?.map((r) => r.text);
  const domain = choices && choices.length >= 2 ? choiceField(choices, m) : undefined;
  if (domain !== undefined) raise(domain, CHOICE_SCORE, 'choices');
  if (choices && choices.length >= 2) ruleOutByChoices(choices, scores, m);
  const inRow = c.row !== undefined;
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
  // A cascader labelled as a place holds the region path, even where its label reads like a free-text field
  // (`学校地址（省市区）`): a path of options is no address.
  const region = c.cascade && !(best && REGION_CHAIN.includes(hints[best.field]!.key)) ? regionCandidate(c, scores, via, hints) : undefined;
  if (region) {
    if (rowIndex !== undefined && hints[region.hint]!.group) region.row = rowIndex;
    return [{ ...region, order }];
  }
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
 * A field with options none of which a control offers is not what the control holds, whatever its label says: a
 * group of 公办/民办 labelled `办学类型` (a synonym of 学段) is not 学段. Yes/no wordings (已备案/未备案) count as 是/否.
 */
function ruleOutByChoices(choices: readonly string[], scores: FieldScore[], m: Matcher): void {
  const keys = choices.flatMap((t) => [nameKey(t), normalizeYesNo(t) ?? '']).filter(Boolean);
  for (const s of scores) {
    const opts = m.optionKeys[s.field];
    if (opts && !keys.some((k) => opts.has(k))) s.score = 0;
  }
}

/** Score of a field whose options are a control's choices and no other field's (`公办/民办` under `办学体制`). */
const CHOICE_SCORE = 0.8;

/**
 * The one field whose options take every choice of a radio group or select (`公办`, `民办` → 办学性质), if exactly one
 * does: its choices say what it holds whatever its label calls it. Yes/no choices fit many fields and name none.
 */
function choiceField(choices: readonly string[], m: Matcher): number | undefined {
  const keys = choices.map(nameKey);
  let found: number | undefined;
  for (let i = 0; i < m.optionKeys.length; i++) {
    const opts = m.optionKeys[i];
    if (!opts || !keys.every((k) => opts.has(k))) continue;
    if (found !== undefined && m.twins[found]!.includes(i)) continue;
    if (found !== undefined) return undefined;
    found = i;
  }
  return found;
}

/** Words by which a label names a place as a whole (`学校所在地`, `所在地区`, `省/市/县`), not one level of it. */
const PLACE = /所在地|地区|区域|区划|地址|地点|属地|省.{0,3}市|市.{0,3}[县区]/;

/**
 * A cascader labelled as a place (`学校所在地（省/市/县）`) that names no level itself holds the region path: it
 * takes the deepest level of the longest region chain the form has (a school's 市 → 县 rather than the unit's 省), and
 * the fill gives it the whole path (`cascadeValue`). Scored at the threshold, so a control that names the field
 * outright wins it.
 */
function regionCandidate(c: Matchable, scores: FieldScore[], via: string[], hints: readonly FieldHint[]): Omit<Cand, 'order'> | undefined {
  const place = c.labels.find((l) => PLACE.test(l.text));
  if (!place) return undefined;
  const levels = new Map<string, number[]>();
  hints.forEach((h, i) => {
    if (!REGION_CHAIN.includes(h.key)) return;
    const level = h.group ?? '';
    levels.set(level, [...(levels.get(level) ?? []), i]);
  });
  const best = (fields: number[]) => scores.reduce((m, s) => (fields.includes(s.field) ? Math.max(m, s.score) : m), 0);
  const chain = [...levels.values()].sort((a, b) => b.length - a.length || best(b) - best(a))[0];
  if (!chain) return undefined;
  const deepest = chain.reduce((a, b) => (REGION_CHAIN.indexOf(hints[b]!.key) > REGION_CHAIN.indexOf(hints[a]!.key) ? b : a));
  const k = scores.findIndex((s) => s.field === deepest);
  return { hint: deepest, score: LABEL_THRESHOLD, via: k >= 0 ? via[k]! : place.source };
}

/**
 * Contexts that scope the rows of a repeated table and single controls outside it alike: the form's own title over
 * the whole page (a card titled `“国优计划”实践学校推荐` around the unit's fields and the schools' table), which tells
 * no field apart — read as a scope, it would send the unit's `联系人` to a school.
 */
function formTitles(controls: readonly Matchable[]): Set<string> {
  const inRows = new Set<string>();
  const single = new Set<string>();
  for (const c of controls) if (c.context) (c.row ? inRows : single).add(c.context);
  const out = new Set<string>();
  for (const t of inRows) if (single.has(t)) out.add(t);
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
  // Candidates by score, each list in control order: walked best score first, this is the order of a stable sort by
  // score (ties: document order) without sorting thousands of candidates with a comparator.
  const byScore = new Map<number, Cand[]>();
  const add = (cand: Cand): void => {
    const list = byScore.get(cand.score);
    if (list) list.push(cand);
    else byScore.set(cand.score, [cand]);
  };
  // Names that number their rows from 1 (`xxmc1`, `xxmc2`, no `xxmc0`) name rows 0, 1, …
  const first = new Map<string, number>();
  for (let i = 0; i < controls.length; i++) {
    const code = controls[i]!.code;
    if (code.index !== undefined) first.set(code.key, Math.min(first.get(code.key) ?? Infinity, code.index));
  }
  const rowOf = (c: Matchable): number | undefined =>
    c.row?.index ?? (c.code.index === undefined ? undefined : c.code.index - (first.get(c.code.key) === 1 ? 1 : 0));
  const evidence: Evidence = {};
  const whole = formTitles(controls);
  for (let order = 0; order < controls.length; order++) {
    const control = controls[order]!;
    const context = control.context && !whole.has(control.context) ? control.context : '';
    const node = evidenceOf(evidence, control, context);
    const rowIndex = rowOf(control);
    if (!node.found) {
      node.found = candidates(control, order, hints, m, rowIndex, context);
      for (let i = 0; i < node.found.length; i++) add(node.found[i]!);
      continue;
    }
    // The same evidence: the same fields and scores, in this control's row.
    for (let i = 0; i < node.found.length; i++) {
      const f = node.found[i]!;
      const cand: Cand = { order, hint: f.hint, score: f.score, via: f.via };
      if (hints[f.hint]!.group && rowIndex !== undefined) cand.row = rowIndex;
      add(cand);
    }
  }
  const scores = Array.from(byScore.keys()).sort((a, b) => b - a);
  const cands: Cand[] = [];
  for (let i = 0; i < scores.length; i++) {
    const list = byScore.get(scores[i]!)!;
    for (let j = 0; j < list.length; j++) cands.push(list[j]!);
  }
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
  // Controls whose best field is a group field without a row (a card per school): they take a row below, in
  // document order, and not meanwhile the top-level twin (`手机号码` in 第1所学校 is no unit phone).
  const toRows = new Uint8Array(controls.length);
  const met = new Uint8Array(controls.length);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const best = !met[c.order];
    met[c.order] = 1;
    if (usedControl[c.order]) continue;
    if (!hints[c.hint]!.group) {
      if (!toRows[c.order] && !taken(c.hint)) assign(c);
    } else if (c.row !== undefined) {
      if (!taken(c.hint, c.row)) assign(c, c.row);
    } else {
      if (best) toRows[c.order] = 1;
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
