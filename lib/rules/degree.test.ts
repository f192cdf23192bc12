import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { runRule, validDegreeRecord, withFields } from './testing';

const deg = forms.degreeRecord;
const run = (id: Parameters<typeof runRule>[0], fields: Record<string, string>) =>
  runRule(id, deg, withFields(validDegreeRecord(), fields));

describe("'degree.main-field'", () => {
  it.each([
    [{ mainDegreeCategory: '理学', mainDegreeDiscipline: '0701 数学' }],
    [{ mainDegreeCategory: '工学', mainDegreeDiscipline: '0854 电子信息' }],
    [{ mainDegreeCategory: '08', mainDegreeDiscipline: '0812计算机科学与技术' }],
    [{ mainDegreeCategory: '理学', mainDegreeDiscipline: '物理学' }],
  ])('passes %j', async (fields) => {
    expect(await run('degree.main-field', fields)).toEqual([]);
  });

  it.each(['文学', '教育学', '04'])('fails the category %s', async (cat) => {
    const [f] = await run('degree.main-field', { mainDegreeCategory: cat, mainDegreeDiscipline: '' });
    expect(f).toMatchObject({ severity: 'error', fields: ['mainDegreeCategory'] });
  });

  it.each([['0401 教育学'], ['0202 应用经济学'], ['1201 管理科学与工程']])(
    'fails a discipline code outside 07/08 and not 0451: %s',
    async (disc) => {
      const found = await run('degree.main-field', { mainDegreeDiscipline: disc });
      expect(found.map((f) => f.fields)).toEqual([['mainDegreeDiscipline']]);
      expect(found[0]!.message.zh).toContain(`${disc.slice(0, 2)}（`);
    },
  );

  it.each([
    [{ mainDegreeCategory: '教育学', mainDegreeDiscipline: '0451 教育', mainDegreeType: '专业学位' }],
    [{ mainDegreeCategory: '04', mainDegreeDiscipline: '0451', mainDegreeType: '专业学位' }],
    [{ mainDegreeCategory: '教育学', mainDegreeDiscipline: '教育硕士', mainDegreeType: '专业学位' }],
    [{ mainDegreeCategory: '', mainDegreeDiscipline: '0451 教育（学科教学·物理）', mainDegreeType: '' }],
  ])('passes a student pursuing the 教育硕士 itself (§1 "或攻读教育硕士专业学位"): %j', async (fields) => {
    expect(await run('degree.main-field', fields)).toEqual([]);
  });

  it('fails the 教育博士 and an academic 0451, which §1 does not name', async () => {
    const doc = await run('degree.main-field', {
      mainDegreeCategory: '教育学',
      mainDegreeDiscipline: '0451 教育',
      mainDegreeType: '专业学位',
      mainDegreeLevel: '博士',
    });
    expect(doc.map((f) => f.fields[0])).toEqual(['mainDegreeLevel']);
    const academic = await run('degree.main-field', {
      mainDegreeCategory: '教育学',
      mainDegreeDiscipline: '0451 教育',
      mainDegreeType: '学术学位',
    });
    expect(academic.map((f) => f.fields[0])).toEqual(['mainDegreeType']);
  });

  it.each(['degree.same-year', 'degree.edu-date-order', 'degree.fresh-graduate', 'degree.double-first-class'] as const)(
    'does not apply %s to a student whose degree is the 教育硕士',
    async (id) => {
      const edu = { mainDegreeCategory: '教育学', mainDegreeDiscipline: '0451 教育', mainDegreeType: '专业学位', freshGraduate: '否' };
      const wrongYear = { eduMasterDate: '2023-06-01', eduMasterUnit: '河北师范大学', eduMasterUnitCode: '10094' };
      expect(await run(id, { ...edu, ...wrongYear })).toEqual([]);
    },
  );

  it('fails a category that contradicts the discipline code, naming both', async () => {
    const [f] = await run('degree.main-field', { mainDegreeCategory: '理学', mainDegreeDiscipline: '0809 电子科学与技术' });
    expect(f!.fields).toEqual(['mainDegreeCategory', 'mainDegreeDiscipline']);
  });
});

describe("'degree.filing-mark'", () => {
  it.each(['是', 'Y', '已备案'])('passes %s', async (v) => expect(await run('degree.filing-mark', { filingMark: v })).toEqual([]));
  it('leaves an empty mark to field.required', async () => expect(await run('degree.filing-mark', { filingMark: '' })).toEqual([]));
  it.each(['否', 'N', '0'])('fails %s', async (v) => {
    const [f] = await run('degree.filing-mark', { filingMark: v });
    expect(f).toMatchObject({ severity: 'error', fields: ['filingMark'], clause: '教师厅函〔2024〕16号 §5' });
  });
});

describe("'degree.fresh-graduate'", () => {
  it('passes a fresh graduate', async () => expect(await run('degree.fresh-graduate', {})).toEqual([]));
  it('passes a non-fresh graduate without a 教育硕士', async () => {
    expect(
      await run('degree.fresh-graduate', {
        freshGraduate: '否',
        eduMasterAwarded: '否',
        eduMasterDate: '',
        eduMasterCertNo: '',
        eduMasterUnit: '',
        eduMasterUnitCode: '',
      }),
    ).toEqual([]);
  });
  it('is an error for joint training', async () => {
    const [f] = await run('degree.fresh-graduate', { freshGraduate: '否' });
    expect(f).toMatchObject({ severity: 'error', fields: ['freshGraduate', 'eduMasterAwarded'] });
  });
  it('is a warning when the home university grants both degrees', async () => {
    const [f] = await run('degree.fresh-graduate', { freshGraduate: '否', jointUniversity: '' });
    expect(f!.severity).toBe('warning');
  });
  it('applies when 教育硕士 details are filled in though not marked', async () => {
    expect(await run('degree.fresh-graduate', { freshGraduate: '否', eduMasterAwarded: '' })).toHaveLength(1);
  });
});

describe("'degree.double-first-class'", () => {
  it.each([
    [{ eduMasterUnit: '北京师范大学' }],
    [{ eduMasterUnit: '上海体育大学', eduMasterUnitCode: '' }], // renamed, listed as an alias
    [{ eduMasterUnit: '北师大', eduMasterUnitCode: '10027' }], // by code
    [{ eduMasterUnit: '河北师范大学', eduMasterAwarded: '否' }],
  ])('passes %j', async (fields) => expect(await run('degree.double-first-class', fields)).toEqual([]));

  it('warns on a unit outside the list, citing the list version', async () => {
    const [f] = await run('degree.double-first-class', { eduMasterUnit: '河北师范大学', eduMasterUnitCode: '10094' });
    expect(f).toMatchObject({ severity: 'warning', fields: ['eduMasterUnit'] });
    expect(f!.message.zh).toContain('2022');
  });
});
