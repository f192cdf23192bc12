import type { FieldHint, FieldResult, FillReport } from './types';
import { normalizeDate } from '../normalize/date';
import { nameKey, toHalfWidth } from '../normalize/text';
import { normalizeYesNo } from '../normalize/options';
import { choiceYesNo, wantedTexts, withoutCode } from '../page/options';

/**
 * Rank of a result when frames disagree: a frame that filled the field wins over one that failed, a reasoned skip
 * (read-only) over missing rows, and a frame whose rows are missing over one that has no such control at all.
 */
const RANK = (r: FieldResult) =>
  r.status === 'filled'
    ? 5
    : r.status === 'failed'
      ? 4
      : r.reason === 'notFound'
        ? 1
        : r.reason === 'noRow' || r.reason === 'rowNotAdded'
          ? 2
          : 3;

/** One report for a whole tab from the reports of its frames: per field path, the most informative result. */
export function mergeReports(reports: FillReport[]): FillReport {
  const best = new Map<string, FieldResult>();
  const order: string[] = [];
  for (const rep of reports)
    for (const r of rep.results) {
      const prev = best.get(r.path);
      if (!prev) order.push(r.path);
      if (!prev || RANK(r) > RANK(prev)) best.set(r.path, r);
    }
  const results = order.map((p) => best.get(p)!);
  const count = (s: FieldResult['status']) => results.filter((r) => r.status === s).length;
  return {
    url: reports.find((r) => r.url)?.url ?? reports[0]?.url ?? '',
    frameUrl: '',
    results,
    filled: count('filled'),
    skipped: count('skipped'),
    failed: count('failed'),
    ms: reports.reduce((s, r) => s + r.ms, 0),
  };
}

/** A calendar day or month as a page shows it; `d` is absent when the control shows a month only. */
export interface ShownDate {
  y: number;
  m: number;
  d?: number;
}

/**
 * The date a control shows, in any display format a picker uses: `2024-08-05`, `2024/8/5`, `2024.08.05`,
 * `2024年08月05日`, `20240805`, with a time after it or not; a month alone as `2024-08`, `2024年8月`, `202408`.
 */
export function shownDate(text: string): ShownDate | undefined {
  const s = toHalfWidth(text)
    .trim()
    .replace(/(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '');
  // Five digits alone are an Excel serial to normalizeDate; on a page they are no date.
  if (/^\d{5}$/.test(s)) return undefined;
  const iso = normalizeDate(s);
  if (iso) return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
  const month = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (!month) return undefined;
  const y = Number(month[1]);
  const m = Number(month[2]);
  return y >= 1000 && m >= 1 && m <= 12 ? { y, m } : undefined;
}

/** A number as typed: half-width, no spaces or thousands separators. */
function numberOf(text: string): number | undefined {
  const s = toHalfWidth(text).replace(/[\s,]/g, '');
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : undefined;
}

/** Codes and phone numbers read the same with or without spaces and dashes, in either case. */
const codeKey = (text: string) =>
  toHalfWidth(text)
    .replace(/[\s\u00a0-]+/g, '')
    .toUpperCase();

/**
 * Whether what a control shows after the fill is the draft's value, compared as the user sees it: the same text up to
 * full/half width, spaces and case; the same day (or month, for a month control) in whatever format the picker
 * displays; the same number; an option label for the draft's stored code (`高中` for `GZ`, `是` for `1`); a cascader
 * path holding the value (`浙江省 / 杭州市 / 滨江区` for `杭州市`); an option whose text extends the draft's (`公办学校`
 * for `公办`, not `管理学` for `理学`) when the field has options or `chosen` — the option text the driver picked from the
 * page's list — is what the control shows.
 */
export function shownMatches(shown: string, value: string, hint?: Pick<FieldHint, 'type' | 'options'>, chosen?: string): boolean {
  const s = nameKey(shown);
  const v = nameKey(value);
  if (s === v) return true;
  if (!s || !v) return false;
  const wantDate = normalizeDate(value);
  if (wantDate && (!hint || hint.type === 'date')) {
    const got = shownDate(shown);
    if (got)
      return (
        got.y === Number(wantDate.slice(0, 4)) &&
        got.m === Number(wantDate.slice(5, 7)) &&
        (got.d ?? Number(wantDate.slice(8, 10))) === Number(wantDate.slice(8, 10))
      );
    if (hint?.type === 'date') return false;
  }
  const n = numberOf(value);
  if (n !== undefined && numberOf(shown) === n) return true;
  if (hint?.type === 'phone' || hint?.type === 'code' || hint?.type === 'integer') return codeKey(shown) === codeKey(value);
  const wanted = wantedTexts(value, hint as FieldHint | undefined);
  if (wanted.includes(s) || wanted.includes(withoutCode(s))) return true;
  // Yes and no as the page words them (`已备案`, `√`, `Y`).
  const yes = normalizeYesNo(value);
  if (yes && yes === choiceYesNo(shown)) return true;
  // A cascader shows its whole path: the value is one of its levels.
  const levels = shown
    .split(/\s*[/>＞|]\s*/)
    .map(nameKey)
    .filter(Boolean);
  if (levels.length > 1 && levels.some((l) => wanted.includes(l))) return true;
  // An option whose text extends the wanted one (`公办学校` for `公办`) holds it; one that only ends with it (`管理学`
  // for `理学`) does not. Only for option fields, or for the option the driver picked from the page's list.
  const option = !!hint?.options?.length || (chosen !== undefined && nameKey(chosen) === s);
  return option && wanted.some((w) => w.length >= 2 && s.startsWith(w));
}
