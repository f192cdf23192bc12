/** Issue 14: the rules read exactly as the notice does — each point with its named cases and cases like them. */
import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { validate } from './index';
import { residentIdNumber, runRule, testRefs, validDegreeRecord, validRecommendation, withFields, withRow } from './testing';

const deg = forms.degreeRecord;
const rec = forms.recommendation;
const run = (id: Parameters<typeof runRule>[0], fields: Record<string, string>) =>
  runRule(id, deg, withFields(validDegreeRecord(), fields));

describe("'degree.admission-mode' (§1 通过推免等接收)", () => {
  it.each(['推免', '二次遴选', '推荐免试', '其他'])('passes %s', async (v) =>
    expect(await run('degree.admission-mode', { admissionMode: v })).toEqual([]),
  );
  it.each(['硕博连读', '统考', '直博'])('warns, never errs, for %s', async (v) => {
    const [f, ...rest] = await run('degree.admission-mode', { admissionMode: v });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', fields: ['admissionMode'] });
  });
  it('is not a format error', async () => {
    const refs = await testRefs();
    const found = validate(deg, withFields(validDegreeRecord(), { admissionMode: '硕博连读' }), refs, new Date('2024-08-01'));
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([['degree.admission-mode', 'warning']]);
  });
});

describe('Hong Kong universities (§1 2所香港地区高校)', () => {
  const hk = { homeUniversity: '香港中文大学', homeUniversityCode: '', mainDegreeUnit: '香港中文大学', mainDegreeUnitCode: '' };
  it.each([
    ['cert.degree-number', { mainDegreeCertNo: 'CUHK-2025-00123' }],
    ['cert.graduation-number', { graduationCertNo: '20250012345' }],
    ['cert.degree-number', { mainDegreeCertNo: 'M2025/0456' }],
  ] as const)('%s checks only the shape of %j', async (id, v) => {
    expect(await run(id, { ...hk, ...v })).toEqual([]);
  });
  it('still refuses something that is not a number at all, saying why', async () => {
    const [f] = await run('cert.graduation-number', { ...hk, graduationCertNo: '无' });
    expect(f!.message.zh).toContain('香港高校证书不按内地编号规则');
  });
  it('keeps mainland checks for a mainland university', async () => {
    expect(await run('cert.degree-number', { mainDegreeCertNo: 'CUHK-2025-00123' })).toHaveLength(1);
  });
});

describe("'school.duplicate' (§2)", () => {
  it.each([
    [{ creditCode: '' }, { creditCode: '', county: '桥西区' }],
    [{}, {}],
  ])('warns for two 城关小学 with different codes or counties', async (a, b) => {
    let d = withRow(validRecommendation(), 0, { schoolName: '城关小学', schoolStage: '小学', ...a });
    d = withRow(d, 1, { schoolName: '城关小学', schoolStage: '小学', ...b });
    const [f, ...rest] = await runRule('school.duplicate', rec, d);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning' });
  });
  it('keeps the same name in the same place with no code an error', async () => {
    const row = { schoolName: '城关小学', creditCode: '', county: '长安区', city: '石家庄市' };
    const d = withRow(withRow(validRecommendation(), 0, row), 1, row);
    expect((await runRule('school.duplicate', rec, d))[0]).toMatchObject({ severity: 'error' });
  });
});

describe("'id.resident-id' with 证件类型 spelled as people do", () => {
  it.each(['居民身份证号码', '身份证', '二代身份证', '大陆居民身份证', '居民身份证'])(
    'still checks the number under %s',
    async (idType) => {
      const bad = residentIdNumber('11010820000512002').slice(0, 17) + '0';
      const found = await run('id.resident-id', {
        idType,
        idNumber: bad === validDegreeRecord().fields.idNumber ? bad.slice(0, 17) + '1' : bad,
      });
      expect(found.map((f) => f.ruleId)).toEqual(['id.resident-id']);
    },
  );
  it('reads a known other spelling as the option, with a warning to use the standard term', async () => {
    const [f] = await run('field.format', { idType: '身份证' });
    expect(f).toMatchObject({ severity: 'warning', fields: ['idType'] });
  });
});

describe('certificate level strictness (same for both certificates)', () => {
  it('warns for an unknown degree level digit, errs for a contradiction', async () => {
    const [unknown] = await run('cert.degree-number', { mainDegreeCertNo: '1000392025000123' });
    expect(unknown).toMatchObject({ severity: 'warning' });
    const [wrong] = await run('cert.degree-number', { mainDegreeCertNo: '1000322025000123' });
    expect(wrong).toMatchObject({ severity: 'error', fields: ['mainDegreeCertNo', 'mainDegreeLevel'] });
  });
  it('warns for an unknown graduation level code, errs for a contradiction', async () => {
    const [unknown] = await run('cert.graduation-number', { graduationCertNo: '100031202509000123' });
    expect(unknown).toMatchObject({ severity: 'warning' });
    const [wrong] = await run('cert.graduation-number', { graduationCertNo: '100031202501000123' });
    expect(wrong).toMatchObject({ severity: 'error' });
  });
});

describe("'degree.teacher-stage' (§6 中小学教师资格)", () => {
  it.each(['小学', '初级中学', '高级中学', ''])('passes %j', async (v) =>
    expect(await run('degree.teacher-stage', { teacherCertStage: v })).toEqual([]),
  );
  it.each(['幼儿园', '中等职业学校', '中职'])('warns for %s', async (v) => {
    expect((await run('degree.teacher-stage', { teacherCertStage: v }))[0]).toMatchObject({ severity: 'warning' });
  });
});

describe("'form.recommending-unit' (末段 请省级教育行政部门填写)", () => {
  it.each([
    ['河北省', '河北省教育厅'],
    ['北京市', '北京市教育委员会'],
    ['上海市', '上海市教委'],
    ['新疆生产建设兵团', '新疆生产建设兵团教育局'],
  ])('passes %s / %s', async (province, recommendingUnit) => {
    expect(await runRule('form.recommending-unit', rec, withFields(validRecommendation(), { province, recommendingUnit }))).toEqual([]);
  });
  it.each(['石家庄市教育局', '山西省教育厅', '正定县教育局', '河北省人民政府'])('warns for %s in 河北', async (recommendingUnit) => {
    const [f] = await runRule('form.recommending-unit', rec, withFields(validRecommendation(), { recommendingUnit }));
    expect(f).toMatchObject({ severity: 'warning', fields: ['recommendingUnit', 'province'] });
  });
});

describe('是否联合培养 (jointTraining)', () => {
  it('is derived from the partner university when not set: joint training makes §5 binding', async () => {
    const d = withFields(validDegreeRecord(), { jointTraining: '', freshGraduate: '否' });
    expect((await runRule('degree.fresh-graduate', deg, d))[0]).toMatchObject({ severity: 'error' });
    const home = withFields(d, { jointUniversity: '' });
    expect((await runRule('degree.fresh-graduate', deg, home))[0]).toMatchObject({ severity: 'warning' });
    const explicit = withFields(home, { jointTraining: '是' });
    expect((await runRule('degree.fresh-graduate', deg, explicit))[0]).toMatchObject({ severity: 'error' });
  });
  it('warns when it says 否 but a partner university is named', async () => {
    expect((await run('degree.joint-training', { jointTraining: '否' }))[0]).toMatchObject({ severity: 'warning' });
    expect(await run('degree.joint-training', { jointTraining: '是' })).toEqual([]);
  });
  it('asks for the partner university when it says 是', async () => {
    const found = await run('field.required', { jointTraining: '是', jointUniversity: '' });
    expect(found.map((f) => f.fields)).toEqual([['jointUniversity', 'jointTraining']]);
  });
});

describe('clauses cite what really requires a field', () => {
  it('cites the default layout for a column the project added, the notice for one it names', async () => {
    const d = withRow(validRecommendation(), 0, { scienceTeachers: '', schoolStage: '' });
    const found = await runRule('field.required', rec, d);
    expect(found.find((f) => f.fields[0]!.endsWith('scienceTeachers'))!.clause).toContain('默认版式');
    expect(found.find((f) => f.fields[0]!.endsWith('schoolStage'))!.clause).toBe('教师厅函〔2024〕16号 §2');
    const [reason] = await runRule('field.format', rec, withRow(validRecommendation(), 0, { reason: '好'.repeat(501) }));
    expect(reason!.clause).toContain('默认版式');
  });
  it('leaves fields the input has no column for to the reader', async () => {
    const d = withFields(validDegreeRecord(), { gender: '' });
    expect(await runRule('field.required', deg, d, undefined, undefined, { absent: new Set(['gender']) })).toEqual([]);
  });
});
