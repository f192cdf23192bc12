/**
 * Full-width → half-width for ASCII-range characters (Ａ→A, １→1, （→(, ：→:) and the ideographic space → space.
 * Chinese punctuation without an ASCII twin (、。「」) is kept.
 */
export function toHalfWidth(value: string): string {
  // Most values hold no full-width character: return them as they are without rebuilding the string.
  if (!/[\u3000\uff01-\uff5e]/.test(value)) return value;
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (c === 0x3000) out += ' ';
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else out += ch;
  }
  return out;
}

/** Trim, and collapse runs of whitespace (incl. NBSP, ideographic space, line breaks) into one space. */
export function collapseSpace(value: string): string {
  // Most values (codes, dates, names) hold no whitespace at all: nothing to collapse.
  if (!/[\s\u00a0\u3000]/.test(value)) return value;
  return value.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** The usual clean-up for a typed or pasted value: half-width, collapsed whitespace. */
export function normalizeText(value: string): string {
  // Neither step changes a value without full-width characters or whitespace: one test for both.
  if (!/[\s\u00a0\u3000\uff01-\uff5e]/.test(value)) return value;
  return collapseSpace(toHalfWidth(value));
}

const PLAIN_KEY = /^[\u4e00-\u9fff0-9a-z()-]*$/;

/**
 * A comparison key for names (schools, universities): half-width, no whitespace, lower case, parentheses unified.
 * `北京市第一中学（本部）` and `北京市第一中学 (本部)` get the same key.
 */
export function nameKey(value: string): string {
  // Hanzi, digits, lower-case letters, ASCII parentheses and hyphens are kept as they are by every step below.
  if (PLAIN_KEY.test(value)) return value;
  return toHalfWidth(value)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[〔【［]/g, '(')
    .replace(/[〕】］]/g, ')')
    .toLowerCase();
}

/** An identifier as written on certificates: half-width, no spaces or dashes, upper case (`91110108 xxxx` → `91110108XXXX`). */
export function normalizeCode(value: string): string {
  // Digits and capitals only (most stored codes): already in this form.
  if (/^[0-9A-Z]*$/.test(value)) return value;
  return toHalfWidth(value)
    .replace(/[\s\u00a0\u3000-]+/g, '')
    .toUpperCase();
}
