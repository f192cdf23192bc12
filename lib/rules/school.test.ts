import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { runRule, validRecommendation, withRow } from './testing';

const rec = forms.recommendation;

describe("'school.min-count'", () => {
  it('passes 5 schools', async () => {
    expect(await runRule('school.min-count', rec, validRecommendation())).toEqual([]);
  });

  it.each([0, 1, 4])('fails %i schools, naming the group', async (n) => {
    const d = validRecommendation();
    d.groups.schools = d.groups.schools!.slice(0, n);
    const [f, ...rest] = await runRule('school.min-count', rec, d);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', fields: ['schools'], clause: '教师厅函〔2024〕16号 §2' });
    expect(f!.message.zh).toContain(`目前填写了 ${n} 所`);
  });

  it('does not count blank rows', async () => {
    const d = validRecommendation();
    d.groups.schools = [...d.groups.schools!.slice(0, 4), { schoolName: ' ', city: '' }, {}];
    expect(await runRule('school.min-count', rec, d)).toHaveLength(1);
  });

  it.each([
    [0, 5, '在空白的学校栏中填写 5 所学校'],
    [2, 3, '在空白的学校栏中填写 3 所学校'],
    [2, 1, '在空白的学校栏中填写 1 所学校，再添加 2 所'],
    [3, 0, '再添加 2 所学校'],
    [0, 7, '在空白的学校栏中填写 5 所学校'],
  ])('with %i schools and %i blank blocks on screen, says to fill the blanks before adding', async (filled, blanks, fix) => {
    const d = validRecommendation();
    d.groups.schools = [...d.groups.schools!.slice(0, filled), ...Array.from({ length: blanks }, () => ({}))];
    const [f] = await runRule('school.min-count', rec, d);
    expect(f!.fix?.zh).toBe(fix);
  });

  it('counts a partly filled row as a school', async () => {
    const d = validRecommendation();
    d.groups.schools = [...d.groups.schools!.slice(0, 4), { schoolName: '衡水中学' }];
    expect(await runRule('school.min-count', rec, d)).toEqual([]);
  });
});

describe("'school.stage'", () => {
  it('passes primary and secondary schools, including university-affiliated ones', async () => {
    let d = validRecommendation();
    d = withRow(d, 0, { schoolName: '河北师范大学附属中学', schoolStage: '完全中学' });
    d = withRow(d, 1, { schoolName: '石家庄市第二十八中学（本部）', schoolStage: '初中' });
    d = withRow(d, 2, { schoolName: '河北大学附属小学', schoolStage: '小学' });
    expect(await runRule('school.stage', rec, d)).toEqual([]);
  });

  it.each([
    ['河北师范大学', '高等学校'],
    ['石家庄学院', '高等学校'],
    ['石家庄职业技术学院（东校区）', '高等学校'],
    ['石家庄市第一幼儿园', '幼儿园'],
    ['河北大学（本部）', '高等学校'],
  ])('fails %s as %s', async (name, what) => {
    const [f, ...rest] = await runRule('school.stage', rec, withRow(validRecommendation(), 3, { schoolName: name }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', fields: ['schools[3].schoolName'] });
    expect(f!.message.zh).toMatch(what === '高等学校' ? /高校/ : new RegExp(what));
  });

  it.each([
    ['石家庄外国语学院', '高中'],
    ['河北博雅国际学院', '完全中学'],
  ])('passes %s, a secondary school named …学院 whose 学段 says so', async (name, stage) => {
    expect(await runRule('school.stage', rec, withRow(validRecommendation(), 3, { schoolName: name, schoolStage: stage }))).toEqual([]);
  });

  it.each([
    '石家庄市职业技术学校',
    '唐山市第一职业中专',
    '保定市特殊教育学校',
    '邯郸市聋人学校',
    '沧州市盲人学校',
    '石家庄市培智学校',
    '河北省冶金技师学院',
  ])('warns that %s is not a 中小学 of §2', async (name) => {
    const [f, ...rest] = await runRule('school.stage', rec, withRow(validRecommendation(), 3, { schoolName: name }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', fields: ['schools[3].schoolName'] });
  });

  it.each([
    ['石家庄市第四十中学', '小学'],
    ['正定县实验小学', '高中'],
    ['唐山市第十二初级中学', '高中'],
    ['唐山市第一高级中学', '初中'],
  ])('warns when the name %s does not fit the stage %s', async (name, stage) => {
    const [f] = await runRule('school.stage', rec, withRow(validRecommendation(), 0, { schoolName: name, schoolStage: stage }));
    expect(f).toMatchObject({ severity: 'warning', fields: ['schools[0].schoolName', 'schools[0].schoolStage'] });
  });

  it('has nothing to say about a name with no stage word', async () => {
    expect(
      await runRule('school.stage', rec, withRow(validRecommendation(), 0, { schoolName: '石家庄外国语学校', schoolStage: '小学' })),
    ).toEqual([]);
  });
});

describe("'school.duplicate'", () => {
  it('passes distinct schools', async () => {
    expect(await runRule('school.duplicate', rec, validRecommendation())).toEqual([]);
  });

  it('fails the same credit code in two rows, naming both', async () => {
    const d = validRecommendation();
    const code = d.groups.schools![1]!.creditCode!;
    const found = await runRule('school.duplicate', rec, withRow(d, 4, { creditCode: code.toLowerCase() }));
    expect(found).toHaveLength(1);
    expect(found[0]!.fields).toEqual(['schools[1].creditCode', 'schools[4].creditCode']);
  });

  it('fails the same name written differently (width, spaces, brackets)', async () => {
    let d = withRow(validRecommendation(), 0, { schoolName: '河北正定中学（本部）' });
    d = withRow(d, 3, { schoolName: ' 河北正定中学 (本部) ' });
    expect((await runRule('school.duplicate', rec, d)).map((f) => f.fields)).toEqual([['schools[0].schoolName', 'schools[3].schoolName']]);
  });

  it('reports a school listed three times twice, each against the first', async () => {
    let d = validRecommendation();
    d = withRow(d, 2, { schoolName: '河北正定中学' });
    d = withRow(d, 4, { schoolName: '河北正定中学' });
    expect((await runRule('school.duplicate', rec, d)).map((f) => f.fields)).toEqual([
      ['schools[0].schoolName', 'schools[2].schoolName'],
      ['schools[0].schoolName', 'schools[4].schoolName'],
    ]);
  });

  it('does not match empty codes or names', async () => {
    let d = withRow(validRecommendation(), 1, { creditCode: '' });
    d = withRow(d, 2, { creditCode: '' });
    expect(await runRule('school.duplicate', rec, d)).toEqual([]);
  });
});
