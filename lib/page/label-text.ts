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

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/** A `name`/`id` attribute as a comparison key: lower case, its row index and framework prefixes dropped. */
export function codeKey(nameOrId: string): { key: string; index?: number } {
  let s = nameOrId.trim();
  let index: number | undefined;
  // Runs once per control of a page. Most names carry no digit or only a trailing index (`xxmc_3`, `schoolName12`):
  // those are read by hand; the regular expressions below run only when a digit or `[` comes earlier.
  let end = s.length;
  while (end > 0 && isDigit(s.charCodeAt(end - 1))) end--;
  let simple = true;
  let dot = false;
  for (let i = 0; i < end && simple; i++) {
    const ch = s.charCodeAt(i);
    simple = !isDigit(ch) && ch !== 91 /* [ */ && ch >= 32;
    if (ch === 46 /* . */ || ch === 93 /* ] */) dot = true;
  }
  if (simple) {
    if (end < s.length) {
      const sep = s.charCodeAt(end - 1) === 95 /* _ */ || s.charCodeAt(end - 1) === 45; /* - */
      const letterAt = sep ? end - 2 : end - 1;
      if (letterAt >= 0 && isAsciiLetter(s.charCodeAt(letterAt))) {
        index = Number(s.slice(end));
        s = s.slice(0, letterAt + 1);
      }
    }
    return finishCode(s, index, dot);
  }
  // `schools[2].schoolName`, `schools.2.schoolName`, `form_schools_2_schoolName`
  const mid = /(?:\[(\d+)\]|[._-](\d+)(?=[._-]))/.exec(s);
  if (mid) index = Number(mid[1] ?? mid[2]);
  s = s.replace(/\[(\d+)\]\.?|[._-](\d+)[._-]/g, '.');
  // A trailing index after a letter, with an optional `_`/`-` between: `xxmc_3`, `xxmc3`. (Greedy: the letter before
  // the trailing digits is the only one that can end the first group, and greedy finds it from the end.)
  const tail = index === undefined ? /^(.*[a-z])[_-]?(\d+)$/i.exec(s) : null;
  if (tail) {
    index = Number(tail[2]);
    s = tail[1]!;
  }
  return finishCode(s, index);
}

/** A run of five or more digits is a generated id (`ivuRadioGroup_1796470653414_0`, a timestamp), never a row index. */
const GENERATED_ID = /\d{5}/;

/** The last path segment of a name without its index, lower case, without an Ant Design form-name prefix. */
function finishCode(s: string, index: number | undefined, path = /[.[\]]/.test(s)): { key: string; index?: number } {
  if (index !== undefined && GENERATED_ID.test(s + index)) index = undefined;
  const last = path
    ? (s
        .split(/[.\][]/)
        .filter(Boolean)
        .pop() ?? s)
    : s;
  // Ant Design prefixes ids with the form name: `degree_xwzsbh`; keep the last `_` part only when it is not the sole one.
  const parts = last.includes('_') ? last.split('_').filter(Boolean) : [];
  const key = (parts.length > 1 ? parts[parts.length - 1]! : last).toLowerCase();
  return index === undefined ? { key } : { key, index };
}
