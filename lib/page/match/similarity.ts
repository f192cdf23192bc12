import { normalizeLabel } from './normalize';

/**
 * Scoring a label (with the text that scopes it) against every field of a form: character-level, weighted by how
 * rare each character is among the form's field names, so the key terms of a field (`籍` of 学籍所在高校, `教育硕士` of
 * the Master-of-Education fields) weigh more than the words every field shares (`学`, `日期`). See README.md.
 */

/** What matching needs of a field (a structural subset of the content script's FieldHint). */
export interface MatchField {
  path: string;
  key: string;
  group?: string;
  /** Label and synonyms. */
  names: string[];
  /** Lower-case pinyin-initial codes. */
  codes: string[];
}

/** A repeated group: texts naming one row (`学校`, `推荐学校`), which scope its fields when they head a section. */
export interface MatchGroup {
  key: string;
  itemNames: string[];
}

export interface FieldScore {
  field: number;
  score: number;
}

/** Below this a label names no field: a wrong fill is worse than a skip. */
export const LABEL_THRESHOLD = 0.7;
/** A best score under this is weak: a runner-up within `AMBIGUITY_RATIO` of it makes the label ambiguous. */
const WEAK_SCORE = 0.85;
const AMBIGUITY_RATIO = 0.9;
/** A label whose two best fields are closer than this is ambiguous and stays unmatched (`日期` with no context). */
const AMBIGUITY_MARGIN = 0.03;
/** Score of a header or name written as the field's pinyin code (`XWZSBH`). */
const CODE_SCORE = 0.95;
/** Precision counts twice as much as recall: a label's own words must all belong to the field. */
const BETA2 = 0.5;
/** Name characters found only in the context count this much of a label's. */
const CONTEXT_WEIGHT = 0.85;
/** Characters no field name holds weigh as if this many fields held them (a label's foreign words count, not too much). */
const UNKNOWN_DF = 2;
/** How much a context's agreement with a field (against the best-agreeing candidate) moves its score. */
const CONTEXT_AFFINITY = 0.3;
/** Scores under this are not reported (a rival must reach 90 % of a best of at least the threshold). */
const RIVAL_FLOOR = 0.4;
/** Candidates within this share of the best score are the ones a context may tell apart. */
const STRONG = 0.6;
/** Nudges from a context naming a group's row (`推荐学校`) or not. */
const SCOPE_BONUS = 0.04;

/**
 * Head nouns: the last word of a Chinese label says what kind of value it is. A label and a name with different
 * heads (`学籍所在高校代码` and `学籍所在高校`, `学校网址` and `学校地址`) are different fields whatever they share.
 */
const HEADS = [
  '代码',
  '日期',
  '号',
  '单位',
  '地址',
  '网址',
  '手机',
  '邮箱',
  '人数',
  '数',
  '姓名',
  '人',
  '类型',
  '学段',
  '学科',
  '门类',
  '层次',
  '性质',
  '理由',
  '备注',
  '学校',
  '性别',
  '方式',
  '标记',
  '邮编',
];
const HEAD_MISMATCH = 0.8;
/** Score of a field's whole name after a known modifier with the same head (`联系人邮箱`). */
const MODIFIED_NAME = 0.8;
/** Up to this much more when the modifier's characters are the field's own (`填报联系人` → 填报人/联系人). */
const AGREEING_MODIFIER = 0.15;
/** Score of a label made of two names of one field (`备注说明`). */
const TWO_NAMES = 0.9;
/** A context naming a top-level field's section (`推荐单位信息`) and no group's row: group fields are not meant. */
const TOP_SCOPE_PENALTY = 0.3;
/** A label whose modifier is a top-level field's name (`单位地址`) costs group fields this much. */
const TOP_LABEL_PENALTY = 0.15;
/** A label this short is also read with the context before it (`填报人` + `姓名`, `教育硕士学位` + `日期`). */
const SHORT_LABEL = 3;
/** …and that reading counts this much (the context may be only a section's name). */
const COMPOUND_READING = 0.9;

function headOf(s: string): string {
  let best = '';
  for (const h of HEADS) if (h.length > best.length && s.endsWith(h)) best = h;
  return best;
}

/** A form's or page's own title (`教育实践学校推荐表`, `学位信息管理系统`) scopes every field alike: no context. */
const FORM_TITLE = /(?:表|表单|系统|平台|登记)$/;

function contextOf(text: string): string {
  const ctx = normalizeLabel(text);
  return FORM_TITLE.test(ctx) ? '' : ctx;
}

const CODE = /^[a-z][a-z0-9_]{0,29}$/;

type Bag = Map<string, number>;

function bagOf(s: string): Bag {
  const b: Bag = new Map();
  for (const c of s) b.set(c, (b.get(c) ?? 0) + 1);
  return b;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const cs = [...s];
  for (let i = 0; i + 1 < cs.length; i++) out.add(cs[i]! + cs[i + 1]!);
  return out;
}

interface Name {
  text: string;
  /** Each character with its count and weight. */
  chars: Array<[string, number, number]>;
  weight: number;
  grams: Set<string>;
  compound: boolean;
  head: string;
}

/**
 * A scorer for one form: `score(label, context)` lists every field whose similarity is above zero. Each distinct
 * (label, context) pair is computed once.
 */
export function createLabelScorer(
  fields: readonly MatchField[],
  groups: readonly MatchGroup[] = [],
): (label: string, context?: string) => FieldScore[] {
  const normNames = fields.map((f) => [...new Set(f.names.map(normalizeLabel).filter(Boolean))]);
  // Character rarity: in how many fields' names a character occurs. Unknown characters weigh most.
  const df = new Map<string, number>();
  for (const names of normNames) for (const c of new Set(names.join(''))) df.set(c, (df.get(c) ?? 0) + 1);
  const n = fields.length || 1;
  const w = (c: string): number => Math.log2(1 + n / (df.get(c) ?? UNKNOWN_DF));
  const weigh = (bag: Bag): number => {
    let t = 0;
    for (const [c, k] of bag) t += w(c) * k;
    return t;
  };
  const names: Name[][] = normNames.map((ns) =>
    ns.map((text) => ({
      text,
      chars: [...bagOf(text)].map(([c, k]): [string, number, number] => [c, k, w(c)]),
      weight: weigh(bagOf(text)),
      grams: bigrams(text),
      compound: /.及./.test(text),
      head: headOf(text),
    })),
  );
  const fieldsWith = new Map<string, number[]>();
  normNames.forEach((ns, i) => {
    for (const c of new Set(ns.join(''))) fieldsWith.set(c, [...(fieldsWith.get(c) ?? []), i]);
  });
  const codes = new Map<string, number[]>();
  fields.forEach((f, i) => {
    for (const code of new Set([...f.codes, f.key.toLowerCase()])) codes.set(code, [...(codes.get(code) ?? []), i]);
  });
  // Families of fields (`mainDegree…`, `eduMaster…`): a key prefix of one or two words shared with another field.
  // A context is judged against the whole family's words: `主学位` scopes the main degree's unit though only its
  // category and date say `主学位`.
  const prefixes = fields.map((f) => {
    const words = f.key.split(/(?=[A-Z])/);
    return [words.slice(0, 2).join(''), words[0]!];
  });
  const familyOf = prefixes.map(([two, one]) =>
    prefixes.filter((p) => p[0] === two).length > 1 ? two! : prefixes.filter((p) => p[1] === one).length > 1 ? one! : '',
  );
  const familyBag = fields.map((_, i) => {
    const b: Bag = new Map();
    const members = familyOf[i] ? fields.map((__, j) => j).filter((j) => familyOf[j] === familyOf[i]) : [i];
    for (const j of members) for (const t of normNames[j]!) for (const [c, k] of bagOf(t)) b.set(c, Math.max(b.get(c) ?? 0, k));
    return b;
  });
  const groupNames = new Map(groups.map((g) => [g.key, g.itemNames.map(normalizeLabel).filter((t) => t.length >= 2)]));
  const hasGroups = fields.some((f) => f.group);
  /** The groups' row names, longest first (`推荐学校` before `学校`). */
  const scopeWords = [...groupNames.values()].flat().sort((a, b) => b.length - a.length);
  const topNames = hasGroups ? [...new Set(normNames.flatMap((ns, i) => (fields[i]!.group ? [] : ns.filter((t) => t.length >= 2))))] : [];
  const nameSets = normNames.map((ns) => new Set(ns));

  const known = (s: string): boolean => [...s].every((c) => df.has(c));
  /** Whether `text` is the very name of a field other than `field`. */
  const exactIn = (text: string, field: number): boolean => nameSets.some((set, j) => j !== field && set.has(text));
  // Every character of a field's own names: a modifier made of them agrees with the field (`填报` of 填报联系人 → 填报人).
  const ownBag = normNames.map((ns) => new Set(ns.join('')));
  const pairScore = (
    label: string,
    lbag: Bag,
    lweight: number,
    lgrams: Set<string>,
    lhead: string,
    ctx: string,
    name: Name,
    own: Set<string>,
    exactElsewhere: boolean,
  ): number => {
    if (label === name.text) return 1;
    // A compound name (`学校简介及推荐理由`) stands only for itself: its halves may be other things.
    if (name.compound) return 0;
    if (label.length < 2 && !ctx) return 0;
    let matched = 0;
    let fromContext = 0;
    for (const [c, k, wc] of name.chars) {
      const inLabel = Math.min(k, lbag.get(c) ?? 0);
      matched += wc * inLabel;
      if (inLabel < k && ctx && ctx.includes(c)) fromContext += wc * (k - inLabel);
    }
    if (matched === 0) return 0;
    const p = matched / lweight;
    const r = Math.min(1, (matched + CONTEXT_WEIGHT * fromContext) / name.weight);
    const f = ((1 + BETA2) * p * r) / (BETA2 * p + r);
    // Order: shared bigrams (character runs in the same order) against a bag of the same characters.
    let shared = 0;
    for (const g of lgrams) if (name.grams.has(g)) shared++;
    const total = lgrams.size + name.grams.size;
    const dice = total ? (2 * shared) / total : 1;
    let score = f * (0.9 + 0.1 * dice);
    if (lhead && name.head && lhead !== name.head) score *= HEAD_MISMATCH;
    // `联系人邮箱` ⊃ `邮箱`: a label made of a field's whole name after a modifier the form knows, with the same head,
    // is that field seen from a side (the modifier may scope it: `联系人`, `学校`). Unknown modifiers (`学籍所在学校`,
    // `本科专业`) do not count.
    else if (lhead && lhead === name.head && name.text.length >= 2 && label.endsWith(name.text)) {
      const modifier = label.slice(0, -name.text.length);
      // …unless the label is another field's own name (`联合培养高校` is the partner university, no side of 高校).
      if (known(modifier) && !exactElsewhere) {
        let agree = 0;
        for (const c of modifier) if (own.has(c)) agree++;
        score = Math.max(score, MODIFIED_NAME + (AGREEING_MODIFIER * agree) / modifier.length);
      }
    }
    return score;
  };

  const memo = new Map<string, FieldScore[]>();
  return (rawLabel, rawContext = '') => {
    const key = `${rawLabel}\u0000${rawContext}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const label = normalizeLabel(rawLabel);
    const ctx = rawContext ? contextOf(rawContext) : '';
    const out: FieldScore[] = [];
    if (label) {
      // Readings of the label: as written; without a bracketed aside that is not filler (`合作培养高校（师范大学）`);
      // a short one after its context (`填报人信息` · `姓名` → 填报人姓名). Each field takes its best reading.
      const readings: Array<[string, string, number]> = [[label, ctx, 1]];
      const bare = normalizeLabel(rawLabel.replace(/[（(][^（）()]*[）)]/g, ''));
      if (bare && bare !== label) readings.push([bare, ctx, 1]);
      const head = ctx.replace(/(?:基本)?(?:信息|情况|名单|列表|明细)$/, '');
      if (head && [...label].length <= SHORT_LABEL) readings.push([normalizeLabel(head + label), '', COMPOUND_READING]);
      const prepared = readings.map(([text, around, factor]) => {
        const bag = bagOf(text);
        return { text, around, factor, bag, weight: weigh(bag), grams: bigrams(text), head: headOf(text) };
      });
      // A header or name written as a code (`XWZSBH`, `studentNo`), read before any English word is translated.
      const raw = rawLabel.trim().toLowerCase();
      const codeHits = (CODE.test(raw) && codes.get(raw)) || (CODE.test(label) ? codes.get(label) : undefined);
      // The scope may be in the context (`推荐学校信息`) or in the label itself (`学校联系电话`).
      const around = ctx + label;
      const scoped = hasGroups && [...groupNames.values()].some((ns) => ns.some((t) => around.includes(t)));
      const topScoped = hasGroups && !scoped && !!ctx && topNames.some((t) => ctx.includes(t));
      // A label whose modifier names a top-level field (`单位地址`) leans to the top level, more weakly.
      const topLabel = hasGroups && !scoped && !topScoped && topNames.some((t) => label.length > t.length && label.startsWith(t));
      // Only fields sharing a character with a reading can score (a field index, not a walk over every field).
      const reach = new Uint8Array(fields.length);
      for (const r of prepared) for (const c of r.bag.keys()) for (const i of fieldsWith.get(c) ?? []) reach[i] = 1;
      for (const i of codeHits ?? []) reach[i] = 1;
      fields.forEach((f, i) => {
        if (!reach[i]) return;
        let best = codeHits?.includes(i) ? CODE_SCORE : 0;
        for (const r of prepared) {
          const elsewhere = exactIn(r.text, i);
          for (const name of names[i]!)
            best = Math.max(best, r.factor * pairScore(r.text, r.bag, r.weight, r.grams, r.head, r.around, name, ownBag[i]!, elsewhere));
        }
        // Two names of one field side by side (`备注说明`).
        if (best < TWO_NAMES && label.length >= 4)
          for (const n of normNames[i]!) if (label.startsWith(n) && nameSets[i]!.has(label.slice(n.length))) best = TWO_NAMES;
        if (best <= 0) return;
        if (hasGroups) {
          const mine = f.group ? (groupNames.get(f.group) ?? []).some((t) => around.includes(t)) : false;
          if (f.group) best += mine ? SCOPE_BONUS : topScoped ? -TOP_SCOPE_PENALTY : topLabel ? -TOP_LABEL_PENALTY : -SCOPE_BONUS;
          else if (scoped) best -= SCOPE_BONUS;
        }
        // A field this far under the threshold can be neither a match nor a rival of one.
        if (best >= RIVAL_FLOOR) out.push({ field: i, score: Math.min(1, best) });
      });
      if (ctx && out.length > 1) {
        // The context tells apart the fields the label could mean: of its characters that some but not all of the
        // strong candidates' families hold (`教育硕士` against `专业` in `教育硕士专业学位`; `学位`, which all hold,
        // says nothing), the share each family holds. A context that does not discriminate changes nothing.
        const top = out.reduce((m, s) => Math.max(m, s.score), 0);
        const strong = out.filter((s) => s.score >= STRONG * top);
        // A group's row name (`推荐学校`) and a section word (`名单`) scope, they do not tell fields of the row apart.
        let telling = ctx.replace(/(?:基本)?(?:信息|情况|名单|列表|明细)$/, '');
        for (const t of scopeWords) telling = telling.replaceAll(t, '');
        if (strong.length > 1 && telling) {
          const held = strong.map(({ field }) => familyBag[field]!);
          let total = 0;
          const aff = strong.map(() => 0);
          for (const c of new Set(telling)) {
            let n = 0;
            for (const b of held) if (b.has(c)) n++;
            if (n === 0 || n === held.length) continue;
            total++;
            held.forEach((b, j) => b.has(c) && aff[j]!++);
          }
          if (total > 0) {
            const best = aff.reduce((m, a) => Math.max(m, a), 0);
            strong.forEach((s, j) => (s.score -= (CONTEXT_AFFINITY * (best - aff[j]!)) / total));
          }
        }
      }
    }
    if (memo.size > 5000) memo.clear();
    memo.set(key, out);
    return out;
  };
}

/**
 * The one field a label names on its own, or undefined when none reaches the threshold or the label is ambiguous: a
 * runner-up within `AMBIGUITY_MARGIN`, or — for a weak best (under `WEAK_SCORE`) — within `AMBIGUITY_RATIO` of it.
 * A twin (the same key at the top level and in a group: the unit's and a school's `联系电话`) is no rival: the scope
 * (context, a table row) tells twins apart, not the label.
 */
export function bestField(scores: readonly FieldScore[], fields: readonly MatchField[]): FieldScore | undefined {
  let best: FieldScore | undefined;
  for (const s of scores) if (!best || s.score > best.score) best = s;
  if (!best || best.score < LABEL_THRESHOLD) return undefined;
  const key = fields[best.field]!.key;
  let second = 0;
  for (const s of scores) if (s !== best && fields[s.field]!.key !== key && s.score > second) second = s.score;
  const ambiguous = best.score - second < AMBIGUITY_MARGIN || (best.score < WEAK_SCORE && second >= AMBIGUITY_RATIO * best.score);
  return ambiguous ? undefined : best;
}
