import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { runRule, validDegreeRecord, validRecommendation, withFields, withRow } from './testing';

const rec = forms.recommendation;
const deg = forms.degreeRecord;

describe("'field.required'", () => {
  it('passes a complete form', async () => {
    expect(await runRule('field.required', rec, validRecommendation())).toEqual([]);
  });

  it('names each empty required header field and row column', async () => {
    let d = withFields(validRecommendation(), { filler: '  ' });
    d = withRow(d, 2, { principal: '', remarks: '' });
    const found = await runRule('field.required', rec, d);
    expect(found.map((f) => f.fields)).toEqual([['filler'], ['schools[2].principal']]);
    expect(found[1]!.message.zh).toBe('第 3 行学校的「校长姓名」未填写');
    expect(found[1]!.message.en).toBe('school 3: "Principal" is empty');
    expect(found.every((f) => f.clause.length > 0)).toBe(true);
  });

  it('does not ask for optional fields or judge blank rows', async () => {
    const d = validRecommendation();
    d.groups.schools!.push({ schoolName: '' });
    expect(await runRule('field.required', rec, withRow(d, 0, { remarks: '' }))).toEqual([]);
  });

  it('treats an absent key like an empty value', async () => {
    const d = validDegreeRecord();
    delete d.fields.name;
    expect((await runRule('field.required', deg, d)).map((f) => f.fields[0])).toEqual(['name']);
  });
});

describe("'field.required' conditions", () => {
  it('asks for the 教育硕士 details when one is claimed, naming the field that requires them', async () => {
    const d = withFields(validDegreeRecord(), { eduMasterCertNo: '', eduMasterUnit: ' ' });
    const found = await runRule('field.required', deg, d);
    expect(found.map((f) => f.fields)).toEqual([
      ['eduMasterCertNo', 'eduMasterAwarded'],
      ['eduMasterUnit', 'eduMasterAwarded'],
    ]);
    expect(found[0]!.message.zh).toBe('「是否同时获得教育硕士」为“是”时，「教育硕士学位证书编号」必须填写');
  });

  it('reads yes/no spellings of the condition', async () => {
    expect(
      await runRule('field.required', deg, withFields(validDegreeRecord(), { eduMasterAwarded: 'Y', eduMasterDate: '' })),
    ).toHaveLength(1);
  });

  it('does not ask for them otherwise', async () => {
    const d = withFields(validDegreeRecord(), { eduMasterAwarded: '否', eduMasterDate: '', eduMasterCertNo: '', eduMasterUnit: '' });
    expect(await runRule('field.required', deg, d)).toEqual([]);
    expect(await runRule('field.required', deg, withFields(d, { eduMasterAwarded: '' }))).toEqual([]);
  });
});

describe("'field.format'", () => {
  it('passes valid values', async () => {
    expect(await runRule('field.format', rec, validRecommendation())).toEqual([]);
    expect(await runRule('field.format', deg, validDegreeRecord())).toEqual([]);
  });

  it.each([
    ['schools[0].schoolStage', { schoolStage: '大学' }, '“大学”不是可选项'],
    ['schools[0].scienceTeachers', { scienceTeachers: '三十' }, '应为非负整数'],
    ['schools[0].reason', { reason: '好'.repeat(501) }, '超过 500 字（现为 501 字）'],
  ])('reports %s', async (path, values, text) => {
    const found = await runRule('field.format', rec, withRow(validRecommendation(), 0, values));
    expect(found).toHaveLength(1);
    expect(found[0]!.fields).toEqual([path]);
    expect(found[0]!.message.zh).toContain(text);
  });

  it('reports an impossible date and an unknown option in the header', async () => {
    const found = await runRule('field.format', rec, withFields(validRecommendation(), { fillDate: '2024-02-30', province: '火星' }));
    expect(found.map((f) => f.fields[0])).toEqual(['province', 'fillDate']);
    expect(found[1]!.message.en).toContain('not a valid date');
  });

  it('leaves a field to its dedicated rule when the form applies it', async () => {
    const d = withRow(withFields(validRecommendation(), { contactPhone: '12' }), 0, { creditCode: 'XYZ' });
    expect(await runRule('field.format', rec, d)).toEqual([]);
    // …but checks it itself when the dedicated rule is not applied.
    const bare = { ...rec, rules: rec.rules.filter((r) => r !== 'contact.phone') };
    expect((await runRule('field.format', bare, d)).map((f) => f.fields[0])).toEqual(['contactPhone']);
  });

  it('does not judge empty values (that is field.required)', async () => {
    expect(await runRule('field.format', deg, withFields(validDegreeRecord(), { eduMasterDate: '', teacherCertStage: '' }))).toEqual([]);
  });
});
