/** id.resident-id: 居民身份证号码 (GB 11643-1999) checksum, birth date, and agreement with the birth date and gender fields. */
import { fieldAt } from '../forms/index';
import { schemaAccepts } from '../forms/field';
import { normalizeDate } from '../normalize/date';
import { normalizeCode } from '../normalize/text';
import { parseResidentId } from './identifiers';
import { defineRule, type Finding, type Severity } from './types';
import { emitter, val } from './helpers';

const RESIDENT_ID = '居民身份证';

const meta = { id: 'id.resident-id', severity: 'error' as Severity, clause: 'GB 11643-1999' };
export const residentId = defineRule({
  ...meta,
  description: {
    zh: '居民身份证号码须校验正确，且与出生日期、性别一致',
    en: 'Resident ID numbers must pass the checksum and agree with birth date and gender',
  },
  check(ctx) {
    const raw = val(ctx, 'idNumber');
    if (!raw) return [];
    const emit = emitter(meta);
    const idType = val(ctx, 'idType');
    const id = normalizeCode(raw);
    const isResident = idType === RESIDENT_ID || (!idType && /^\d{15}(\d{2}[\dX])?$/.test(id));
    if (!isResident) {
      // Other documents: only the generic shape (this rule owns the idNumber field's format check).
      const schema = fieldAt(ctx.form, 'idNumber')?.schema;
      if (!schema || schemaAccepts(schema, raw)) return [];
      return [
        emit(
          ['idNumber'],
          { zh: `证件号码“${raw}”格式不正确`, en: `The ID number "${raw}" is not in a valid format` },
          { clause: ctx.form.source.zh },
        ),
      ];
    }
    if (/^\d{15}$/.test(id)) {
      return [
        emit(['idNumber'], {
          zh: `“${raw}”是 15 位旧身份证号码，请填写 18 位居民身份证号码`,
          en: `"${raw}" is an old 15-digit ID number; use the 18-character resident ID number`,
        }),
      ];
    }
    const parts = parseResidentId(id);
    if (!parts) {
      return [
        emit(['idNumber'], {
          zh: `居民身份证号码“${raw}”应为 17 位数字加 1 位校验码（数字或 X），现为 ${[...id].length} 位`,
          en: `A resident ID number is 17 digits plus a check character (digit or X); "${raw}" has ${[...id].length} characters`,
        }),
      ];
    }
    const out: Finding[] = [];
    if (!parts.birthDate) {
      out.push(
        emit(['idNumber'], {
          zh: `居民身份证号码第 7–14 位“${id.slice(6, 14)}”不是有效的出生日期`,
          en: `Digits 7–14 of the ID number ("${id.slice(6, 14)}") are not a valid birth date`,
        }),
      );
    }
    if (!parts.checkOk) {
      out.push(
        emit(['idNumber'], {
          zh: `居民身份证号码校验码错误：最后一位应为 ${parts.expectedCheck}，可能有数字录错`,
          en: `The ID number's check character is wrong: expected ${parts.expectedCheck}; a digit was probably mistyped`,
        }),
      );
    }
    const birth = normalizeDate(val(ctx, 'birthDate'));
    if (parts.birthDate && birth && birth !== parts.birthDate) {
      out.push(
        emit(['idNumber', 'birthDate'], {
          zh: `出生日期 ${birth} 与身份证号码中的出生日期 ${parts.birthDate} 不一致`,
          en: `The birth date ${birth} differs from the one in the ID number (${parts.birthDate})`,
        }),
      );
    }
    const gender = val(ctx, 'gender');
    const g = fieldAt(ctx.form, 'gender')?.options?.find((o) => o.value === gender || o.synonyms?.includes(gender))?.value;
    if (g && g !== parts.gender) {
      out.push(
        emit(['idNumber', 'gender'], {
          zh: `性别“${g}”与身份证号码第 17 位所示性别“${parts.gender}”不一致`,
          en: `The gender "${g}" differs from the one encoded in digit 17 of the ID number (${parts.gender === '男' ? 'male' : 'female'})`,
        }),
      );
    }
    return out;
  },
});
