import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineForm, type FormData } from '../forms/types';
import { compareWithDraft } from './draft-compare';

const text = z.string();
const form = defineForm({
  id: 'test-recommendation',
  version: 1,
  title: { zh: '推荐表', en: 'Form' },
  source: { zh: '测试', en: 'test' },
  fields: [],
  groups: [
    {
      key: 'schools',
      label: { zh: '学校', en: 'Schools' },
      itemLabel: { zh: '学校', en: 'School' },
      minRows: 5,
      fields: [
        {
          key: 'schoolName',
          label: { zh: '学校名称', en: 'School name' },
          synonyms: [],
          codes: [],
          type: 'text',
          required: true,
          schema: text,
        },
        {
          key: 'principalName',
          label: { zh: '校长姓名', en: 'Principal' },
          synonyms: [],
          codes: [],
          type: 'text',
          required: false,
          schema: text,
        },
      ],
    },
  ],
  rules: [],
  layout: {
    sheetTitle: { zh: '推荐表', en: 'Form' },
    headerFields: [],
    signature: { zh: '推荐单位（盖章）', en: 'Seal' },
    rowsPerPage: 10,
  },
});

const data = (names: string[]): FormData => ({
  fields: {},
  groups: { schools: names.map((schoolName) => ({ schoolName, principalName: '张三' })) },
});
const pdfText = [
  '“国优计划”教育实践学校推荐表\n推荐单位：河北省教育厅\n1 石家庄市第一中学 初中\n2 保定市第二小学 小学\n3 唐山市 实验学校 九年一贯制',
  '推荐单位（盖章）\n2024年8月5日',
];

describe('compareWithDraft', () => {
  it('finds nothing when the PDF lists exactly the draft’s schools (spacing may differ)', () => {
    expect(
      compareWithDraft({
        form,
        data: data(['石家庄市第一中学', '保定市第二小学', '唐山市实验学校']),
        pages: 2,
        pageTexts: pdfText,
        textLayer: true,
      }),
    ).toEqual([]);
  });

  it('reports a school of the draft missing from the PDF, naming the row', () => {
    const f = compareWithDraft({
      form,
      data: data(['石家庄市第一中学', '保定市第二小学', '唐山市实验学校', '衡水中学']),
      pages: 2,
      pageTexts: pdfText,
      textLayer: true,
    });
    expect(f.map((x) => [x.ruleId, x.fields])).toEqual([['pdf.school-missing', ['schools[3].schoolName']]]);
    expect(f[0]!.message.zh).toContain('衡水中学');
  });

  it('reports a school in the PDF that the draft does not have', () => {
    const f = compareWithDraft({ form, data: data(['石家庄市第一中学', '唐山市实验学校']), pages: 2, pageTexts: pdfText, textLayer: true });
    expect(f.map((x) => x.ruleId)).toEqual(['pdf.school-extra']);
    expect(f[0]!.message.zh).toContain('保定市第二小学');
  });

  it.each([
    [12, 1, true],
    [12, 2, false],
    [12, 3, false],
    [12, 4, true],
    [5, 1, false],
    [5, 2, false],
    [5, 3, true],
  ])('scan: %i schools on %i page(s) → finding %s', (rows, pages, finding) => {
    const names = Array.from({ length: rows }, (_, i) => `第${i + 1}中学`);
    const f = compareWithDraft({ form, data: data(names), pages, pageTexts: Array(pages).fill(''), textLayer: false });
    expect(f.map((x) => x.ruleId)).toEqual(finding ? ['pdf.page-count'] : []);
  });
});
