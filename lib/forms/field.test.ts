import { describe, expect, it } from 'vitest';
import { allFields, formIds, forms } from './index';
import { hasDerivedPredicate, pattern, schemaAccepts, schemaFor } from './field';
import type { FieldDef } from './types';
import { z } from './zod';

/** Values meant to sit on both sides of every field format: options, dates, phones, e-mails, codes, lengths, odd text. */
function samples(f: FieldDef): string[] {
  const options = (f.options ?? []).flatMap((o) => [o.value, o.label.zh, o.label.en, ...(o.synonyms ?? [])]);
  return [
    '',
    ' ',
    'a',
    '是',
    '否',
    '不存在的选项',
    ...options,
    ...options.map((o) => ` ${o}`),
    '2024-06-30',
    '2024-02-29',
    '2023-02-29',
    '1900-02-29',
    '2000-02-29',
    '2024-13-01',
    '2024-6-30',
    '0999-01-01',
    '20240630',
    '0',
    '7',
    '1234567',
    '12345678',
    '-1',
    '1.5',
    '１２',
    '13812345678',
    '+8613812345678',
    '8613812345678',
    '12812345678',
    '010-12345678',
    '0755-1234567-123',
    '010 12345678',
    'a@b.cn',
    'user.name+tag@mail.example.com',
    'a@b',
    '@b.cn',
    'a b@c.cn',
    `${'x'.repeat(250)}@b.cn`,
    '11010519491231002X',
    '110105194912310021',
    'AB(12)-3',
    'E12345678',
    '1234',
    'x'.repeat(30),
    'x'.repeat(31),
    '10001',
    '1000',
    '100011',
    '１0001',
    '1234567890123456',
    '123456789012345678',
    '91110108MA01ABCDE1',
    '91110108MA01ABCDEI',
    'x'.repeat(40),
    'x'.repeat(41),
    'x'.repeat(200),
    'x'.repeat(201),
    '字'.repeat(200),
    '字'.repeat(201),
    'x'.repeat(2000),
    'x'.repeat(2001),
    '𠀀'.repeat(100),
    '𠀀'.repeat(101),
    'a\nb',
    'A_b-1',
  ];
}

describe.each(formIds.map((id) => [id, forms[id]] as const))('field predicates of %s', (_id, form) => {
  it.each(allFields(form).map((e) => [e.group ? `${e.group.key}.${e.field.key}` : e.field.key, e.field] as const))(
    '%s: the predicate accepts exactly what the zod schema accepts',
    (_path, f) => {
      expect(hasDerivedPredicate(f.schema)).toBe(true);
      for (const v of samples(f)) expect([v, schemaAccepts(f.schema, v)]).toEqual([v, f.schema.safeParse(v).success]);
    },
  );
});

describe('schemaAccepts', () => {
  it('falls back to zod for a schema made elsewhere', () => {
    const s = z.string().regex(/^\d{3}$/);
    expect(hasDerivedPredicate(s)).toBe(false);
    expect(schemaAccepts(s, '123')).toBe(true);
    expect(schemaAccepts(s, '12')).toBe(false);
  });

  it.each(['select', 'integer', 'date', 'phone', 'email', 'idNumber', 'code', 'text', 'textarea'] as const)(
    'schemaFor(%s) agrees with its zod schema',
    (type) => {
      const f = { type, options: [{ value: '甲', label: { zh: '甲', en: 'A' } }], maxLength: 5 };
      const s = schemaFor(type, f);
      for (const v of samples(f as unknown as FieldDef)) expect([v, schemaAccepts(s, v)]).toEqual([v, s.safeParse(v).success]);
    },
  );

  it('pattern() agrees with z.string().regex()', () => {
    const re = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
    for (const v of ['91110108MA01ABCDE1', '91110108MA01ABCDEI', '', 'x'])
      expect(schemaAccepts(pattern(re), v)).toBe(z.string().regex(re).safeParse(v).success);
  });
});
