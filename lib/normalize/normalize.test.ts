import { describe, expect, it } from 'vitest';
import { fieldAt, forms } from '../forms/index';
import {
  collapseSpace,
  excelSerialToIso,
  isIsoDate,
  isValidYmd,
  matchOption,
  nameKey,
  normalizeCode,
  normalizeDate,
  normalizeText,
  normalizeValue,
  normalizeYesNo,
  toHalfWidth,
  yearOf,
} from './index';

describe('text', () => {
  it.each([
    ['ＡＢＣ１２３', 'ABC123'],
    ['（本部）：', '(本部):'],
    ['a\u3000b', 'a b'],
    ['学校、名称。', '学校、名称。'],
  ])('toHalfWidth(%j) = %j', (a, b) => expect(toHalfWidth(a)).toBe(b));

  it('collapses whitespace of every kind', () => {
    expect(collapseSpace('  a \u00a0\t\n b\u3000 ')).toBe('a b');
    expect(normalizeText(' 河北　正定中学 ')).toBe('河北 正定中学');
  });

  it('builds name keys that ignore width, spaces, case and bracket style', () => {
    expect(nameKey('北京市第一中学（本部）')).toBe(nameKey(' 北京市第一中学 (本部)'));
    expect(nameKey('ABC〔x〕')).toBe(nameKey('abc(x)'));
  });

  it('normalises identifiers', () => {
    expect(normalizeCode(' 1210 0000-4000 0062 4d ')).toBe('12100000400000624D');
    expect(normalizeCode('１２ａ')).toBe('12A');
  });
});

describe('dates', () => {
  it.each([
    ['2024-06-30', '2024-06-30'],
    ['2024/6/30', '2024-06-30'],
    ['2024.6.3', '2024-06-03'],
    ['2024年6月30日', '2024-06-30'],
    ['2024 年 6 月 30 日', '2024-06-30'],
    ['２０２４年６月３０日', '2024-06-30'],
    ['20240630', '2024-06-30'],
    ['2024-06-30T00:00:00', '2024-06-30'],
    ['2024-06-30T00:00:00.000Z', '2024-06-30'],
    ['45473', '2024-06-30'],
    ['2024-02-29', '2024-02-29'],
  ])('normalizeDate(%j) = %s', (input, out) => expect(normalizeDate(input)).toBe(out));

  it.each(['2023-02-29', '2024-13-01', '2024-06-31', '20241301', 'June 30', '', '2024', '30/06/2024', '1'])('refuses %j', (input) => {
    expect(normalizeDate(input)).toBeUndefined();
  });

  it('reads Excel serial numbers (1900 system)', () => {
    expect(excelSerialToIso(1)).toBe('1899-12-31');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45473.75)).toBe('2024-06-30');
    expect(normalizeDate(45473)).toBe('2024-06-30');
    expect(excelSerialToIso(0)).toBeUndefined();
    expect(excelSerialToIso(Number.NaN)).toBeUndefined();
  });

  it('reads a JS Date by its local calendar day', () => {
    expect(normalizeDate(new Date(2024, 5, 30, 23, 59))).toBe('2024-06-30');
    expect(normalizeDate(new Date('invalid'))).toBeUndefined();
  });

  it('checks ISO dates and extracts years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-2-29')).toBe(false);
    expect(yearOf('2025年6月1日')).toBe(2025);
    expect(yearOf('soon')).toBeUndefined();
  });
});

describe('options', () => {
  it.each([
    ['是', '是'],
    ['Y', '是'],
    ['yes', '是'],
    ['TRUE', '是'],
    ['1', '是'],
    ['√', '是'],
    ['否', '否'],
    ['n', '否'],
    ['False', '否'],
    ['0', '否'],
    ['×', '否'],
    ['未备案', '否'],
    ['也许', undefined],
    ['', undefined],
  ])('normalizeYesNo(%j) = %j', (input, out) => expect(normalizeYesNo(input)).toBe(out));

  const nature = fieldAt(forms.recommendation, 'schools[0].schoolNature')!;
  const stage = fieldAt(forms.recommendation, 'schools[0].schoolStage')!;
  const category = fieldAt(forms.degreeRecord, 'mainDegreeCategory')!;
  it.each([
    [nature, '公立', '公办'],
    [nature, ' 民办 ', '民办'],
    [nature, 'Private', '民办'],
    [stage, '完中', '完全中学'],
    [stage, '初级中学', '初中'],
    [category, '07', '理学'],
    [category, '08工学', '工学'],
    [category, 'engineering', '工学'],
  ] as const)('matchOption(%#) %j → %s', (field, input, value) => expect(matchOption(field.options!, input)?.value).toBe(value));

  it('finds nothing for an unknown option', () => {
    expect(matchOption(nature.options!, '国企')).toBeUndefined();
  });

  it('matchOption: with a key shared by two options, the first option wins (the index keeps option order)', () => {
    const opts = [
      { value: 'A', label: { zh: '甲', en: 'a' }, synonyms: ['共用'] },
      { value: 'B', label: { zh: '乙', en: 'b' }, synonyms: ['共用', 'ｂｂ'] },
    ];
    expect(matchOption(opts, '共用')?.value).toBe('A');
    expect(matchOption(opts, 'BB')?.value).toBe('B');
    expect(matchOption(opts, '丙')).toBeUndefined();
  });
});

describe('normalizeValue', () => {
  const f = (key: string) => fieldAt(forms.degreeRecord, key)!;
  const s = (key: string) => fieldAt(forms.recommendation, `schools[0].${key}`)!;
  it.each([
    [f('mainDegreeDate'), '2025年6月20日', '2025-06-20'],
    [f('mainDegreeDate'), 45828, '2025-06-20'],
    [f('mainDegreeDate'), '下个月', '下个月'], // unreadable: kept for the rules to report
    [f('filingMark'), 'Y', '是'],
    [f('filingMark'), true, '是'],
    [f('freshGraduate'), false, '否'],
    [f('gender'), 'F', '女'],
    [f('idNumber'), ' 11010519491231002x ', '11010519491231002X'],
    [f('mainDegreeCertNo'), '1000 3320 2500 0123', '1000332025000123'],
    [f('name'), ' 张　晓 ', '张 晓'],
    [s('scienceTeachers'), '36人', '36'],
    [s('scienceTeachers'), '36.0', '36'],
    [s('scienceTeachers'), 36, '36'],
    [s('contactPhone'), '0311 — 6600 5678', '0311-66005678'],
    [s('contactEmail'), 'a＠b.cn', 'a@b.cn'],
    [s('reason'), '  第一行\r\n第二行 ', '第一行\n第二行'],
    [s('schoolNature'), null, ''],
    [s('schoolNature'), undefined, ''],
  ] as const)('%#: %j → %j', (field, raw, out) => expect(normalizeValue(field, raw)).toBe(out));
});

describe('calendar check', () => {
  it('isValidYmd agrees with Date on every month end of years 1000–9999', () => {
    const byDate = (y: number, m: number, d: number) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
    for (let y = 1000; y <= 9999; y++)
      for (let m = 1; m <= 12; m++)
        for (const d of [28, 29, 30, 31, 32])
          if (isValidYmd(y, m, d) !== byDate(y, m, d)) expect([y, m, d, isValidYmd(y, m, d)]).toEqual([y, m, d, byDate(y, m, d)]);
  });

  it.each(['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2024-04-31', '2024-00-10', '0999-01-01', '9999-12-31'])(
    'normalizeDate(%s) takes the stored form as it is, or refuses it like isIsoDate',
    (v) => expect(normalizeDate(v)).toBe(isIsoDate(v) ? v : undefined),
  );
});

describe('nameKey shortcut', () => {
  const slow = (v: string) =>
    toHalfWidth(v)
      .replace(/[\s\u00a0\u3000]+/g, '')
      .replace(/[〔【［]/g, '(')
      .replace(/[〕】］]/g, ')')
      .toLowerCase();
  it.each(['北京师范大学', '清华大学(深圳)', 'abc-123', '', '北京 师范', 'ABC', '（本部）', '〔2024〕', 'Ａ', 'école', 'ΣΑ', '一二三ok'])(
    'nameKey(%j) is the full clean-up',
    (v) => expect(nameKey(v)).toBe(slow(v)),
  );
});

describe('stored dates read digit by digit', () => {
  const byRegex = (v: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    return !!m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  };
  it.each([
    '2024-06-30',
    '2024-6-30',
    '2024-06-3a',
    '２０２４-06-30',
    '2024/06/30',
    '2024-06-30 ',
    ' 2024-06-30',
    '0000-01-01',
    '2024-02-30',
    '2024-00-01',
    '2024-1a-01',
    '20240630xx',
    '2024--06-30',
    '',
  ])('isIsoDate(%j) and yearOf agree with the YYYY-MM-DD pattern', (v) => {
    expect(isIsoDate(v)).toBe(byRegex(v));
    if (byRegex(v)) expect(yearOf(v)).toBe(Number(v.slice(0, 4)));
  });
});

describe('text shortcuts', () => {
  const samples = [
    '',
    'abc',
    'ABC123',
    'abc123',
    ' a ',
    'a\u00a0b',
    'Ａ１',
    '北京\u3000大学',
    '91110108-MA01',
    'x-y',
    'é',
    '１２３',
    'a\tb',
    'A B',
  ];
  it.each(samples)('normalizeText(%j) and normalizeCode(%j) are the full clean-ups', (v) => {
    expect(normalizeText(v)).toBe(collapseSpace(toHalfWidth(v)));
    expect(normalizeCode(v)).toBe(
      toHalfWidth(v)
        .replace(/[\s\u00a0\u3000-]+/g, '')
        .toUpperCase(),
    );
  });
});
