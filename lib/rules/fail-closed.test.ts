/**
 * Issue 13 §6–§7: validation that cannot finish must never read "clean". A rule that throws (whatever it throws) is an
 * error; a rule with a huge number of findings is reported in full; a group over the form's `maxRows` is an error and
 * costs no more than `maxRows` rows.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forms } from '../forms/index';
import type { FormData } from '../forms/types';
import { countFindings, rules, validate } from './index';
import { testRefs, validDegreeRecord, validRecommendation } from './testing';
import type { Finding } from './types';

const refs = await testRefs();
const before = new Date('2024-08-01T04:00:00Z');

afterEach(() => vi.restoreAllMocks());

function deepArray(depth: number): unknown {
  let a: unknown = [];
  for (let i = 0; i < depth; i++) a = [a];
  return a;
}

describe('a rule that cannot finish', () => {
  const throwers: Array<[string, () => never]> = [
    [
      'RangeError',
      () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    ],
    ['stack overflow', () => JSON.stringify(deepArray(1_000_000)) as never],
    ['TypeError', () => (undefined as unknown as { x: { y: number } }).x.y as never],
    [
      'a thrown string',
      () => {
        throw 'boom';
      },
    ],
  ];

  it.each(throwers)('%s is an error that blocks "clean", with no internal text', (_name, fail) => {
    vi.spyOn(rules['contact.phone'], 'check').mockImplementation(fail);
    const found = validate(forms.recommendation, validRecommendation(), refs, before);
    const f = found.find((x) => x.ruleId === 'contact.phone')!;
    expect(f.severity).toBe('error');
    expect(countFindings(found).errors).toBeGreaterThan(0);
    expect(f.message.zh).toContain('未能完成检查');
    expect(f.message.en).toContain('could not finish');
    for (const text of [f.message.zh, f.message.en]) expect(text).not.toMatch(/RangeError|TypeError|undefined|stack|boom|Cannot read/);
  });

  it.each([100_000, 300_000])('%i findings from one rule are all returned (no spread into push)', (n) => {
    const many: Finding[] = Array.from({ length: n }, () => ({
      ruleId: 'id.resident-id',
      severity: 'error',
      fields: ['idNumber'],
      message: { zh: 'x', en: 'x' },
      clause: 'GB 11643-1999',
    }));
    vi.spyOn(rules['id.resident-id'], 'check').mockReturnValue(many);
    const found = validate(forms.degreeRecord, validDegreeRecord(), refs, before);
    expect(found.filter((f) => f.ruleId === 'id.resident-id')).toHaveLength(n);
    expect(countFindings(found).errors).toBe(n);
  });
});

describe('maxRows', () => {
  const withSchools = (n: number): FormData => {
    const d = validRecommendation();
    const rows = d.groups.schools!;
    return { ...d, groups: { schools: Array.from({ length: n }, (_, i) => ({ ...rows[i % rows.length]!, schoolName: `第${i}中学` })) } };
  };

  it.each([201, 12_000, 100_000])('%i schools (cap 200) is an error, and only 200 rows are checked', (n) => {
    const seen: number[] = [];
    const real = rules['school.duplicate'].check;
    vi.spyOn(rules['school.duplicate'], 'check').mockImplementation((ctx) => {
      seen.push(ctx.data.groups.schools!.length);
      return real(ctx);
    });
    const found = validate(forms.recommendation, withSchools(n), refs, before);
    const cap = found.find((f) => f.ruleId === 'form.max-rows')!;
    expect(cap).toMatchObject({ severity: 'error', fields: ['schools'] });
    expect(cap.message.zh).toContain('最多 200 行');
    expect(cap.message.en).toContain(String(n));
    expect(seen).toEqual([200]);
  });

  it('200 schools is within the cap', () => {
    expect(validate(forms.recommendation, withSchools(200), refs, before).some((f) => f.ruleId === 'form.max-rows')).toBe(false);
  });
});
