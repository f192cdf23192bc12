import { describe, expect, it } from 'vitest';
import { allFields, emptyData, fieldAt, fieldPath, formIds, forms, getForm, isBlankRow, parseFieldPath, valueAt, withValue } from './index';
import { rules } from '../rules';

describe.each(formIds.map((id) => [id, forms[id]] as const))('form pack %s', (id, form) => {
  it('has the id it is registered under', () => {
    expect(form.id).toBe(id);
    expect(getForm(id)).toBe(form);
  });

  it('has unique field keys (top level, and within each group)', () => {
    const top = form.fields.map((f) => f.key);
    expect(new Set(top).size).toBe(top.length);
    for (const g of form.groups) {
      const keys = g.fields.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(top).not.toContain(g.key);
    }
  });

  it.each(allFields(form).map((e) => [e.group ? `${e.group.key}.${e.field.key}` : e.field.key, e.field] as const))(
    '%s has labels, synonyms, codes and consistent options',
    (_path, f) => {
      expect(f.label.zh).toMatch(/\p{Script=Han}/u);
      expect(f.label.en).toMatch(/[A-Za-z]/);
      expect(f.synonyms.length).toBeGreaterThan(0);
      expect(f.codes.length).toBeGreaterThan(0);
      for (const c of f.codes) expect(c).toMatch(/^[A-Z]+$/);
      expect(f.key).toMatch(/^[a-z][A-Za-z]*$/);
      if (f.type === 'select') {
        expect(f.options?.length).toBeGreaterThan(1);
        for (const o of f.options!) expect(f.schema.safeParse(o.value).success).toBe(true);
        expect(f.schema.safeParse('不存在的选项').success).toBe(false);
      }
      if (f.checkedBy) expect(Object.keys(rules)).toContain(f.checkedBy);
    },
  );

  it('lists only registered rules', () => {
    for (const r of form.rules) expect(Object.keys(rules)).toContain(r);
  });

  it('lays out only existing header fields', () => {
    for (const k of form.layout?.headerFields ?? []) expect(fieldAt(form, k)).toBeDefined();
  });
});

describe('field schemas', () => {
  const rec = forms.recommendation;
  const deg = forms.degreeRecord;
  it.each([
    ['recommendation', 'contactPhone', '13912345678', true],
    ['recommendation', 'contactPhone', '010-62751234', true],
    ['recommendation', 'contactPhone', '12345', false],
    ['recommendation', 'contactEmail', 'office@jyt.hebei.gov.cn', true],
    ['recommendation', 'contactEmail', 'office@', false],
    ['recommendation', 'fillDate', '2024-08-01', true],
    ['recommendation', 'fillDate', '2024-02-30', false],
    ['recommendation', 'fillDate', '2024/8/1', false],
    ['recommendation', 'province', '河北省', true],
    ['recommendation', 'province', '河北', false],
    ['degreeRecord', 'mainDegreeCertNo', '1000332024000123', true],
    ['degreeRecord', 'mainDegreeCertNo', '100033202400012', false],
    ['degreeRecord', 'graduationCertNo', '100031202402000123', true],
    ['degreeRecord', 'homeUniversityCode', '10003', true],
    ['degreeRecord', 'homeUniversityCode', '1000A', false],
    ['degreeRecord', 'mainDegreeCategory', '文学', true],
    ['degreeRecord', 'name', 'x'.repeat(51), false],
  ] as const)('%s.%s %j → %s', (formId, key, value, ok) => {
    const f = fieldAt(formId === 'recommendation' ? rec : deg, key)!;
    expect(f.schema.safeParse(value).success).toBe(ok);
  });

  it.each([
    ['schoolStage', '九年一贯制', true],
    ['schoolNature', '公办', true],
    ['schoolNature', '公立', false],
    ['creditCode', '12110000400000000I', false],
    ['creditCode', '1211000040000000', false],
    ['creditCode', '121100004000000009', true],
    ['scienceTeachers', '25', true],
    ['scienceTeachers', '-1', false],
    ['reason', '好'.repeat(500), true],
    ['reason', '好'.repeat(501), false],
  ] as const)('schools[].%s %j → %s', (key, value, ok) => {
    const f = fieldAt(rec, `schools[0].${key}`)!;
    expect(f.schema.safeParse(value).success).toBe(ok);
  });
});

describe('emptyData and field paths', () => {
  it('gives the recommendation form 5 blank school rows and every header field', () => {
    const d = emptyData(forms.recommendation);
    expect(d.groups.schools).toHaveLength(5);
    expect(d.groups.schools!.every(isBlankRow)).toBe(true);
    expect(Object.keys(d.fields)).toEqual(forms.recommendation.fields.map((f) => f.key));
    expect(Object.keys(d.groups.schools![0]!)).toContain('creditCode');
  });

  it('gives the degree record no groups', () => {
    expect(emptyData(forms.degreeRecord).groups).toEqual({});
  });

  it.each([
    ['schools[2].creditCode', { group: 'schools', row: 2, key: 'creditCode' }],
    ['contactPhone', { key: 'contactPhone' }],
  ] as const)('%s round-trips', (path, ref) => {
    expect(parseFieldPath(path)).toEqual(ref);
    expect(fieldPath(ref)).toBe(path);
  });

  it.each(['schools[x].a', 'a.b', '', '[1].a'])('refuses %j', (p) => expect(parseFieldPath(p)).toBeUndefined());

  it('reads and writes values by path, growing groups as needed', () => {
    const form = forms.recommendation;
    let d = emptyData(form);
    d = withValue(form, d, 'schools[6].schoolName', '石家庄市第一中学');
    d = withValue(form, d, 'filler', '张三');
    expect(d.groups.schools).toHaveLength(7);
    expect(valueAt(d, 'schools[6].schoolName')).toBe('石家庄市第一中学');
    expect(valueAt(d, { group: 'schools', row: 6, key: 'city' })).toBe('');
    expect(valueAt(d, 'filler')).toBe('张三');
    expect(valueAt(d, 'schools[9].schoolName')).toBe('');
  });
});

describe('zod configuration', () => {
  it('runs jitless, so schemas work under the extension pages’ CSP (no eval)', async () => {
    const { z } = await import('./zod');
    expect(z.config().jitless).toBe(true);
  });
});
