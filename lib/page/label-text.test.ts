import { describe, expect, it } from 'vitest';
import { codeKey, labelKey, normalizeLabel } from './label-text';

describe('normalizeLabel', () => {
  it.each([
    ['*学校名称：', '学校名称'],
    ['＊ 学校名称 ：', '学校名称'],
    ['学校名称:', '学校名称'],
    ['所在市（州）', '所在市(州)'],
    ['Ｅ－ｍａｉｌ', 'e-mail'],
    ['  联系\u00a0电话 ', '联系电话'],
    ['3. 学位证书编号：', '学位证书编号'],
    ['学位证书编号*', '学位证书编号'],
    ['※ 电子邮箱', '电子邮箱'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
  });

  it('treats long paragraphs as no label', () => {
    expect(labelKey('请按照学校在教育部门登记的全称填写，不要使用简称或者俗称，如有分校区请在名称后用括号注明校区名称')).toBe('');
  });
});

describe('codeKey', () => {
  it.each([
    ['xxmc', { key: 'xxmc' }],
    ['XWZSBH', { key: 'xwzsbh' }],
    ['xxmc_3', { key: 'xxmc', index: 3 }],
    ['xxmc3', { key: 'xxmc', index: 3 }],
    ['schools[2].schoolName', { key: 'schoolname', index: 2 }],
    ['schools.1.schoolName', { key: 'schoolname', index: 1 }],
    ['rec_schools_0_schoolName', { key: 'schoolname', index: 0 }],
    ['degree_xwzsbh', { key: 'xwzsbh' }],
    // The hand-read path (no digit or \`[\` before a trailing index) and the edges of the regular-expression path.
    ['xxmc-3', { key: 'xxmc', index: 3 }],
    ['XXMC_12', { key: 'xxmc', index: 12 }],
    ['form.xxmc_3', { key: 'xxmc', index: 3 }],
    ['degree_xwzsbh_2', { key: 'xwzsbh', index: 2 }],
    ['mc__z_0', { key: 'z', index: 0 }],
    ['a1b_2', { key: 'a1b', index: 2 }],
    ['p0a', { key: 'p0a' }],
    ['schools[0]', { key: 'schools', index: 0 }],
    ['x.y.', { key: 'y' }],
    ['_3', { key: '_3' }],
    ['3', { key: '3' }],
    ['x_', { key: 'x_' }],
  ])('%s', (input, expected) => {
    expect(codeKey(input)).toEqual(expected);
  });
  // Generated names (iView's radio groups: a timestamp and a counter) carry no row index.
  it.each(['ivuRadioGroup_1796470653414_0', 'ivuRadioGroup_1796470653414_12', 'field_20240805'])('%s has no row index', (name) => {
    expect(codeKey(name).index).toBeUndefined();
  });
});
