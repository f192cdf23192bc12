import { describe, expect, it } from 'vitest';
import { findSignaturePages, signatureScore } from './signature-page';

describe('signatureScore', () => {
  it.each([
    ['推荐单位（盖章）：河北省教育厅', 4],
    ['（公章）', 3],
    ['盖章（章）', 6],
    ['单位（章）', 3],
    ['2024年8月5日', 1],
    ['年　　月　　日', 1],
    ['二〇二四年八月五日', 1],
    ['推荐单位：河北省教育厅', 1],
    ['石家庄市第一中学 初中 公办', 0],
    ['', 0],
  ])('%s → %i', (text, score) => {
    expect(signatureScore(text)).toBe(score);
  });
});

describe('findSignaturePages', () => {
  it.each([
    [
      'signing block on the last text page',
      ['推荐单位：河北省教育厅 填表日期：2024年8月1日', '学校列表', '推荐单位（盖章） 2024年8月5日'],
      'last',
      [3],
    ],
    ['header page alone (推荐单位 + date)', ['推荐单位：河北省教育厅 2024年8月1日', '学校列表'], 'last', [1]],
    ['scan without text → last page', ['', '', ''], 'last', [3]],
    ['scan, form says first page', ['', ''], 'first', [1]],
    ['scan, form names page 2', ['', '', ''], 2, [2]],
    ['every page carries a seal line', ['（盖章）', '（盖章）'], 'last', [1, 2]],
    ['no pages', [], 'last', []],
  ] as const)('%s', (_name, texts, fallback, expected) => {
    expect(findSignaturePages(texts, fallback)).toEqual(expected);
  });
});
