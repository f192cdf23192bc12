/**
 * Identity documents (family `id.*`): the 居民身份证号码 (GB 11643-1999) checksum, its birth date, and agreement with
 * the birth date and gender fields.
 */
import { fieldAt } from '../forms/index';
import { schemaAccepts } from '../forms/field';
import { normalizeDate } from '../normalize/date';
import { matchOption } from '../normalize/options';
import { normalizeCode } from '../normalize/text';
import { parseResidentId } from './identifiers';
import { defineRule, type Finding } from './types';
import { fieldClause, val } from './helpers';

const RESIDENT_ID = '居民身份证';

const FIX = {
  zh: '对照身份证核对：第 1–6 位户籍地行政区划码，第 7–14 位出生日期，第 15–17 位顺序码（第 17 位单数为男、双数为女），第 18 位校验码（0–9 或 X）',
  en: 'Check against the ID card: digits 1–6 the place code, 7–14 the birth date, 15–17 a serial (17th odd for men, even for women), 18th the check character (0–9 or X)',
};

export const residentId = defineRule('id.resident-id', {
  severity: 'error',
  clause: 'GB 11643-1999',
  description: {
    zh: '居民身份证号码须校验正确，且与出生日期、性别一致',
    en: 'Resident ID numbers must pass the checksum and agree with birth date and gender',
  },
  check(ctx, emit) {
    const raw = val(ctx, 'idNumber');
    if (!raw) return [];
    const id = normalizeCode(raw);
    // 证件类型 as people write it (`身份证`, `居民身份证号码`, `二代身份证`) is still the resident ID card; an
    // unknown spelling does not switch the check off when the number has the resident ID's shape.
    const rawType = val(ctx, 'idType');
    const idType = rawType ? (matchOption(fieldAt(ctx.form, 'idType')?.options ?? [], rawType)?.value ?? residentSpelling(rawType)) : '';
    const isResident = idType === RESIDENT_ID || (!idType && /^\d{15}(\d{2}[\dX])?$/.test(id));
    if (!isResident) {
      // Other documents: only the generic shape (this rule owns the idNumber field's format check).
      const schema = fieldAt(ctx.form, 'idNumber')?.schema;
      if (!schema || schemaAccepts(schema, raw)) return [];
      return [
        emit(
          ['idNumber'],
          { zh: `证件号码“${raw}”格式不正确`, en: `The ID number "${raw}" is not in a valid format` },
          {
            clause: fieldClause(ctx.form, 'idNumber'),
            fix: { zh: '按证件原样填写号码（字母、数字，5–30 位）', en: 'Copy the number as printed (letters and digits, 5–30)' },
          },
        ),
      ];
    }
    if (/^\d{15}$/.test(id)) {
      return [
        emit(
          ['idNumber'],
          {
            zh: `“${raw}”是 15 位旧身份证号码，请填写 18 位居民身份证号码`,
            en: `"${raw}" is an old 15-digit ID number; use the 18-character resident ID number`,
          },
          { fix: FIX },
        ),
      ];
    }
    const parts = parseResidentId(id);
    if (!parts) {
      return [
        emit(
          ['idNumber'],
          {
            zh: `居民身份证号码“${raw}”应为 17 位数字加 1 位校验码（数字或 X），现为 ${[...id].length} 位`,
            en: `A resident ID number is 17 digits plus a check character (digit or X); "${raw}" has ${[...id].length} characters`,
          },
          { fix: FIX },
        ),
      ];
    }
    const out: Finding[] = [];
    if (!parts.birthDate) {
      out.push(
        emit(
          ['idNumber'],
          {
            zh: `居民身份证号码第 7–14 位“${id.slice(6, 14)}”不是有效的出生日期`,
            en: `Digits 7–14 of the ID number ("${id.slice(6, 14)}") are not a valid birth date`,
          },
          { fix: FIX },
        ),
      );
    }
    if (!parts.checkOk) {
      out.push(
        emit(
          ['idNumber'],
          {
            zh: `居民身份证号码校验码错误：最后一位应为 ${parts.expectedCheck}，可能有数字录错`,
            en: `The ID number's check character is wrong: expected ${parts.expectedCheck}; a digit was probably mistyped`,
          },
          { fix: FIX },
        ),
      );
    }
    const birth = normalizeDate(val(ctx, 'birthDate'));
    if (parts.birthDate && birth && birth !== parts.birthDate) {
      out.push(
        emit(
          ['idNumber', 'birthDate'],
          {
            zh: `出生日期 ${birth} 与身份证号码中的出生日期 ${parts.birthDate} 不一致`,
            en: `The birth date ${birth} differs from the one in the ID number (${parts.birthDate})`,
          },
          {
            fix: {
              zh: '身份证号第 7–14 位是出生日期：核对出生日期或号码',
              en: 'Digits 7–14 of the ID number are the birth date: check either',
            },
          },
        ),
      );
    }
    const gender = val(ctx, 'gender');
    const g = fieldAt(ctx.form, 'gender')?.options?.find((o) => o.value === gender || o.synonyms?.includes(gender))?.value;
    if (g && g !== parts.gender) {
      out.push(
        emit(
          ['idNumber', 'gender'],
          {
            zh: `性别“${g}”与身份证号码第 17 位所示性别“${parts.gender}”不一致`,
            en: `The gender "${g}" differs from the one encoded in digit 17 of the ID number (${parts.gender === '男' ? 'male' : 'female'})`,
          },
          {
            fix: {
              zh: '身份证号第 17 位单数为男、双数为女：核对性别或号码',
              en: 'Digit 17 is odd for men, even for women: check the gender or the number',
            },
          },
        ),
      );
    }
    return out;
  },
});

/** Spellings of the resident ID card the option list may not know (`居民身份证号码`, `二代身份证`, `大陆身份证`). */
function residentSpelling(type: string): string {
  return /身份证/.test(type) && !/(港|澳|台|外国|永久居留)/.test(type) ? RESIDENT_ID : type;
}
