import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { creditCode, runRule, validRecommendation, withRow } from './testing';

const rec = forms.recommendation;

describe("'school.credit-code'", () => {
  it('passes valid codes, also typed in lower case or with spaces', async () => {
    let d = withRow(validRecommendation(), 0, { creditCode: '12100000400000624d' });
    d = withRow(d, 1, { creditCode: '1210 0000 4000 0225 9P' });
    expect(await runRule('school.credit-code', rec, d)).toEqual([]);
  });

  it.each([
    ['12100000400000624E', '最后一位应为 D'],
    ['1210000040000062', '应为 18 位，现为 16 位'],
    ['12100000400000624I', '不允许的字符 I'],
    ['１２１０００００４０００００６２４Ｚ', '不允许的字符 Z'],
  ])('fails %s (%s)', async (code, text) => {
    const [f, ...rest] = await runRule('school.credit-code', rec, withRow(validRecommendation(), 2, { creditCode: code }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', fields: ['schools[2].creditCode'], clause: 'GB 32100-2015' });
    expect(f!.message.zh).toContain(text);
    expect(f!.fix?.zh).toBeTruthy();
  });

  it('leaves an empty code to field.required', async () => {
    expect(await runRule('school.credit-code', rec, withRow(validRecommendation(), 0, { creditCode: '' }))).toEqual([]);
  });
});

describe("'school.credit-code-nature'", () => {
  const pub = creditCode('12130100MB0012345');
  const priv = creditCode('52130100MJ0012345');
  it.each([
    [pub, '公办'],
    [priv, '民办'],
    [creditCode('53130100MJ0012345'), '民办'], // other prefixes are not judged
    [pub, ''],
  ])('passes %s as %s', async (code, nature) => {
    expect(
      await runRule('school.credit-code-nature', rec, withRow(validRecommendation(), 0, { creditCode: code, schoolNature: nature })),
    ).toEqual([]);
  });

  it.each([
    [priv, '公办', '52'],
    [pub, '民办', '12'],
  ])('warns on %s marked %s', async (code, nature, prefix) => {
    const [f] = await runRule(
      'school.credit-code-nature',
      rec,
      withRow(validRecommendation(), 1, { creditCode: code, schoolNature: nature }),
    );
    expect(f).toMatchObject({ severity: 'warning', fields: ['schools[1].creditCode', 'schools[1].schoolNature'] });
    expect(f!.message.zh).toContain(`以 ${prefix} 开头`);
  });
});
