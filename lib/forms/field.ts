import type { Bilingual, FieldDef, FieldOption, FieldType } from './types';
import { z } from './zod';
import { isIsoDate } from '../normalize/date';

/** Mainland mobile, or a landline with its area code and an optional extension (docs/domain.md). */
export const PHONE_RE = /^(?:(?:\+?86)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;
/** A practical e-mail shape: local@domain.tld, no spaces. */
export const EMAIL_RE = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/**
 * Plain predicates that accept exactly what a derived schema accepts, keyed by the schema object. The zod schema
 * stays the definition (packs may give their own, and forms.test.ts checks each predicate against its schema on
 * sample values); the predicate only spares the rule engine zod's per-call machinery on thousands of values.
 */
const predicates = new WeakMap<z.ZodType<string>, (value: string) => boolean>();

function withPredicate(schema: z.ZodType<string>, test: (value: string) => boolean): z.ZodType<string> {
  predicates.set(schema, test);
  return schema;
}

/** Whether `value` passes `schema`: its derived predicate when `schemaFor` made it, else `safeParse`. */
export function schemaAccepts(schema: z.ZodType<string>, value: string): boolean {
  const test = predicates.get(schema);
  return test ? test(value) : schema.safeParse(value).success;
}

/** Whether `schema` has a derived predicate (made by `schemaFor`); for the equivalence test. */
export function hasDerivedPredicate(schema: z.ZodType<string>): boolean {
  return predicates.has(schema);
}

/** A string schema for a pack field that must match `re` (with its predicate, like the derived schemas). */
export function pattern(re: RegExp): z.ZodType<string> {
  // A global or sticky regex keeps state between calls: leave such a schema to zod alone.
  if (re.global || re.sticky) return z.string().regex(re);
  return withPredicate(z.string().regex(re), (v) => re.test(v));
}

/** zod's `max()` on a string: code points, not UTF-16 units (a string within the limit in units is within it anyway). */
function withinMax(v: string, max: number): boolean {
  if (v.length <= max) return true;
  let n = 0;
  for (const _ of v) if (++n > max) return false;
  return true;
}

const INTEGER_RE = /^\d{1,7}$/;
const ID_NUMBER_RE = /^[0-9A-Za-z()\-]{5,30}$/;
const CODE_RE = /^[0-9A-Za-z]{1,40}$/;

/** The schema a field gets from its type when the pack does not give one. */
export function schemaFor(type: FieldType, opts: { options?: FieldOption[]; maxLength?: number }): z.ZodType<string> {
  const max = opts.maxLength ?? (type === 'textarea' ? 2000 : 200);
  switch (type) {
    case 'select': {
      const values = (opts.options ?? []).map((o) => o.value);
      return withPredicate(
        z.string().refine((v) => values.includes(v), { message: `one of: ${values.join(', ')}` }),
        (v) => values.includes(v),
      );
    }
    case 'integer':
      return pattern(INTEGER_RE);
    case 'date':
      return withPredicate(z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' }), isIsoDate);
    case 'phone':
      return pattern(PHONE_RE);
    case 'email':
      return withPredicate(z.string().max(254).regex(EMAIL_RE), (v) => withinMax(v, 254) && EMAIL_RE.test(v));
    case 'idNumber':
      // Any document number; the resident-ID rule checks 居民身份证 numbers in detail.
      return pattern(ID_NUMBER_RE);
    case 'code':
      return pattern(CODE_RE);
    default:
      return withPredicate(z.string().max(max), (v) => withinMax(v, max));
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
