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
  // `公办学校` for `公办`: accept only when exactly one option contains a wanted text of 2+ characters.
  const loose = keys
    .map((k, idx) => ({ idx, hit: wanted.some((w) => w.length >= 2 && k.text.length >= 2 && (k.text.includes(w) || w.includes(k.text))) }))
    .filter((x) => x.hit);
  return loose.length === 1 ? loose[0]!.idx : -1;
}

/** Whether a draft value means "checked" for a single checkbox. */
export function wantsChecked(value: string): boolean | undefined {
  const yn = normalizeYesNo(value);
  return yn === undefined ? undefined : yn === '是';
}

/** A `YYYY-MM-DD` draft date in the format a text input shows (guessed from its placeholder or current value). */
export function formatDateFor(iso: string, sample: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  if (/年/.test(sample)) return `${y}年${mo}月${d}日`;
  if (/^\s*(yyyy|\d{4})\/(mm|\d{1,2})\//i.test(sample)) return `${y}/${mo}/${d}`;
  if (/^\s*(yyyy\.mm|\d{4}\.\d{1,2}\.)/i.test(sample)) return `${y}.${mo}.${d}`;
  if (/^\s*(yyyymmdd|\d{8})\s*$/i.test(sample)) return `${y}${mo}${d}`;
  return iso;
}
