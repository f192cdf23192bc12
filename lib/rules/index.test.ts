import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formIds, forms } from '../forms/index';
import { countFindings, ruleIds, rules, validate } from './index';
import { creditCode, testRefs, validDegreeRecord, validDrafts, validRecommendation, withFields, withRow } from './testing';

const refs = await testRefs();
const before = new Date('2024-08-01T04:00:00Z');

describe('validate', () => {
  it.each(formIds)('finds nothing in a complete, valid %s before the deadline', (id) => {
    expect(validate(forms[id], validDrafts[id](), refs, before)).toEqual([]);
  });

  it('returns findings in form order: header, the group, then rows by row and column', () => {
    let d = withFields(validRecommendation(), { contactPhone: '12' });
    d = withRow(d, 3, { contactEmail: 'bad@', creditCode: '12345' });
    d = withRow(d, 1, { schoolName: '河北大学' });
    d = { ...d, groups: { schools: d.groups.schools!.slice(0, 4) } };
    const found = validate(forms.recommendation, d, refs, before);
    expect(found.map((f) => [f.ruleId, f.fields[0]])).toEqual([
      ['contact.phone', 'contactPhone'],
      ['school.min-count', 'schools'],
      ['school.stage', 'schools[1].schoolName'],
      ['school.credit-code', 'schools[3].creditCode'],
      ['contact.email', 'schools[3].contactEmail'],
    ]);
  });

  it('is deterministic and does not modify its input', () => {
    const d = withRow(validRecommendation(), 0, { creditCode: 'X', contactPhone: '1', schoolNature: '私立' });
    const copy = structuredClone(d);
    const a = validate(forms.recommendation, d, refs, before);
    expect(validate(forms.recommendation, d, refs, before)).toEqual(a);
    expect(d).toEqual(copy);
  });

  it('puts errors before warnings at the same place', () => {
    // A private-school code (52…) marked 公办 (warning) whose check character is also wrong (error).
    const code = creditCode('52130100MJ1234567');
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const d = withRow(validRecommendation(), 0, { creditCode: wrong });
    const found = validate(forms.recommendation, d, refs, before);
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([
      ['school.credit-code', 'error'],
      ['school.credit-code-nature', 'warning'],
    ]);
  });

  it('ignores blank placeholder rows entirely', () => {
    const d = validRecommendation();
    d.groups.schools!.push({ schoolName: '', creditCode: '  ' }, {});
    expect(validate(forms.recommendation, d, refs, before)).toEqual([]);
  });

  it('accepts data missing the fields/groups maps (a hand-written JSON draft)', () => {
    const found = validate(forms.degreeRecord, { fields: { name: '张三' } } as never, refs, before);
    expect(found.some((f) => f.ruleId === 'field.required' && f.fields[0] === 'gender')).toBe(true);
  });

  it('counts errors and warnings', () => {
    const d = withFields(validDegreeRecord(), {
      jointUniversity: '',
      eduMasterUnit: '河北师范大学',
      eduMasterUnitCode: '10094',
      eduMasterCertNo: '1009432025000456',
      filingMark: '否',
    });
    expect(countFindings(validate(forms.degreeRecord, d, refs, before))).toEqual({ errors: 1, warnings: 1 });
  });
});

describe('the rule registry', () => {
  it('has every rule under its own id, with a clause and a bilingual description', () => {
    for (const id of ruleIds) {
      expect(rules[id].id).toBe(id);
      expect(rules[id].clause).not.toBe('');
      expect(rules[id].description.zh).toMatch(/\p{Script=Han}/u);
      expect(rules[id].description.en).toMatch(/[a-z]/);
    }
  });

  it('is used: every rule id is applied by some form', () => {
    const used = new Set(Object.values(forms).flatMap((f) => f.rules));
    expect(ruleIds.filter((id) => !used.has(id))).toEqual([]);
  });

  it('is documented: every rule id has a line in lib/rules/README.md', () => {
    const readme = readFileSync(path.join(import.meta.dirname, 'README.md'), 'utf8');
    expect(ruleIds.filter((id) => !readme.includes(`| \`${id}\` |`))).toEqual([]);
  });

  it('is tested: every rule id appears in a test of lib/rules', () => {
    const dir = import.meta.dirname;
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts') && f !== 'index.test.ts')
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    expect(ruleIds.filter((id) => !text.includes(`'${id}'`))).toEqual([]);
  });
});
