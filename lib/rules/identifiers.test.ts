import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, parseDegreeCertNo, parseGraduationCertNo, parseResidentId } from './identifiers';

describe('GB 32100-2015 credit codes', () => {
  // Published codes of real organisations: 清华大学, 北京大学 (事业单位) and a company.
  it.each(['12100000400000624D', '12100000400002259P', '91350100M000100Y43'])('accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeUndefined();
  });

  it.each([
    ['911100001000128555', { kind: 'check', expected: '2', actual: '5' }],
    ['12100000400000624', { kind: 'length', length: 17 }],
    ['12100000400000624DD', { kind: 'length', length: 19 }],
    ['12100000400000624I', { kind: 'charset', chars: ['I'] }],
    ['1210000040000O624D', { kind: 'charset', chars: ['O'] }],
    ['12100000400000624d', { kind: 'charset', chars: ['d'] }],
  ])('%s → %j', (code, problem) => expect(creditCodeProblem(code)).toEqual(problem));

  it('maps a remainder of 0 to check character 0 (31 → 0)', () => {
    // Search a body whose weighted sum is a multiple of 31.
    for (let n = 0; n < 100000; n++) {
      const body = `121300004${String(n).padStart(8, '0')}`;
      if (creditCodeCheckChar(body) === '0') {
        expect(creditCodeProblem(body + '0')).toBeUndefined();
        return;
      }
    }
    throw new Error('no body found');
  });
});

describe('GB 11643-1999 resident ID numbers', () => {
  it.each([
    // The standard's own examples.
    ['11010519491231002X', '1949-12-31', '女'],
    ['440524188001010014', '1880-01-01', '男'],
  ])('%s is valid, born %s, %s', (id, birth, gender) => {
    expect(parseResidentId(id)).toMatchObject({ checkOk: true, birthDate: birth, gender, province: id.slice(0, 2) });
  });

  it('reports a wrong check character with the expected one', () => {
    expect(parseResidentId('110105194912310021')).toMatchObject({ checkOk: false, expectedCheck: 'X' });
  });

  it('reports an impossible birth date as missing', () => {
    expect(parseResidentId('110105194902300020')?.birthDate).toBeUndefined();
  });

  it.each(['1101051949123100', '11010519491231002x', '11010519491231002Y'])('does not parse %s', (id) => {
    expect(parseResidentId(id)).toBeUndefined();
  });
});

describe('certificate numbers', () => {
  it('splits a degree certificate number', () => {
    expect(parseDegreeCertNo('1000332025000123')).toEqual({ unitCode: '10003', level: '3', year: 2025, serial: '000123' });
    expect(parseDegreeCertNo('100033202500012')).toBeUndefined();
  });

  it('splits a graduation certificate number', () => {
    expect(parseGraduationCertNo('100031202502000123')).toEqual({
      unitCode: '10003',
      kind: '1',
      year: 2025,
      level: '02',
      serial: '000123',
    });
    expect(parseGraduationCertNo('10003120250200012A')).toBeUndefined();
  });
});
