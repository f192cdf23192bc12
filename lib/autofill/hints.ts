import type { FormData, FormDefinition, FieldDef } from '../forms/types';
import type { FieldHint, GroupHint } from './types';
import { normalizeLabel } from '../page/label-text';
import { toHalfWidth } from '../normalize/text';
import { matchKeys } from '../page/match/similarity';

/**
 * The slim projection of a form pack that travels to the content script: labels, synonyms, codes and option texts,
 * already normalised. No zod schemas, no help texts — that keeps the injected script small.
 */
export function formHints(form: FormDefinition): { hints: FieldHint[]; groups: GroupHint[] } {
  const hints: FieldHint[] = form.fields.map((f) => hintOf(f, f.key));
  const groups: GroupHint[] = [];
  for (const g of form.groups) {
    for (const f of g.fields) hints.push({ ...hintOf(f, `${g.key}[].${f.key}`), group: g.key });
    groups.push({ key: g.key, itemNames: unique([g.itemLabel.zh, g.label.zh, g.itemLabel.en].map(normalizeLabel)) });
  }
  return { hints, groups };
}

function hintOf(f: FieldDef, path: string): FieldHint {
  const names = unique([f.label.zh, ...f.synonyms].map(normalizeLabel).filter(Boolean));
  const hint: FieldHint = {
    path,
    key: f.key,
    label: f.label.zh,
    names,
    keys: matchKeys(names),
    codes: unique(f.codes.map((c) => c.toLowerCase())),
    type: f.type,
  };
  if (f.options)
    hint.options = f.options.map((o) => ({ value: o.value, texts: unique([o.value, o.label.zh, o.label.en, ...(o.synonyms ?? [])]) }));
  return hint;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter(Boolean))];
}

/** Flatten a draft's data into path → value (`schools[2].schoolName`) and rows per group. */
export function flattenValues(form: FormDefinition, data: FormData): { values: Record<string, string>; rows: Record<string, number> } {
  const values: Record<string, string> = {};
  const rows: Record<string, number> = {};
  for (const f of form.fields) values[f.key] = data.fields[f.key] ?? '';
  for (const g of form.groups) {
    const list = data.groups[g.key] ?? [];
    // Trailing blank rows are not worth adding rows on the page for.
    let n = list.length;
    while (n > 0 && Object.values(list[n - 1] ?? {}).every((v) => !v)) n--;
    rows[g.key] = n;
    for (let i = 0; i < n; i++) for (const f of g.fields) values[`${g.key}[${i}].${f.key}`] = list[i]?.[f.key] ?? '';
  }
  return { values, rows };
}

/**
 * Format hints: how a page wants a date written, read from what a person reads beside the control. A format is a
 * pattern of `YYYY`, `MM`/`M`, `DD`/`D` and the separators between them (`YYYYMMDD`, `YYYY/MM/DD`, `YYYY年M月D日`,
 * `YYYY-MM` for a month). The draft's value stays `YYYY-MM-DD`; only the written text follows the page.
 */

/** `yyyymmdd`, `YYYY-MM-DD`, `yyyy/mm/dd`, `YYYY年MM月DD日`, `yyyy-mm`, `yyyymm` in a hint or placeholder. */
const TOKENS = /y{4}\s*([-/.年]?)\s*(m{1,2})\s*(?:([-/.月]?)\s*(d{1,2})\s*(日?)|(月?))/i;
/** An example date: `2024-01-01`, `2024/1/1`, `2024.01.01`, `2024年1月1日`, `2024年01月`. */
const EXAMPLE = /(?<!\d)(?:19|20)\d{2}(?:([-/.])(\d{1,2})(?:\1(\d{1,2}))?|年(\d{1,2})月(?:(\d{1,2})日)?)(?!\d)/;
/** Digits only (`20240101`, `202401`) count as an example when introduced as one (`例：`, `如`, `e.g.`). */
const DIGITS_EXAMPLE = /(?:例|如|比如|示例|e\.?g\.?)\s*[:：]?\s*((?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?)(?!\d)/i;
/** `8位数字`, `6位` said of a date. */
const DIGIT_COUNT = /(?<!\d)([86])\s*位/;

const pad = (n: string) => (n.length === 2 ? 2 : 1);

/** The date format a hint text asks for, or `undefined` when it names none. */
export function dateFormatIn(text: string): string | undefined {
  const t = toHalfWidth(text);
  const tok = TOKENS.exec(t);
  if (tok) {
    const [, sep1 = '', mm = '', sep2 = '', dd, day = '', monthMark = ''] = tok;
    const month = `YYYY${sep1}${'M'.repeat(mm.length)}`;
    return dd ? `${month}${sep2}${'D'.repeat(dd.length)}${day}` : `${month}${monthMark}`;
  }
  const ex = EXAMPLE.exec(t);
  if (ex) {
    const [, sep, m1, d1, m2, d2] = ex;
    if (sep) return `YYYY${sep}${'M'.repeat(pad(m1!))}${d1 ? sep + 'D'.repeat(pad(d1)) : ''}`;
    return `YYYY年${'M'.repeat(pad(m2!))}月${d2 ? `${'D'.repeat(pad(d2))}日` : ''}`;
  }
  const digits = DIGITS_EXAMPLE.exec(t);
  if (digits) return digits[1]!.length === 8 ? 'YYYYMMDD' : 'YYYYMM';
  const count = DIGIT_COUNT.exec(t);
  if (count) return count[1] === '8' ? 'YYYYMMDD' : 'YYYYMM';
  return undefined;
}

/** A `YYYY-MM-DD` date written in `format`; any other value is returned as it is. */
export function formatDate(iso: string, format: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const parts: Record<string, string> = {
    YYYY: m[1]!,
    MM: m[2]!,
    M: String(Number(m[2])),
    DD: m[3]!,
    D: String(Number(m[3])),
  };
  return format.replace(/YYYY|MM|M|DD|D/g, (k) => parts[k]!);
}

/** A control's `maxlength` that only one date format fits: 8 → `YYYYMMDD`, 6 → `YYYYMM`. */
const BY_LENGTH: Record<number, string> = { 8: 'YYYYMMDD', 6: 'YYYYMM' };

const CONTROL = 'input:not([type=hidden]), select, textarea';
/** Hint texts are short; a longer text beside a control is instructions or another field. */
const MAX_HINT = 60;

/**
 * Texts a person reads beside a control: the nodes after it (a hint span, a help line, the next grid column), going
 * up from the control as long as the container holds no other control, and stopping at the next control.
 */
export function besideTexts(face: Element): string[] {
  const out: string[] = [];
  let node: Element = face;
  for (let depth = 0; depth < 5 && node.parentElement; depth++) {
    for (let sib = node.nextSibling, n = 0; sib && n < 4; sib = sib.nextSibling) {
      if (sib.nodeType === 1 && ((sib as Element).matches(CONTROL) || (sib as Element).querySelector(CONTROL))) break;
      const text = sib.textContent?.trim() ?? '';
      if (!text) continue;
      n++;
      if (text.length <= MAX_HINT) out.push(text);
    }
    const parent: Element = node.parentElement;
    if (parent.querySelectorAll(CONTROL).length > 1) break;
    node = parent;
  }
  return out;
}

/**
 * The date format a control asks for: a format or an example in its placeholder, title, label or the hint beside it
 * (`（格式：yyyymmdd）`, `例：2024-01-01`), else a `maxlength` only one format fits. `undefined`: nothing says.
 */
export function wantedDateFormat(el: HTMLElement, face: HTMLElement, labels: readonly string[] = []): string | undefined {
  const described = (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? (el.ownerDocument.getElementById(id)?.textContent ?? '') : ''));
  const texts = [el.getAttribute('placeholder') ?? '', el.getAttribute('title') ?? '', ...labels, ...described, ...besideTexts(face)];
  for (const t of texts) {
    const f = t && dateFormatIn(t);
    if (f) return f;
  }
  return BY_LENGTH[Number(el.getAttribute('maxlength'))];
}
