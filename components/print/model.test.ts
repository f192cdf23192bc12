import { describe, expect, it } from 'vitest';
import { getForm } from '../../lib/forms';
import { degreeData, recommendationData } from '../../test/fixtures/systems/drafts';
import { canPrint, printModel } from './model';

describe('printModel', () => {
  const recommendation = getForm('recommendation');
  const degree = getForm('degreeRecord');

  it('recommendation: header block, one row per school numbered from 1, the seal block of the layout', () => {
    const m = printModel(recommendation, recommendationData);
    expect(m.title).toBe('“国优计划”教育实践学校推荐表');
    expect(m.header.map((h) => h.label)).toEqual(['省份', '推荐单位', '填表人', '联系电话', '电子邮箱', '填表日期']);
    expect(m.header.find((h) => h.key === 'recommendingUnit')?.value).toBe('浙江省教育厅');
    expect(m.signature).toBe('推荐单位（盖章）');
    expect(m.grid).toEqual([]);
    const [schools] = m.tables;
    expect(schools!.columns[0]).toBe('序号');
    expect(schools!.columns).toContain('统一社会信用代码');
    expect(schools!.columns.length).toBe(recommendation.groups[0]!.fields.length + 1);
    expect(schools!.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(schools!.rows[2]![1 + schools!.keys.indexOf('schoolName')]).toBe('温州育英学校');
  });

  it('blank rows are not printed and numbering stays continuous', () => {
    const data = structuredClone(recommendationData);
    data.groups.schools!.splice(1, 0, { schoolName: ' ', city: '' });
    const m = printModel(recommendation, data);
    expect(m.tables[0]!.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('Chinese labels even when the UI is English (the paper form is Chinese)', () => {
    const m = printModel(recommendation, { fields: {}, groups: {} });
    expect(m.header[0]).toEqual({ key: 'province', label: '省份', value: '' });
    expect(m.tables[0]!.rows).toEqual([]);
  });

  it('degree record: no groups, every field in a label/value grid, its own seal block', () => {
    expect(canPrint(degree)).toBe(true);
    const m = printModel(degree, degreeData);
    expect(m.tables).toEqual([]);
    expect(m.grid.length).toBe(degree.fields.length);
    expect(m.grid.find((g) => g.key === 'idNumber')?.value).toBe('11010519491231002X');
    expect(m.signature).toBe('学位授予单位（盖章）');
  });
});

describe('printModel: the annex mark and the seal date', () => {
  const recommendation = getForm('recommendation');
  it('marks the recommendation as 附件2 and prints its 填表日期 under the seal, as the Excel sheet does', () => {
    const m = printModel(recommendation, { ...recommendationData, fields: { ...recommendationData.fields, fillDate: '2024-08-01' } });
    expect(m.annex).toBe('附件2');
    expect(m.sealDate).toBe('2024年8月1日');
  });
  it('leaves the date to be written by hand when there is none, and the degree record has no annex number', () => {
    const m = printModel(recommendation, { ...recommendationData, fields: { ...recommendationData.fields, fillDate: '' } });
    expect(m.sealDate).toBe('年　　月　　日');
    expect(printModel(getForm('degreeRecord'), degreeData).annex).toBe('');
  });
});
