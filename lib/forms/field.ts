import type { Bilingual, FieldDef, FieldOption, FieldType } from './types';
import { z } from './zod';
import { isIsoDate } from '../normalize/date';

/** Mainland mobile, or a landline with its area code and an optional extension (domain.md). */
export const PHONE_RE = /^(?:(?:\+?86)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;
/** A practical e-mail shape: local@domain.tld, no spaces. */
export const EMAIL_RE = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** The schema a field gets from its type when the pack does not give one. */
export function schemaFor(type: FieldType, opts: { options?: FieldOption[]; maxLength?: number }): z.ZodType<string> {
  const max = opts.maxLength ?? (type === 'textarea' ? 2000 : 200);
  switch (type) {
    case 'select': {
      const values = (opts.options ?? []).map((o) => o.value);
      return z.string().refine((v) => values.includes(v), { message: `one of: ${values.join(', ')}` });
    }
    case 'integer':
      return z.string().regex(/^\d{1,7}$/);
    case 'date':
      return z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' });
    case 'phone':
      return z.string().regex(PHONE_RE);
    case 'email':
      return z.string().max(254).regex(EMAIL_RE);
    case 'idNumber':
      // Any document number; the resident-ID rule checks 居民身份证 numbers in detail.
      return z.string().regex(/^[0-9A-Za-z()\-]{5,30}$/);
    case 'code':
      return z.string().regex(/^[0-9A-Za-z]{1,40}$/);
    default:
      return z.string().max(max);
  }
}

export type FieldSpec = Omit<FieldDef, 'schema' | 'required'> & { schema?: z.ZodType<string>; required?: boolean };

/** A field with its schema derived from type, options and maxLength unless given; `required` defaults to false. */
export function field(spec: FieldSpec): FieldDef {
  return { ...spec, required: spec.required ?? false, schema: spec.schema ?? schemaFor(spec.type, spec) };
}

export const bi = (zh: string, en: string): Bilingual => ({ zh, en });

/** An option whose stored value is its Chinese label. */
export function opt(zh: string, en: string, synonyms: string[] = []): FieldOption {
  return { value: zh, label: { zh, en }, synonyms };
}

/** 是 / 否 options with the spellings met in systems and spreadsheets. */
export const yesNoOptions: FieldOption[] = [
  opt('是', 'Yes', ['Y', 'yes', 'true', '1', '√', '有']),
  opt('否', 'No', ['N', 'no', 'false', '0', '×', '无']),
];
