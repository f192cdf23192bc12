import { nameKey } from '../normalize/text';
import { normalizeYesNo } from '../normalize/options';
import type { FieldHint } from './types';

/**
 * Choosing a page option for a draft value, tolerant of 全角/半角, spaces and case: the page's option text or value
 * equals one of the texts that stand for the draft value (its option value, labels, synonyms); failing that, a
 * unique option whose text contains (or is contained in) one of them. Pure.
 */
export function wantedTexts(value: string, hint?: FieldHint): string[] {
  const opt = hint?.options?.find((o) => o.value === value || o.texts.some((t) => nameKey(t) === nameKey(value)));
  const texts = opt ? [value, ...opt.texts] : [value];
  const yn = normalizeYesNo(value);
  if (yn) texts.push(yn, yn === '是' ? 'yes' : 'no');
  return [...new Set(texts.map(nameKey).filter(Boolean))];
}

export interface PageOption {
  text: string;
  value?: string;
}

/** Index of the page option that stands for `value`, or -1. */
export function pickOption(options: PageOption[], value: string, hint?: FieldHint): number {
  const wanted = wantedTexts(value, hint);
  if (!wanted.length) return -1;
  const keys = options.map((o) => ({ text: nameKey(o.text), value: o.value === undefined ? '' : nameKey(o.value) }));
  let i = keys.findIndex((k) => wanted.includes(k.text));
  if (i >= 0) return i;
  i = keys.findIndex((k) => k.value !== '' && wanted.includes(k.value));
  if (i >= 0) return i;
  // An option led by its code (`0702 物理学`, `07-理学`): the text after the code.
  const coded = keys.flatMap((k, idx) => (wanted.includes(withoutCode(k.text)) ? [idx] : []));
  if (coded.length === 1) return coded[0]!;
  // `公办学校` for `公办`: accept only when exactly one option begins with a wanted text of 2+ characters (or the other
  // way round). A text inside or at the end is another word: `理学` is not `管理学` nor `心理学`.
  // Yes or no as the page words its choices (`已备案` / `未备案`, `已获得` / `未获得`, `有` / `无`).
  const yn = normalizeYesNo(value);
  if (yn) {
    const said = options.map((o) => choiceYesNo(o.text));
    if (said.filter((x) => x === yn).length === 1) return said.indexOf(yn);
  }
  const loose = keys
    .map((k, idx) => ({
      idx,
      hit: wanted.some((w) => w.length >= 2 && k.text.length >= 2 && (k.text.startsWith(w) || w.startsWith(k.text))),
    }))
    .filter((x) => x.hit);
  return loose.length === 1 ? loose[0]!.idx : -1;
}

/** The yes or no a choice says: its own spelling (`是`, `有`, `已备案`), or a state said as done / not done (`已…`, `未…`). */
export function choiceYesNo(text: string): '是' | '否' | undefined {
  const t = nameKey(text);
  return normalizeYesNo(t) ?? (/^已\p{Script=Han}/u.test(t) ? '是' : /^未\p{Script=Han}/u.test(t) ? '否' : undefined);
}

/** A name key without the code that leads it (`0702物理学` → `物理学`, `07-理学` → `理学`); others unchanged. */
export function withoutCode(key: string): string {
  return key.replace(/^[0-9a-z]+[-_.:、]?(?=\p{Script=Han})/u, '');
}

/** Whether a draft value means "checked" for a single checkbox. */
export function wantsChecked(value: string): boolean | undefined {
  const yn = normalizeYesNo(value);
  return yn === undefined ? undefined : yn === '是';
}

/**
 * The display formats pickers commonly use, for a picker whose format no hint names: tried in this order (month and
 * day unpadded last: `YYYY年M月D日` refuses `2024年08月05日`).
 */
const DATE_SAMPLES = ['', 'yyyy年mm月dd日', 'yyyy/mm/dd', 'yyyymmdd', 'yyyy.mm.dd', 'yyyy年m月d日', 'yyyy/m/d', 'yyyy-m-d'];

/** A draft date written the ways a picker may want it, the one its hint (`sample`) names first. */
export function dateVariants(iso: string, sample: string): string[] {
  return [...new Set([sample, ...DATE_SAMPLES].map((s) => formatDateFor(iso, s)))];
}

/** Whether a picker's display text shows the draft date `iso` (any order-preserving format: 2024年6月30日, 2024/06/30). */
export function showsDate(text: string, iso: string): boolean {
  const want = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const got = /(\d{4})\D{0,2}(\d{1,2})\D{0,2}(\d{1,2})/.exec(text.replace(/\s/g, ''));
  if (!want) return text === iso;
  return !!got && [1, 2, 3].every((i) => Number(got[i]) === Number(want[i]));
}

/** A format or a date in it: year, separator, month, separator, day, trailing mark (`yyyy年m月d日`, `2024/8/5`, `20240805`). */
const DATE_SHAPE = /^\s*(yyyy|\d{4})([./年-]?)(mm?|\d{1,2})([./月-]?)(dd?|\d{1,2})(日?)(?:[^\dd./年月日-].*)?$/i;

/**
 * A `YYYY-MM-DD` draft date in the format a text input shows (guessed from its placeholder or current value: a
 * format such as `yyyy/m/d` or a date written in it). Month and day are padded unless the sample writes one digit.
 */
export function formatDateFor(iso: string, sample: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  if (/年/.test(sample) && !DATE_SHAPE.test(sample)) return `${y}年${mo}月${d}日`;
  const s = DATE_SHAPE.exec(sample);
  if (!s) return iso;
  const [, , sep1, month, sep2, , end] = s as unknown as string[];
  // `20240805` and `yyyymmdd` have no separators; a date needs both or none.
  if (!sep1 !== !sep2) return iso;
  const pad = month!.length === 2 || !sep1;
  const part = (v: string) => (pad ? v : String(Number(v)));
  return `${y}${sep1}${part(mo)}${sep2}${part(d)}${end}`;
}

/** Draft fields that form one path in a cascader, top level first (省 → 市 → 县); a row's own level wins over the form's. */
export const REGION_CHAIN: readonly string[] = ['province', 'city', 'county'];

/**
 * The value a cascader assigned to `path` is given: for a field of the region chain, the draft's path down to the
 * deepest level it has (`浙江省/杭州市/西湖区` for schools[0].city or schools[0].county, the province from the form's
 * header when the row has none); any other field's own value.
 */
export function cascadeValue(values: Record<string, string | undefined>, path: string): string | undefined {
  const m = /^(.*?)([^.\]]+)$/.exec(path);
  const [prefix, key] = m ? [m[1]!, m[2]!] : ['', path];
  if (!REGION_CHAIN.includes(key)) return values[path];
  const chain = REGION_CHAIN.map((k) => values[prefix + k] || values[k] || '').filter(Boolean);
  return chain.length ? chain.join('/') : values[path];
}
