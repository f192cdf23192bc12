import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { canonicalPhone } from './contact';
import { runRule, validRecommendation, withFields, withRow } from './testing';

const rec = forms.recommendation;

describe("'contact.phone'", () => {
  it.each([
    '13912345678',
    '010-62751234',
    '0311-6600567',
    '01062751234',
    '010-62751234-8021',
    '(010)6275 1234',
    '+86 139 1234 5678',
    '０３１１－６６００５６７８',
  ])('passes %s', async (phone) => {
    expect(await runRule('contact.phone', rec, withFields(validRecommendation(), { contactPhone: phone }))).toEqual([]);
  });

  it.each([
    ['1391234567', '手机号应为 11 位'],
    ['12912345678', '不是有效的手机号或固定电话'],
    ['62751234', '缺少区号'],
    ['电话待定', '不是有效'],
  ])('fails %s in the header (%s)', async (phone, text) => {
    const [f, ...rest] = await runRule('contact.phone', rec, withFields(validRecommendation(), { contactPhone: phone }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', fields: ['contactPhone'] });
    expect(f!.message.zh).toContain(text);
  });

  it('checks every school row too', async () => {
    const found = await runRule(
      'contact.phone',
      rec,
      withRow(withRow(validRecommendation(), 0, { contactPhone: '123' }), 4, { contactPhone: '0311' }),
    );
    expect(found.map((f) => f.fields[0])).toEqual(['schools[0].contactPhone', 'schools[4].contactPhone']);
  });

  it('leaves empty numbers to field.required', async () => {
    expect(await runRule('contact.phone', rec, withFields(validRecommendation(), { contactPhone: '' }))).toEqual([]);
  });

  it('canonicalises common spellings', () => {
    expect(canonicalPhone('（０１０）6275 1234')).toBe('010-62751234');
    expect(canonicalPhone('+86-13912345678')).toBe('13912345678');
  });
});

describe("'contact.email'", () => {
  it.each(['a@b.cn', 'jsc.office@hee.gov.cn', 'first+tag@mail.school.edu.cn'])('passes %s', async (email) => {
    expect(await runRule('contact.email', rec, withFields(validRecommendation(), { contactEmail: email }))).toEqual([]);
  });

  it.each([
    ['jsc＠hee.gov.cn', '全角'],
    ['jsc hee@gov.cn', '空格'],
    ['jsc.hee.gov.cn', '缺少 @'],
    ['jsc@hee', '格式不正确'],
    ['@hee.gov.cn', '格式不正确'],
  ])('fails %s (%s)', async (email, text) => {
    const [f] = await runRule('contact.email', rec, withFields(validRecommendation(), { contactEmail: email }));
    expect(f).toMatchObject({ severity: 'error', fields: ['contactEmail'] });
    expect(f!.message.zh).toContain(text);
  });

  it('checks school rows, where the e-mail is optional', async () => {
    let d = withRow(validRecommendation(), 2, { contactEmail: 'x@' });
    d = withRow(d, 3, { contactEmail: '' });
    expect((await runRule('contact.email', rec, d)).map((f) => f.fields[0])).toEqual(['schools[2].contactEmail']);
  });
});
