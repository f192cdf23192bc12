import { normalizeLabel } from './normalize';

/**
 * Scoring a label (with the text that scopes it) against every field of a form: character-level, weighted by how
 * rare each character is among the form's field names, so the key terms of a field (`籍` of 学籍所在高校, `教育硕士` of
 * the Master-of-Education fields) weigh more than the words every field shares (`学`, `日期`). See README.md.
 */

/** A field's names in the comparison form, distinct, in order: what the scorer reads of them (see MatchField.keys). */
export function matchKeys(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const t = normalizeLabel(n);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** What matching needs of a field (a structural subset of the content script's FieldHint). */
export interface MatchField {
  path: string;
  key: string;
  group?: string;
  /** Label and synonyms. */
  names: string[];
  /** `names` normalised (`normalizeLabel`) and distinct, when precomputed (`matchKeys`); else computed here. */
  keys?: string[];
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
/**
 * Score of a label that is a field's name with a middle part left out (`合作学校` of `合作师范学校`, `师范生备案` of
 * `师范生管理信息系统备案标记`): the name's own beginning and a later run of it, two characters each at least.
 */
const SHORTENED_NAME = 0.86;
/**
 * Stages of study before or beside the one a form records (`本科专业`, `本科就读院校` on a graduate's record) and ends
 * of study short of graduating (`结业`, `肄业` certificates are no 毕业证书): a label holding one the form's names never
 * use asks about another study and names no field of this form, however many words it shares with one.
 */
const OTHER_STUDIES = ['本科', '专科', '大专', '中专', '高中', '初中', '结业', '肄业'];
/** A total (`专任教师总数`): of a field counting only part of it (科学类 专任教师数), it is not a name. */
const TOTAL = '总';
/**
 * A yes/no asked as `是否X`, `已X`, `X标记` (`状态`, `标志`) or `X情况`: its core X is also read against the yes/no fields
 * (a name `是否…` or `…标记`), counting this much (`是否师范生备案`, `应届毕业标记`, `已获教育硕士`).
 */
const YES_NO_READING = 0.95;
const YES_NO_RAW = /情况[\s:：]*$/;
/** A status said as done (`已获教育硕士`): a yes/no, as `是否…` and `…标记` are, and no date, number or name. */
const YES_NO_DONE = /^[\s*※★]*已\p{Script=Han}{2}/u;
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
/** A label naming alternatives (`身份证号/护照号`) is also read as each of them, counting this much. */
const ALTERNATIVE_READING = 0.95;
/**
 * Two or three alternatives of three or more Chinese characters each, split by a slash. Shorter ones are parts of one
 * name sharing its tail (`学术/专业学位` is 学术学位 or 专业学位) or a choice of values (`公办/民办`).
 */
const ALTERNATIVES = /^\p{Script=Han}{3,}(?:\/\p{Script=Han}{3,}){1,2}$/u;

/** Whether `label` is `name`'s beginning followed by a later run of `name`, with something left out between them. */
function isShortened(label: string, name: string): boolean {
  if (label.length < 4 || label.length >= name.length || label.charCodeAt(0) !== name.charCodeAt(0)) return false;
  for (let i = 2; i <= label.length - 2; i++) {
    if (label.charCodeAt(i - 1) !== name.charCodeAt(i - 1)) return false;
    if (name.indexOf(label.slice(i), i + 1) > i) return true;
  }
  return false;
}

/** Whether `label` is made of runs of `name` (two characters each at least), in the name's order (`系统备案`, `管理系统备案`). */
function isRunsOf(label: string, name: string): boolean {
  let at = 0;
  let i = 0;
  while (i < label.length) {
    let best = 0;
    let end = at;
    for (let k = label.length; k - i >= 2 && !best; k--) {
      const j = name.indexOf(label.slice(i, k), at);
      if (j >= 0) {
        best = k - i;
        end = j + best;
      }
    }
    if (!best) return false;
    i += best;
    at = end;
  }
  return true;
}

function headOf(s: string): string {
  let best = '';
  // (Indexed: runs for every name and reading on a cold page, where `for…of` allocates an iterator step per head.)
  for (let i = 0; i < HEADS.length; i++) {
    const h = HEADS[i]!;
    if (h.length > best.length && s.endsWith(h)) best = h;
  }
  return best;
}

/** A form's or page's own title (`教育实践学校推荐表`, `学位信息管理系统`) scopes every field alike: no context. */
const FORM_TITLE = /(?:表|表单|系统|平台|登记)$/;

function contextOf(text: string): string {
  const ctx = normalizeLabel(text);
  return FORM_TITLE.test(ctx) ? '' : ctx;
}

const CODE = /^[a-z][a-z0-9_]{0,29}$/;
/** A bracketed aside (`（师范大学）`): a label is also read without it. */
const ASIDE = /[（(][^（）()]*[）)]/g;
/** Words that name a section rather than a thing (`填报人信息`, `推荐学校名单`). */
const SECTION_WORD = /(?:基本)?(?:信息|情况|名单|列表|明细)$/;

/*
 * Everything below runs on a cold page — the content script is injected on demand and scans once — where V8 runs it in
 * its interpreter: loops are indexed (`for…of`, spreads and destructuring allocate an iterator and a result per step
 * there), and characters are kept as numbers (code points), which Maps and Sets take without allocating a string.
 */

/** Code points of a string, as the string iterator yields them (a lone surrogate is one). */
function codesOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

type Bag = Map<number, number>;

/** Each character with its count, in order of first occurrence. */
function bagOf(codes: readonly number[]): Bag {
  const b: Bag = new Map();
  for (let i = 0; i < codes.length; i++) b.set(codes[i]!, (b.get(codes[i]!) ?? 0) + 1);
  return b;
}

/** The distinct bigrams (pairs of adjacent characters) of a string. */
function bigrams(s: string, codes: readonly number[]): string[] {
  const seen = new Set<string>();
  const astral = codes.length !== s.length;
  for (let i = 0; i + 1 < codes.length; i++) seen.add(astral ? String.fromCodePoint(codes[i]!, codes[i + 1]!) : s.slice(i, i + 2));
  return Array.from(seen);
}

interface Name {
  text: string;
  /** Each distinct character (code point) with its count and weight. */
  codes: number[];
  counts: number[];
  weights: number[];
  weight: number;
  grams: Set<string>;
  compound: boolean;
  head: string;
}

/** One reading of a label, prepared for scoring against every name. */
interface Reading {
  text: string;
  /** The context read with it ('' when none), and its characters. */
  around: string;
  aroundChars: Set<number>;
  factor: number;
  bag: Bag;
  weight: number;
  grams: string[];
  head: string;
  /** A yes/no's core (`师范生备案` of `是否师范生备案`): read against yes/no fields only. */
  yesNo: boolean;
}

/**
 * A scorer for one form: `score(label, context)` lists every field whose similarity is above zero. Each distinct
 * (label, context) pair is computed once.
 */
export function createLabelScorer(
  fields: readonly MatchField[],
  groups: readonly MatchGroup[] = [],
): (label: string, context?: string) => FieldScore[] {
  const nf = fields.length;
  /** Per field, its distinct normalised names. */
  const normNames: string[][] = [];
  /** Per field, every character of its names (a modifier made of them agrees with it: `填报` of 填报联系人 → 填报人). */
  const ownChars: Array<Set<number>> = [];
  // Character rarity: in how many fields' names a character occurs. Unknown characters weigh most.
  const df = new Map<number, number>();
  /** Per character, the fields whose names hold it (in field order). */
  const fieldsWith = new Map<number, number[]>();
  for (let i = 0; i < nf; i++) {
    const ns: string[] = [];
    const own = new Set<number>();
    const keys = fields[i]!.keys;
    const raw = keys ?? fields[i]!.names;
    for (let j = 0; j < raw.length; j++) {
      const t = keys ? raw[j]! : normalizeLabel(raw[j]!);
      if (!t || ns.includes(t)) continue;
      ns.push(t);
      const cs = codesOf(t);
      for (let k = 0; k < cs.length; k++) {
        const c = cs[k]!;
        if (own.has(c)) continue;
        own.add(c);
        df.set(c, (df.get(c) ?? 0) + 1);
        const list = fieldsWith.get(c);
        if (list) list.push(i);
        else fieldsWith.set(c, [i]);
      }
    }
    normNames.push(ns);
    ownChars.push(own);
  }
  const n = nf || 1;
  const w = (c: number): number => Math.log2(1 + n / (df.get(c) ?? UNKNOWN_DF));
  const weigh = (bag: Bag): number => {
    let t = 0;
    bag.forEach((k, c) => (t += w(c) * k));
    return t;
  };
  const names: Name[][] = [];
  /** Per character, the names holding it (ids in field order): only those can score against a label holding it. */
  const namesWith = new Map<number, number[]>();
  let nameCount = 0;
  for (let i = 0; i < nf; i++) {
    const list: Name[] = [];
    for (const text of normNames[i]!) {
      const cs = codesOf(text);
      const bag = bagOf(cs);
      const name: Name = {
        text,
        codes: [],
        counts: [],
        weights: [],
        weight: 0,
        grams: new Set(bigrams(text, cs)),
        compound: /.及./.test(text),
        head: headOf(text),
      };
      const id = nameCount++;
      bag.forEach((k, c) => {
        name.codes.push(c);
        name.counts.push(k);
        name.weights.push(w(c));
        const list = namesWith.get(c);
        if (list) list.push(id);
        else namesWith.set(c, [id]);
      });
      name.weight = weigh(bag);
      list.push(name);
    }
    names.push(list);
  }
  const codes = new Map<string, number[]>();
  for (let i = 0; i < nf; i++) {
    const f = fields[i]!;
    const all = f.codes.concat(f.key.toLowerCase());
    for (let j = 0; j < all.length; j++) {
      const list = codes.get(all[j]!);
      if (!list) codes.set(all[j]!, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  // Families of fields (`mainDegree…`, `eduMaster…`): a key prefix of one or two words shared with another field.
  // A context is judged against the whole family's words: `主学位` scopes the main degree's unit though only its
  // category and date say `主学位`.
  const two: string[] = [];
  const one: string[] = [];
  const count = new Map<string, number>();
  for (let i = 0; i < nf; i++) {
    const words = fields[i]!.key.split(/(?=[A-Z])/);
    two.push(words.slice(0, 2).join(''));
    one.push(words[0]!);
    count.set(`2${two[i]}`, (count.get(`2${two[i]}`) ?? 0) + 1);
    count.set(`1${one[i]}`, (count.get(`1${one[i]}`) ?? 0) + 1);
  }
  const familyOf: string[] = [];
  for (let i = 0; i < nf; i++) familyOf.push(count.get(`2${two[i]}`)! > 1 ? two[i]! : count.get(`1${one[i]}`)! > 1 ? one[i]! : '');
  /** Per field, the characters of its family's names (its own when it has no family). */
  const familyChars: Array<Set<number>> = [];
  const byFamily = new Map<string, Set<number>>();
  for (let i = 0; i < nf; i++) {
    if (!familyOf[i]) {
      familyChars.push(ownChars[i]!);
      continue;
    }
    let set = byFamily.get(familyOf[i]!);
    if (!set) {
      set = new Set();
      for (let j = 0; j < nf; j++) if (familyOf[j] === familyOf[i]) ownChars[j]!.forEach((c) => set!.add(c));
      byFamily.set(familyOf[i]!, set);
    }
    familyChars.push(set);
  }
  const groupNames = new Map<string, string[]>();
  /** The groups' row names, longest first (`推荐学校` before `学校`). */
  const scopeWords: string[] = [];
  for (const g of groups) {
    const ns: string[] = [];
    for (const t of g.itemNames) {
      const k = normalizeLabel(t);
      if (k.length < 2) continue;
      ns.push(k);
      scopeWords.push(k);
    }
    groupNames.set(g.key, ns);
  }
  scopeWords.sort((a, b) => b.length - a.length);
  let hasGroups = false;
  for (let i = 0; i < nf; i++) if (fields[i]!.group) hasGroups = true;
  const topNames: string[] = [];
  if (hasGroups)
    for (let i = 0; i < nf; i++)
      if (!fields[i]!.group) for (const t of normNames[i]!) if (t.length >= 2 && !topNames.includes(t)) topNames.push(t);
  const anyOf = (words: readonly string[], text: string): boolean => {
    for (let i = 0; i < words.length; i++) if (text.includes(words[i]!)) return true;
    return false;
  };

  const known = (s: string): boolean => {
    for (let i = 0; i < s.length; i++) {
      const c = s.codePointAt(i)!;
      if (!df.has(c)) return false;
      if (c > 0xffff) i++;
    }
    return true;
  };
  /**
   * Whether `whole` (a total read without its `总`: `专任教师数`, `学校专任教师数`) ends with a short name of field `i`
   * whose own label qualifies it (`科学类课程` of 科学类课程专任教师数) with none of the qualifier's words before it: the
   * field counts a part of the label's whole.
   */
  const partOf = (i: number, whole: string): boolean => {
    const ns = normNames[i]!;
    const label = ns[0]!;
    // (A whole that is a qualified name of the field itself, `理科专任教师数`, is the field's.)
    if (label.includes(TOTAL) || (ns.includes(whole) && !label.endsWith(whole))) return false;
    for (let j = 1; j < ns.length; j++) {
      const n = ns[j]!;
      if (n.length < 2 || !whole.endsWith(n) || !label.endsWith(n) || label === n) continue;
      const qualifier = label.slice(0, -n.length);
      const modifier = whole.slice(0, -n.length);
      // (A word of the qualifier, not a character: `学校` shares no word with `科学类课程`.)
      let shared = modifier.length === 1 && qualifier.includes(modifier);
      for (let k = 0; k + 1 < modifier.length && !shared; k++) shared = qualifier.includes(modifier.slice(k, k + 2));
      if (!shared) return true;
    }
    return false;
  };
  /** Per field, whether it is a yes/no (a name `是否…` or `…标记`). */
  const yesNoField = normNames.map((ns) => ns.some((t) => t.startsWith('是否') || t.endsWith('标记')));
  const hasYesNo = yesNoField.includes(true);
  /** Whether some field's name holds `word`. */
  const inNames = (word: string): boolean => {
    for (let i = 0; i < nf; i++) for (const t of normNames[i]!) if (t.includes(word)) return true;
    return false;
  };
  /** The other studies (`本科`, `结业`) no field's name mentions: a label holding one names no field. */
  const otherStudies = OTHER_STUDIES.filter((w) => !inNames(w));
  /** Per normalised name, the fields it is a name of (to tell whether a text is the very name of another field). */
  const owners = new Map<string, number[]>();
  for (let i = 0; i < nf; i++)
    for (const t of normNames[i]!) {
      const list = owners.get(t);
      if (list) list.push(i);
      else owners.set(t, [i]);
    }
  /** Per field, the head nouns of its names. */
  const heads = names.map((list) => new Set(list.map((nm) => nm.head)));
  /**
   * Whether a field other than the one owning `own`, with a name of the same head noun, has every character of
   * `text` in its names: `text` is then that rival's modifier.
   */
  const ownedElsewhere = (text: string, own: Set<number>, head: string): boolean => {
    const cs = codesOf(text);
    for (let i = 0; i < nf; i++) {
      const other = ownChars[i]!;
      if (other === own || !heads[i]!.has(head)) continue;
      let all = true;
      for (let k = 0; k < cs.length && all; k++) if (!other.has(cs[k]!)) all = false;
      if (all) return true;
    }
    return false;
  };
  const pairScore = (r: Reading, name: Name, own: Set<number>, exactElsewhere: boolean): number => {
    const label = r.text;
    if (label === name.text) return 1;
    // A compound name (`学校简介及推荐理由`) stands only for itself: its halves may be other things.
    if (name.compound) return 0;
    if (label.length < 2 && !r.around) return 0;
    let matched = 0;
    let fromContext = 0;
    for (let j = 0; j < name.codes.length; j++) {
      const k = name.counts[j]!;
      const wc = name.weights[j]!;
      const inLabel = Math.min(k, r.bag.get(name.codes[j]!) ?? 0);
      matched += wc * inLabel;
      if (inLabel < k && r.around && r.aroundChars.has(name.codes[j]!)) fromContext += wc * (k - inLabel);
    }
    if (matched === 0) return 0;
    const p = matched / r.weight;
    const rec = Math.min(1, (matched + CONTEXT_WEIGHT * fromContext) / name.weight);
    const f = ((1 + BETA2) * p * rec) / (BETA2 * p + rec);
    // Order: shared bigrams (character runs in the same order) against a bag of the same characters.
    let shared = 0;
    for (let j = 0; j < r.grams.length; j++) if (name.grams.has(r.grams[j]!)) shared++;
    const total = r.grams.length + name.grams.size;
    const dice = total ? (2 * shared) / total : 1;
    let score = f * (0.9 + 0.1 * dice);
    const lhead = r.head;
    if (lhead && name.head && lhead !== name.head) score *= HEAD_MISMATCH;
    // A name with no head noun followed by one (`教育硕士` + `号`, `联合培养` + `单位`) asks for a property of the thing
    // the name names, not for the name's own value (是否同时获得教育硕士 is a yes/no).
    else if (lhead && !name.head && label.length > name.text.length && label.startsWith(name.text)) score *= HEAD_MISMATCH;
    // `联系人邮箱` ⊃ `邮箱`: a label made of a field's whole name after a modifier the form knows, with the same head,
    // is that field seen from a side (the modifier may scope it: `联系人`, `学校`). Unknown modifiers (`学籍所在学校`,
    // `本科专业`) do not count.
    else if (lhead && lhead === name.head && name.text.length >= 2 && label.endsWith(name.text)) {
      const modifier = label.slice(0, -name.text.length);
      // …unless the label is another field's own name (`联合培养高校` is the partner university, no side of 高校).
      if (known(modifier) && !exactElsewhere) {
        let agree = 0;
        for (let i = 0; i < modifier.length; i++) {
          const c = modifier.codePointAt(i)!;
          if (own.has(c)) agree++;
          if (c > 0xffff) i++;
        }
        // …nor when the modifier is the words of another field with the same head and not all this one's
        // (`合作培养` + `学校` is the partner university's, not a side of 学校 = 学籍所在高校).
        if (agree === modifier.length || !ownedElsewhere(modifier, own, lhead))
          score = Math.max(score, MODIFIED_NAME + (AGREEING_MODIFIER * agree) / modifier.length);
      }
    }
    // (Only a label as written: a short label read after its context is no shortened name.)
    if (score < SHORTENED_NAME && r.factor === 1 && isShortened(label, name.text)) score = SHORTENED_NAME;
    // A yes/no's core made of runs of a yes/no name (`系统备案` of 是否系统备案).
    if (score < SHORTENED_NAME && r.yesNo && label.length < name.text.length && isRunsOf(label, name.text)) score = SHORTENED_NAME;
    return score;
  };
  const read = (text: string, around: string, factor: number, yesNo = false): Reading => {
    const cs = codesOf(text);
    const bag = bagOf(cs);
    return {
      text,
      around,
      aroundChars: new Set(around ? codesOf(around) : []),
      factor,
      bag,
      weight: weigh(bag),
      grams: bigrams(text, cs),
      head: headOf(text),
      yesNo,
    };
  };

  const memo = new Map<string, FieldScore[]>();
  return (rawLabel, rawContext = '') => {
    const key = `${rawLabel}\u0000${rawContext}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const label = normalizeLabel(rawLabel);
    const ctx = rawContext ? contextOf(rawContext) : '';
    const out: FieldScore[] = [];
    let otherStudy = false;
    for (let i = 0; i < otherStudies.length && !otherStudy; i++) otherStudy = label.includes(otherStudies[i]!);
    // A total (`专任教师总数`) read without its `总`, when that is a field's name but not its own label.
    const part = label.length > 2 && label.includes(TOTAL) ? label.replace(TOTAL, '') : '';
    if (label && !otherStudy) {
      // Readings of the label: as written; without a bracketed aside that is not filler (`合作培养高校（师范大学）`);
      // a short one after its context (`填报人信息` · `姓名` → 填报人姓名). Each field takes its best reading.
      const readings: Reading[] = [read(label, ctx, 1)];
      const bare = rawLabel.includes('(') || rawLabel.includes('（') ? normalizeLabel(rawLabel.replace(ASIDE, '')) : label;
      if (bare && bare !== label) readings.push(read(bare, ctx, 1));
      if (ALTERNATIVES.test(bare)) for (const alt of bare.split('/')) readings.push(read(alt, ctx, ALTERNATIVE_READING));
      // A yes/no's core, read against the yes/no fields.
      const yesNoLabel = label.startsWith('是否') || label.endsWith('标记') || YES_NO_DONE.test(rawLabel);
      if (hasYesNo && (yesNoLabel || YES_NO_RAW.test(rawLabel))) {
        let core = label.startsWith('是否') ? label.slice(2) : label;
        if (core.startsWith('已')) core = core.slice(1);
        if (core.endsWith('标记')) core = core.slice(0, -2);
        if (core.length >= 2) readings.push(read(core, ctx, YES_NO_READING, true));
      }
      const head = ctx.replace(SECTION_WORD, '');
      if (head && codesOf(label).length <= SHORT_LABEL) readings.push(read(normalizeLabel(head + label), '', COMPOUND_READING));
      // A header or name written as a code (`XWZSBH`, `studentNo`), read before any English word is translated.
      const raw = rawLabel.trim().toLowerCase();
      const codeHits = (CODE.test(raw) && codes.get(raw)) || (CODE.test(label) ? codes.get(label) : undefined);
      // The scope may be in the context (`推荐学校信息`) or in the label itself (`学校联系电话`).
      const around = ctx + label;
      let scoped = false;
      if (hasGroups) for (const ns of groupNames.values()) if (anyOf(ns, around)) scoped = true;
      const topScoped = hasGroups && !scoped && !!ctx && anyOf(topNames, ctx);
      // A label whose modifier names a top-level field (`单位地址`) leans to the top level, more weakly.
      let topLabel = false;
      if (hasGroups && !scoped && !topScoped)
        for (let i = 0; i < topNames.length && !topLabel; i++)
          topLabel = label.length > topNames[i]!.length && label.startsWith(topNames[i]!);
      // Only fields sharing a character with a reading can score, and of their names only those sharing one with the
      // reading (a character index, not a walk over every name): per reading, a bit per name.
      const reach = new Uint8Array(nf);
      const hits = new Uint8Array(nameCount);
      for (let r = 0; r < readings.length; r++)
        readings[r]!.bag.forEach((_, c) => {
          const fs = fieldsWith.get(c);
          if (fs) for (let j = 0; j < fs.length; j++) reach[fs[j]!] = 1;
          const ns = namesWith.get(c);
          if (ns) for (let j = 0; j < ns.length; j++) hits[ns[j]!] = hits[ns[j]!]! | (1 << r);
        });
      if (codeHits) for (let j = 0; j < codeHits.length; j++) reach[codeHits[j]!] = 1;
      for (let i = 0, id = 0; i < nf; id += names[i]!.length, i++) {
        if (!reach[i]) continue;
        const f = fields[i]!;
        let best = codeHits?.includes(i) ? CODE_SCORE : 0;
        const ns = names[i]!;
        for (let r = 0; r < readings.length; r++) {
          if (readings[r]!.yesNo && !yesNoField[i]) continue;
          // Whether the reading is the very name of a field other than this one.
          const owner = owners.get(readings[r]!.text);
          const elsewhere = !!owner && (owner.length > 1 || owner[0] !== i);
          for (let j = 0; j < ns.length; j++)
            if (hits[id + j]! & (1 << r))
              best = Math.max(best, readings[r]!.factor * pairScore(readings[r]!, ns[j]!, ownChars[i]!, elsewhere));
        }
        // Two names of one field side by side (`备注说明`).
        if (best < TWO_NAMES && label.length >= 4) {
          const texts = normNames[i]!;
          for (let j = 0; j < texts.length; j++)
            if (label.startsWith(texts[j]!) && texts.includes(label.slice(texts[j]!.length))) best = TWO_NAMES;
        }
        if (best <= 0) continue;
        if (yesNoLabel && hasYesNo && !yesNoField[i]) best *= HEAD_MISMATCH;
        // …counts the whole of what this field counts a part of (科学类课程专任教师数, also called 专任教师数).
        if (part && partOf(i, part)) continue;
        if (hasGroups) {
          const mine = f.group ? anyOf(groupNames.get(f.group) ?? [], around) : false;
          if (f.group) best += mine ? SCOPE_BONUS : topScoped ? -TOP_SCOPE_PENALTY : topLabel ? -TOP_LABEL_PENALTY : -SCOPE_BONUS;
          else if (scoped) best -= SCOPE_BONUS;
        }
        // A field this far under the threshold can be neither a match nor a rival of one.
        if (best >= RIVAL_FLOOR) out.push({ field: i, score: Math.min(1, best) });
      }
      if (ctx && out.length > 1) {
        // The context tells apart the fields the label could mean: of its characters that some but not all of the
        // strong candidates' families hold (`教育硕士` against `专业` in `教育硕士专业学位`; `学位`, which all hold,
        // says nothing), the share each family holds. A context that does not discriminate changes nothing.
        let top = 0;
        for (let j = 0; j < out.length; j++) top = Math.max(top, out[j]!.score);
        const strong: FieldScore[] = [];
        for (let j = 0; j < out.length; j++) if (out[j]!.score >= STRONG * top) strong.push(out[j]!);
        // A group's row name (`推荐学校`) and a section word (`名单`) scope, they do not tell fields of the row apart.
        let telling = ctx.replace(SECTION_WORD, '');
        for (const t of scopeWords) telling = telling.replaceAll(t, '');
        if (strong.length > 1 && telling) {
          let total = 0;
          const aff = new Array<number>(strong.length).fill(0);
          // A label long enough to name a field weighs in with its own telling characters (`合作学校` under `在读信息`:
          // the partner's `合作` against the home university's `在读`): the context tips a balance, it does not
          // overrule the label. A short label (`单位`) is the one the context scopes.
          const tellingChars = label.length > SHORT_LABEL ? codesOf(telling).concat(codesOf(label)) : codesOf(telling);
          const done = new Set<number>();
          for (let t = 0; t < tellingChars.length; t++) {
            const c = tellingChars[t]!;
            if (done.has(c)) continue;
            done.add(c);
            let held = 0;
            for (let j = 0; j < strong.length; j++) if (familyChars[strong[j]!.field]!.has(c)) held++;
            if (held === 0 || held === strong.length) continue;
            total++;
            for (let j = 0; j < strong.length; j++) if (familyChars[strong[j]!.field]!.has(c)) aff[j]!++;
          }
          if (total > 0) {
            let best = 0;
            for (let j = 0; j < aff.length; j++) best = Math.max(best, aff[j]!);
            for (let j = 0; j < strong.length; j++) strong[j]!.score -= (CONTEXT_AFFINITY * (best - aff[j]!)) / total;
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
