/** Phone numbers and e-mail addresses (family `contact.*`), in the header and in every school row. */
import { allFields, fieldPath } from '../forms/index';
import { EMAIL_RE, PHONE_RE } from '../forms/field';
import type { FieldType } from '../forms/types';
import { toHalfWidth } from '../normalize/text';
import { defineRule, type Finding, type RuleContext } from './types';
import { describe, rows } from './helpers';

/** (path, value) of every non-empty field of a type, top level and in non-blank group rows. */
function valuesOfType(ctx: RuleContext, type: FieldType): Array<{ path: string; value: string }> {
  const out: Array<{ path: string; value: string }> = [];
  for (const { field, group } of allFields(ctx.form)) {
    if (field.type !== type) continue;
    if (!group) {
      const v = (ctx.data.fields[field.key] ?? '').trim();
      if (v) out.push({ path: field.key, value: v });
      continue;
    }
    for (const r of rows(ctx, group.key)) {
      const v = (ctx.data.groups[group.key]?.[r.index]?.[field.key] ?? '').trim();
      if (v) out.push({ path: fieldPath({ group: group.key, row: r.index, key: field.key }), value: v });
    }
  }
  return out;
}

/**
 * A phone number as it is usually written, reduced to the canonical shape the pattern checks: spaces and dots gone,
 * `(010)6275 1234` → `010-62751234`, `+86 139…` → `139…`.
 */
export function canonicalPhone(value: string): string {
  let v = toHalfWidth(value)
    .replace(/[\s.]+/g, '')
    .replace(/[—–－]/g, '-');
  v = v.replace(/^\((0\d{2,3})\)-?/, '$1-');
  v = v.replace(/^(?:\+|00)?86-?(1\d{10})$/, '$1');
  return v;
}

export function isPhone(value: string): boolean {
  return PHONE_RE.test(canonicalPhone(value));
}

export const contactPhone = defineRule('contact.phone', {
  severity: 'error',
  clause: '电信网编号计划（2017年版）',
  description: { zh: '联系电话须为手机号或带区号的固定电话', en: 'Phone numbers must be a mobile number or a landline with area code' },
  check(ctx, emit) {
    const out: Finding[] = [];
    for (const { path, value } of valuesOfType(ctx, 'phone')) {
      if (isPhone(value)) continue;
      const d = describe(ctx.form, path);
      const digits = value.replace(/\D/g, '');
      const hint = /^[2-9]\d{6,7}$/.test(digits)
        ? { zh: '固定电话缺少区号', en: 'the landline has no area code' }
        : /^1\d*$/.test(digits) && digits.length !== 11
          ? { zh: `手机号应为 11 位（现为 ${digits.length} 位）`, en: `mobile numbers have 11 digits (this has ${digits.length})` }
          : { zh: '不是有效的手机号或固定电话', en: 'not a valid mobile or landline number' };
      out.push(
        emit(
          [path],
          { zh: `${d.zh}“${value}”：${hint.zh}`, en: `${d.en} "${value}": ${hint.en}` },
          {
            fix: {
              zh: '手机号如 13912345678；固定电话如 010-62751234（可加分机 -123）',
              en: 'Mobile e.g. 13912345678; landline e.g. 010-62751234 (extension -123 allowed)',
            },
          },
        ),
      );
    }
    return out;
  },
});

export const contactEmail = defineRule('contact.email', {
  severity: 'error',
  clause: '电子邮件地址格式（RFC 5322）',
  description: { zh: '电子邮箱格式须正确', en: 'E-mail addresses must be well-formed' },
  check(ctx, emit) {
    const out: Finding[] = [];
    for (const { path, value } of valuesOfType(ctx, 'email')) {
      if (EMAIL_RE.test(value)) continue;
      const d = describe(ctx.form, path);
      const hint = /[＠。，　\s]/.test(value)
        ? { zh: '含有全角符号或空格（请使用半角 @ 和 .）', en: 'contains full-width symbols or spaces (use ASCII @ and .)' }
        : !value.includes('@')
          ? { zh: '缺少 @', en: 'has no @' }
          : { zh: '格式不正确', en: 'is not a valid address' };
      out.push(
        emit(
          [path],
          { zh: `${d.zh}“${value}”${hint.zh}`, en: `${d.en} "${value}" ${hint.en}` },
          { fix: { zh: '如 office@school.edu.cn，全部半角、无空格', en: 'e.g. office@school.edu.cn, ASCII only, no spaces' } },
        ),
      );
    }
    return out;
  },
});
