/**
 * `YYYY-MM-DD` read digit by digit (rules check stored dates several times per record; no regex, no allocation):
 * the year when `value` has that shape and names a real day, 0 when it has the shape only, -1 when it has not.
 */
function isoYear(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return isValidYmd(y, m, d) ? y : 0;
}

/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isIsoDate(value: string): boolean {
  return isoYear(value) > 0;
}

/** Days in each month of a common year; February gains a day in leap years (proleptic Gregorian, as `Date` counts). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= MONTH_DAYS[m - 1]! + (leap ? 1 : 0);
}

function iso(y: number, m: number, d: number): string | undefined {
  if (!isValidYmd(y, m, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug is absorbed by starting one day early). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel date serial (days since 1899-12-30, fraction = time of day) → `YYYY-MM-DD`. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Reads the date spellings met in forms and spreadsheets and returns `YYYY-MM-DD`, or `undefined` when the text is
 * not one date: `2024-06-30`, `2024/6/30`, `2024.6.30`, `2024年6月30日`, `２０２４年６月３０日`, `20240630`,
 * `2024-06-30T00:00:00`, an Excel serial (`45473`, number or digits of 5), and a JS `Date` (its local calendar day).
 */
export function normalizeDate(value: string | number | Date): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return iso(value.getFullYear(), value.getMonth() + 1, value.getDate());
  }
  if (typeof value === 'number') return excelSerialToIso(value);
  if (!value) return undefined;
  // Already stored form (what rules mostly read): nothing to rewrite, only the calendar check.
  const y = isoYear(value);
  if (y >= 0) return y ? value : undefined;
  const s = value
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/[／]/g, '/')
    .replace(/[－—–]/g, '-')
    .replace(/[．]/g, '.');
  if (!s) return undefined;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerialToIso(Number(s));
  return undefined;
}

/** The year of a `YYYY-MM-DD` value (or any date spelling `normalizeDate` reads), else `undefined`. */
export function yearOf(value: string): number | undefined {
  const y = isoYear(value);
  if (y >= 0) return y || undefined;
  const d = normalizeDate(value);
  return d ? Number(d.slice(0, 4)) : undefined;
}
