import { toHalfWidth } from '../normalize/text';

/**
 * The comparison form of a label as pages write it: half-width, no whitespace, no required-marks or trailing colons,
 * lower case. `* 学校名称：` → `学校名称`, `所在市（州）:` → `所在市(州)`, `Ｅ-mail` → `e-mail`.
 */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00a0\u200b]+/g, '')
    .replace(/^[*＊※★☆✱]+/, '')
    .replace(/[*＊※★☆✱]+$/, '')
    .replace(/[:：]+$/, '')
    .replace(/^[*＊※★☆✱]+/, '')
    .replace(/^\d{1,2}[.、)]\s*(?=\D)/, '')
    .toLowerCase();
}

/** Texts too long to be a label (a paragraph of instructions) are not labels. */
export const MAX_LABEL_LENGTH = 40;

const memo = new Map<string, string>();

/** `normalizeLabel`, or '' when the text is empty or too long to be a label. Memoised: labels repeat down tables. */
export function labelKey(text: string): string {
  let k = memo.get(text);
  if (k === undefined) {
    k = normalizeLabel(text);
    if (k.length > MAX_LABEL_LENGTH) k = '';
    if (memo.size > 5000) memo.clear();
    memo.set(text, k);
  }
  return k;
}

const INNER_INDEX_HINT = /[[._-]\d/;

/** A `name`/`id` attribute as a comparison key: lower case, its row index and framework prefixes dropped. */
export function codeKey(nameOrId: string): { key: string; index?: number } {
  let s = nameOrId.trim();
  let index: number | undefined;
  // `schools[2].schoolName`, `schools.2.schoolName`, `form_schools_2_schoolName`, `xxmc_3`, `xxmc3`
  // (Runs once per control of a page: the regular expressions only when an inner index can be there.)
  if (INNER_INDEX_HINT.test(s)) {
    const mid = /(?:\[(\d+)\]|[._-](\d+)(?=[._-]))/.exec(s);
    if (mid) index = Number(mid[1] ?? mid[2]);
    s = s.replace(/\[(\d+)\]\.?|[._-](\d+)[._-]/g, '.');
  }
  // A trailing index after a letter, with an optional `_`/`-` between: `xxmc_3`, `xxmc3`. (Greedy: the letter before
  // the trailing digits is the only one that can end the first group, and greedy finds it from the end.)
  const tail = index === undefined ? /^(.*[a-z])[_-]?(\d+)$/i.exec(s) : null;
  if (tail) {
    index = Number(tail[2]);
    s = tail[1]!;
  }
  const last = /[.[\]]/.test(s) ? (s.split(/[.\][]/).filter(Boolean).pop() ?? s) : s;
  // Ant Design prefixes ids with the form name: `degree_xwzsbh`; keep the last `_` part only when it is not the sole one.
  const parts = last.includes('_') ? last.split('_').filter(Boolean) : [];
  const key = (parts.length > 1 ? parts[parts.length - 1]! : last).toLowerCase();
  return index === undefined ? { key } : { key, index };
}
