/**
 * Issue 14: every degree, certificate and ID finding tells the clerk what to check (a `fix` line), whatever value
 * raised it. Each field of a valid degree record is broken in several ways a registrar's sheet breaks it, and every
 * finding of those families must carry a fix in both languages.
 */
import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { rules, validate } from './index';
import { residentIdNumber, testRefs, validDegreeRecord, withFields } from './testing';

const now = new Date('2025-08-01T04:00:00Z');

/** Ways each field goes wrong in real sheets: blanks, typos, wrong lengths, swapped parts, dates out of order. */
const breakages: Array<Record<string, string>> = [
  { idNumber: residentIdNumber('11010820000512002').slice(0, 17) + (residentIdNumber('11010820000512002').endsWith('1') ? '2' : '1') },
  { idNumber: '11010820000512' },
  { idNumber: residentIdNumber('11010819990512002') },
  { idType: '身份证', idNumber: 'ABC' },
  { idType: '居民身份证号码', idNumber: '110108200013120021' },
  { birthDate: '2001-01-01' },
  { gender: '男' },
  { admissionMode: '统考' },
  { mainDegreeCategory: '管理学' },
  { mainDegreeCategory: '教育学', mainDegreeDiscipline: '0401 教育学', mainDegreeType: '学术学位' },
  { mainDegreeType: '专业学位', mainDegreeDiscipline: '0854 电子信息' },
  { mainDegreeLevel: '学士' },
  { mainDegreeCertNo: '1000332025000' },
  { mainDegreeCertNo: '1000312025000123' },
  { mainDegreeCertNo: '1002732025000123' },
  { mainDegreeCertNo: '1000332019000123' },
  { mainDegreeCertNo: '1000342025000123' },
  { graduationCertNo: '10003120250200012' },
  { graduationCertNo: '100031201902000123' },
  { graduationCertNo: '100271202502000123' },
  { graduationCertNo: '100031202501000123' },
  { eduMasterCertNo: '1002732025000' },
  { eduMasterCertNo: '1000332025000456' },
  { eduMasterDate: '2024-06-28' },
  { eduMasterDate: '2025-06-10' },
  { eduMasterUnit: '清华大学', eduMasterUnitCode: '10003' },
  { mainDegreeDate: '2025-07-20' },
  { graduationDate: '2025-05-01' },
  { freshGraduate: '否' },
  { filingMark: '否' },
  { jointUniversity: '' },
  { homeUniversity: '某某学院', homeUniversityCode: '19999' },
  { teacherCertStage: '幼儿园' },
  { teacherCertStage: '中等职业学校' },
  { mainDegreeUnitCode: '10027' },
  { jointTraining: '否' },
  { eduMasterUnit: '某某师范学院', eduMasterUnitCode: '' },
  { eduMasterUnit: '河北师范大学', eduMasterUnitCode: '10094' },
];

describe('fix lines on degree, certificate and ID findings', () => {
  it('every such finding, from every breakage, says what to check in Chinese and English', async () => {
    const refs = await testRefs();
    let seen = 0;
    const rulesSeen = new Set<string>();
    const missing: string[] = [];
    for (const change of breakages) {
      const findings = validate(forms.degreeRecord, withFields(validDegreeRecord(), change), refs, now);
      for (const f of findings.filter((f) => /^(degree|cert|id)\./.test(f.ruleId))) {
        seen++;
        rulesSeen.add(f.ruleId);
        if (!f.fix?.zh || !f.fix.en) missing.push(`${f.ruleId} ← ${JSON.stringify(change)}: ${f.message.zh}`);
      }
    }
    expect(missing).toEqual([]);
    // The breakages reach the families: a test that raises nothing would prove nothing.
    expect(seen).toBeGreaterThanOrEqual(breakages.length);
    // …and every rule of the three families.
    expect([...rulesSeen].sort()).toEqual(
      Object.keys(rules)
        .filter((id) => /^(degree|cert|id)\./.test(id))
        .sort(),
    );
  });
});
