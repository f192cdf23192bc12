import { describe, expect, it } from 'vitest';
import { forms } from '../../forms';
import { formHints } from '../../autofill/hints';
import { assignOneToOne } from './assign';
import { normalizeLabel } from './normalize';
import { bestField, createLabelScorer } from './similarity';

const packs = {
  recommendation: formHints(forms.recommendation),
  degreeRecord: formHints(forms.degreeRecord),
};
const scorers = {
  recommendation: createLabelScorer(packs.recommendation.hints, packs.recommendation.groups),
  degreeRecord: createLabelScorer(packs.degreeRecord.hints, packs.degreeRecord.groups),
};
const match = (form: keyof typeof packs, label: string, context?: string): string | null => {
  const best = bestField(scorers[form](label, context), packs[form].hints);
  return best ? packs[form].hints[best.field]!.path : null;
};

describe('normalizeLabel', () => {
  it.each([
    ['* 专任科学教师数（名）：', '专任科学教师数'],
    ['请输入学校名称', '学校'],
    ['单位名称（全称）', '单位'],
    ['获学位时间', '获学位日期'],
    ['移动电话', '手机'],
    ['Ｅ－ｍａｉｌ', '邮箱'],
    ['出生日期（格式：yyyymmdd）', '出生日期'],
    ['所在市（州）', '所在市'],
    ['校（园）长', '校长'],
    ['统一社会信用代码（18位）', '统一社会信用代码'],
    ['办公电话（含区号）', '办公手机'],
    ['科学教师（人）', '科学教师数'],
    ['省（自治区、直辖市）', '省'],
    ['省份/Province', '省'],
    ['Date of birth', '出生日期'],
    ['Degree certificate No.', '学位证号'],
    ['日期（教育硕士）', '日期教育硕士'],
    ['实践工作联系人', '联系人'],
    ['业务联系电话', '联系手机'],
    ['学校联系人', '学校联系人'],
    ['教育硕士专业学位', '教育硕士学位'],
  ])('%s → %s', (raw, want) => expect(normalizeLabel(raw)).toBe(want));
});

describe('label → field', () => {
  it('tells 学校名称 from 学籍所在学校', () => {
    expect(match('recommendation', '学校名称')).toBe('schools[].schoolName');
    expect(match('recommendation', '学籍所在学校')).toBeNull();
    expect(match('degreeRecord', '学籍所在学校')).toBe('homeUniversity');
  });

  it('does not read a rival field’s modifier before a shared head as a side of this field (合作培养 + 高校)', () => {
    expect(match('degreeRecord', '合作培养高校（师范大学）：', '基本信息')).toBe('jointUniversity');
    expect(match('degreeRecord', '合作培养高校')).toBe('jointUniversity');
    expect(match('recommendation', '联系人邮箱', '推荐学校信息')).toBe('schools[].contactEmail');
  });

  it('reads short labels under a caption row of a table (■ 教育硕士专业学位)', () => {
    expect(match('degreeRecord', '证　　号：', '■ 教育硕士专业学位')).toBe('eduMasterCertNo');
    expect(match('degreeRecord', '授予单位码：', '■ 教育硕士专业学位')).toBe('eduMasterUnitCode');
    expect(match('degreeRecord', '授予单位名称：', '■ 理学/工学学位')).toBe('mainDegreeUnit');
    expect(match('recommendation', 'Ｅ－mail：', '第1所学校')).toBe('schools[].contactEmail');
  });

  it("tells the unit's 联系电话 from a school's by the scope around it", () => {
    expect(match('recommendation', '联系电话', '推荐单位信息')).toBe('contactPhone');
    expect(match('recommendation', '联系电话', '推荐学校信息')).toBe('schools[].contactPhone');
    expect(match('recommendation', '学校联系电话')).toBe('schools[].contactPhone');
  });

  it('does not let the short synonym 教育硕士 take a certificate-number column', () => {
    expect(match('degreeRecord', '教育硕士')).toBe('eduMasterAwarded');
    expect(match('degreeRecord', '教育硕士证书号')).toBe('eduMasterCertNo');
  });

  it('reads labels by class: English, count units, asides, division wordings, a context with a discipline code', () => {
    expect(match('degreeRecord', 'Date of birth')).toBe('birthDate');
    expect(match('recommendation', 'E-mail address', '推荐单位信息')).toBe('contactEmail');
    expect(match('recommendation', '实践导师（人）', '推荐学校信息')).toBe('schools[].mentorCount');
    expect(match('recommendation', '联系电话（含区号）', '推荐单位信息')).toBe('contactPhone');
    expect(match('recommendation', '地级市', '推荐学校信息')).toBe('schools[].city');
    expect(match('degreeRecord', '授予单位', '教育硕士专业学位（0451）')).toBe('eduMasterUnit');
    expect(match('degreeRecord', '授予单位', '主学位')).toBe('mainDegreeUnit');
    expect(match('recommendation', '姓名', '填表人信息')).toBe('filler');
    expect(match('recommendation', '备注', '推荐单位信息')).toBeNull();
    expect(match('recommendation', '单位地址')).toBeNull();
  });

  it('reads reworded labels', () => {
    expect(match('degreeRecord', '获学位时间')).toBe('mainDegreeDate');
    expect(match('recommendation', '移动电话')).toBe('contactPhone');
    expect(match('recommendation', '经办人')).toBe('filler');
    expect(match('recommendation', '专任科学教师数（名）')).toBe('schools[].scienceTeachers');
    expect(match('recommendation', '单位名称（全称）', '推荐学校信息')).toBe('schools[].schoolName');
  });

  it('reads a name with a middle part left out, the label outweighing a context that leans the other way', () => {
    expect(match('degreeRecord', '师范生备案')).toBe('filingMark');
    expect(match('degreeRecord', '合作高校：', '在读信息')).toBe('jointUniversity');
    // A short label read after its context is no shortened name: `单位` under 教育硕士 is its unit, not its unit code.
    expect(match('degreeRecord', '单位', '教育硕士')).toBe('eduMasterUnit');
  });

  it('reads short labels by their section: 证号, 日期, 单位 under 教育硕士 or 主学位', () => {
    expect(match('degreeRecord', '证号', '教育硕士')).toBe('eduMasterCertNo');
    expect(match('degreeRecord', '证号', '主学位')).toBe('mainDegreeCertNo');
    expect(match('degreeRecord', '日期', '教育硕士学位信息')).toBe('eduMasterDate');
    expect(match('degreeRecord', '授予单位', '教育硕士')).toBe('eduMasterUnit');
    expect(match('degreeRecord', '授予单位', '主学位')).toBe('mainDegreeUnit');
    expect(match('degreeRecord', '学位授予单位代码', '教育硕士')).toBe('eduMasterUnitCode');
  });

  it('reads a label naming alternatives as each of them, but not one name with a shared tail', () => {
    expect(match('degreeRecord', '证件号（身份证/护照）')).toBe('idNumber');
    expect(match('degreeRecord', '身份证号码/护照号码')).toBe('idNumber');
    expect(match('degreeRecord', '学术/专业学位', '理学/工学学位信息')).not.toBe('mainDegreeDiscipline');
  });

  it('reads a contact named by its purpose as the contact of the scope, kept apart from the unit’s', () => {
    expect(match('recommendation', '项目联系人', '推荐学校信息')).toBe('schools[].contactName');
    expect(match('recommendation', '业务联系电话', '推荐学校信息')).toBe('schools[].contactPhone');
    expect(match('recommendation', '工作联系人', '推荐单位信息')).toBe('filler');
    expect(match('recommendation', '推荐单位联系人', '推荐学校信息')).not.toBe('schools[].contactName');
    expect(match('recommendation', '紧急联系人', '推荐学校信息')).toBeNull();
  });

  it('reads 学位证号 under a caption naming the 教育硕士 professional degree as the 教育硕士 one', () => {
    expect(match('degreeRecord', '学位证书编号', '教育硕士专业学位信息')).toBe('eduMasterCertNo');
    expect(match('degreeRecord', '学位证书编号', '■ 理学/工学学位')).toBe('mainDegreeCertNo');
    // A yes/no named by its thing (教育硕士) is no name of the thing's number.
    expect(match('degreeRecord', '编号', '教育硕士')).toBe('eduMasterCertNo');
  });

  it('names no field with a label about another study or a total of what a field counts a part of', () => {
    expect(match('degreeRecord', '本科毕业学校')).toBeNull();
    expect(match('degreeRecord', '高中毕业学校', '基本信息')).toBeNull();
    expect(match('degreeRecord', '肄业证书号')).toBeNull();
    expect(match('degreeRecord', '毕业证书号')).toBe('graduationCertNo');
    expect(match('recommendation', '学校专任教师总数', '推荐学校信息')).toBeNull();
    expect(match('recommendation', '科学类专任教师总数', '推荐学校信息')).toBe('schools[].scienceTeachers');
    expect(match('recommendation', '专任教师数', '推荐学校信息')).toBe('schools[].scienceTeachers');
  });

  it('reads a yes/no asked as 是否X / 已X / X标记 / X情况 by its core against the yes/no fields', () => {
    expect(match('degreeRecord', '是否管理系统备案')).toBe('filingMark');
    expect(match('degreeRecord', '已系统备案')).toBe('filingMark');
    expect(match('degreeRecord', '应届毕业标志')).toBe('freshGraduate');
    expect(match('degreeRecord', '已获教育硕士')).toBe('eduMasterAwarded');
    expect(match('degreeRecord', '审核情况')).toBeNull();
    expect(match('degreeRecord', '是否党员')).toBeNull();
  });

  it('leaves ambiguous or foreign labels unmatched', () => {
    for (const label of ['日期', '单位', '编号', '本科学位证书编号', '导师姓名', '入学日期'])
      expect(match('degreeRecord', label)).toBeNull();
    for (const label of ['学校简介', '学校网址', '审核意见']) expect(match('recommendation', label)).toBeNull();
  });

  it('matches a header written as the pinyin code', () => {
    expect(match('degreeRecord', 'XWZSBH')).toBe('mainDegreeCertNo');
  });
});

describe('assignOneToOne', () => {
  it('gives each field to the item that names it best across the page, and leaves the loser unmatched', () => {
    const pairs = [
      { item: 0, field: 0, score: 0.8 }, // `教育硕士证书号` as 是否同时获得教育硕士 (weak)
      { item: 0, field: 1, score: 0.9 }, // … as 教育硕士学位证书编号
      { item: 1, field: 0, score: 1 }, // `教育硕士`
      { item: 2, field: 1, score: 0.75 },
    ];
    expect(assignOneToOne(pairs, 0.7).map((p) => [p.item, p.field])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('assigns nothing under the threshold', () => {
    expect(assignOneToOne([{ item: 0, field: 0, score: 0.5 }], 0.7)).toEqual([]);
  });
});

describe('yes/no wordings and names that are another field’s', () => {
  it.each([
    // A label that is one field's very name is not a side of another (`高校` seen from `联合培养`), whatever the context.
    ['联合培养高校', '学籍与培养', 'jointUniversity'],
    ['联合培养院校（师范类）', '学籍信息', 'jointUniversity'],
    // A status said as done, or a degree awarded rather than obtained, under the card that names it.
    ['已获得', '同时获得的教育硕士专业学位（未获得者不填）', 'eduMasterAwarded'],
    ['是否授予', '教育硕士（0451）', 'eduMasterAwarded'],
    ['师范生备案状态', '毕业及教师资格', 'filingMark'],
    ['备案标志', '', 'filingMark'],
    // Near-misses stay unmatched.
    ['审核状态', '', null],
    ['学籍状态', '', null],
  ])('%s @%s → %s', (label, context, want) => expect(match('degreeRecord', label, context)).toBe(want));
});

describe('page titles and landlines', () => {
  it('takes a registration page’s title (…登记) for no context, as a form’s (…表)', () => {
    expect(match('degreeRecord', '院校代码（5位）', '国优计划研究生学位授予信息登记')).toBe('homeUniversityCode');
  });
  it('reads a landline as the unit’s contact phone', () => {
    expect(match('recommendation', '固定电话', '推荐单位基本信息')).toBe('contactPhone');
    expect(match('recommendation', '座机', '')).toBe('contactPhone');
  });
});
