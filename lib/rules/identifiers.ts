/**
 * Pure checks of national identifier formats. Each returns what is wrong (or the parsed parts), never a message:
 * rules turn results into findings, and other areas (verify, Excel import) can reuse the checks.
 */
import { isValidYmd } from '../normalize/date';

/** GB 32100-2015 charset: digits and upper-case letters without I, O, Z, S, V. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character a 17-character credit-code body calls for, or `undefined` when the body has a foreign char. */
export function creditCodeCheckChar(body: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(body[i] ?? '');
    if (v < 0) return undefined;
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem =
  { kind: 'length'; length: number } | { kind: 'charset'; chars: string[] } | { kind: 'check'; expected: string; actual: string };

/** What is wrong with a 统一社会信用代码 (GB 32100-2015), or `undefined` when it is well-formed. Expects upper case. */
export function creditCodeProblem(code: string): CreditCodeProblem | undefined {
  const chars = [...code];
  const bad = [...new Set(chars.filter((c) => !CREDIT_CODE_CHARSET.includes(c)))];
  if (bad.length) return { kind: 'charset', chars: bad };
  if (chars.length !== 18) return { kind: 'length', length: chars.length };
  const expected = creditCodeCheckChar(code.slice(0, 17))!;
  if (expected !== code[17]) return { kind: 'check', expected, actual: code[17]! };
  return undefined;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export interface ResidentIdParts {
  /** GB/T 2260 province code (digits 1–2). */
  province: string;
  /** `YYYY-MM-DD` from digits 7–14, or `undefined` when they are not a real date. */
  birthDate?: string;
  /** Digit 17: odd for men, even for women. */
  gender: '男' | '女';
  checkOk: boolean;
  expectedCheck: string;
}

/** Splits an 18-character 居民身份证号码 (GB 11643-1999); `undefined` when it is not 17 digits + digit/X. */
export function parseResidentId(id: string): ResidentIdParts | undefined {
  if (!/^\d{17}[\dX]$/.test(id)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  const expectedCheck = ID_CHECK[sum % 11]!;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  return {
    province: id.slice(0, 2),
    birthDate: isValidYmd(y, m, d) ? id.slice(6, 10) + '-' + id.slice(10, 12) + '-' + id.slice(12, 14) : undefined,
    gender: Number(id[16]) % 2 === 1 ? '男' : '女',
    checkOk: expectedCheck === id[17],
    expectedCheck,
  };
}

/** 学位证书编号: 16 digits — unit code (1–5), level (6: 2 doctor, 3 master, 4 bachelor), year (7–10), serial (11–16). */
export interface DegreeCertParts {
  unitCode: string;
  level: string;
  year: number;
  serial: string;
}

export function parseDegreeCertNo(no: string): DegreeCertParts | undefined {
  if (!/^\d{16}$/.test(no)) return undefined;
  return { unitCode: no.slice(0, 5), level: no[5]!, year: Number(no.slice(6, 10)), serial: no.slice(10) };
}

/** Degree level digit (6th of a degree certificate number) → 学位层次. */
export const DEGREE_LEVEL_DIGIT: Record<string, string> = { '2': '博士', '3': '硕士', '4': '学士' };

/** 毕业证书编号: 18 digits — school code (1–5), kind of schooling (6), year (7–10), level (11–12), serial (13–18). */
export interface GraduationCertParts {
  unitCode: string;
  kind: string;
  year: number;
  level: string;
  serial: string;
}

export function parseGraduationCertNo(no: string): GraduationCertParts | undefined {
  if (!/^\d{18}$/.test(no)) return undefined;
  return { unitCode: no.slice(0, 5), kind: no[5]!, year: Number(no.slice(6, 10)), level: no.slice(10, 12), serial: no.slice(12) };
}

/** Level digits 11–12 of a graduation certificate number → 学历层次. */
export const GRADUATION_LEVEL_DIGITS: Record<string, string> = { '01': '博士', '02': '硕士', '05': '本科', '06': '专科' };

/** A year that can appear on a certificate: plausibly 1950 up to next year. */
export function plausibleYear(year: number, now: Date): boolean {
  return year >= 1950 && year <= now.getUTCFullYear() + 1;
}
