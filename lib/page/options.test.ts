import { describe, expect, it } from 'vitest';
import { formatDateFor, pickOption, wantsChecked } from './options';
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
  ])('%s', (_name, options, value, expected) => {
    expect(pickOption(options, value, nature)).toBe(expected);
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
  ])('%s with %j', (iso, sample, expected) => expect(formatDateFor(iso, sample)).toBe(expected));
});
