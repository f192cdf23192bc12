import { describe, expect, it } from 'vitest';
import { cascadeValue, dateVariants, formatDateFor, pickOption, showsDate, wantsChecked } from './options';
import type { FieldHint } from './types';

const nature: FieldHint = {
  path: 'schools[].nature',
  key: 'nature',
  label: '办学性质',
  names: ['办学性质'],
  codes: [],
  type: 'select',
  options: [
    { value: '公办', texts: ['公办', 'Public', '公立'] },
    { value: '民办', texts: ['民办', 'Private', '私立'] },
  ],
};

describe('pickOption', () => {
  it.each([
    ['exact text', [{ text: '请选择' }, { text: '公办' }, { text: '民办' }], '公办', 1],
    ['full-width spaces', [{ text: '请选择' }, { text: '民　办' }], '民办', 1],
    ['synonym', [{ text: '公立' }, { text: '私立' }], '民办', 1],
    [
      'by value code',
      [
        { text: 'A', value: '1' },
        { text: 'B', value: '公办' },
      ],
      '公办',
      1,
    ],
    ['unique containment', [{ text: '公办学校' }, { text: '民办学校' }], '公办', 0],
    ['no match', [{ text: '其他' }], '公办', -1],
    ['full-width letters', [{ text: 'ＡＢＣ' }], 'abc', 0],
    ['yes/no spelling', [{ text: '是' }, { text: '否' }], 'Y', 0],
    ['text after a code', [{ text: '0708 地球物理学' }, { text: '0702 物理学' }], '物理学', 1],
    ['text after a dashed code', [{ text: '12-管理学' }, { text: '07-理学' }], '理学', 1],
    ['yes as a state done', [{ text: '已备案' }, { text: '未备案' }], '是', 0],
    ['no as a state not done', [{ text: '已获得' }, { text: '未获得' }], '否', 1],
    ['yes/no among several states', [{ text: '已获得' }, { text: '已申请' }, { text: '未获得' }], '是', -1],
  ])('%s', (_name, options, value, expected) => {
    expect(pickOption(options, value, nature)).toBe(expected);
  });

  it.each([
    ['理学', ['管理学', '心理学', '哲学']],
    ['理学', ['管理学']],
    ['党员', ['中共党员']],
  ])('%s picks no option that merely ends with it: %j', (value, texts) => {
    expect(
      pickOption(
        texts.map((text) => ({ text })),
        value,
      ),
    ).toBe(-1);
  });

  it('picks the exact option among those containing it', () => {
    expect(pickOption([{ text: '管理学' }, { text: '理学' }, { text: '心理学' }], '理学')).toBe(1);
  });

  it('refuses an ambiguous containment', () => {
    expect(pickOption([{ text: '高中(公办)' }, { text: '初中(公办)' }], '公办')).toBe(-1);
  });
});

describe('wantsChecked', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['1', true],
    ['', undefined],
  ])('%j → %s', (v, expected) => expect(wantsChecked(v)).toBe(expected));
});

describe('formatDateFor', () => {
  it.each([
    ['2024-06-30', '', '2024-06-30'],
    ['2024-06-30', '请选择日期', '2024-06-30'],
    ['2024-06-30', 'yyyy年mm月dd日', '2024年06月30日'],
    ['2024-06-30', '2023/01/05', '2024/06/30'],
    ['2024-06-30', 'YYYYMMDD', '20240630'],
    ['2024-08-05', 'YYYY年M月D日', '2024年8月5日'],
    ['2024-08-05', '2023/1/5', '2024/8/5'],
    ['2024-08-05', '2023-11-25', '2024-08-05'],
    ['2024-08-05', 'yyyy.mm.dd（点击选择）', '2024.08.05'],
    ['2024-08-05', '2024年8月', '2024年08月05日'],
  ])('%s with %j', (iso, sample, expected) => expect(formatDateFor(iso, sample)).toBe(expected));
});

describe('dates as pickers show them', () => {
  it('tries the hinted format first, then the common ones', () => {
    expect(dateVariants('2024-06-30', '请选择')).toEqual([
      '2024-06-30',
      '2024年06月30日',
      '2024/06/30',
      '20240630',
      '2024.06.30',
      '2024年6月30日',
      '2024/6/30',
      '2024-6-30',
    ]);
    expect(dateVariants('2024-06-30', 'yyyy/mm/dd')[0]).toBe('2024/06/30');
  });

  it.each([
    ['2024年6月30日', true],
    ['2024/06/30', true],
    ['20240630', true],
    ['2024-06-03', false],
    ['', false],
  ])('%j shows 2024-06-30: %s', (text, expected) => expect(showsDate(text, '2024-06-30')).toBe(expected));
});

describe('cascadeValue', () => {
  const values = {
    province: '浙江省',
    'schools[0].city': '杭州市',
    'schools[0].county': '西湖区',
    'schools[1].city': '宁波市',
    'schools[0].name': 'A',
  };
  it.each([
    ['schools[0].county', '浙江省/杭州市/西湖区'],
    ['schools[0].city', '浙江省/杭州市/西湖区'],
    ['schools[1].city', '浙江省/宁波市'],
    ['province', '浙江省'],
    ['schools[0].name', 'A'],
  ])('%s → %s', (path, expected) => expect(cascadeValue(values, path)).toBe(expected));
});
