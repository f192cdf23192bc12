import { describe, expect, it } from 'vitest';
import type { Finding } from '../rules/types';
import { findingsByPath, focusTarget, inputId, sortFindings } from './field-path';

const finding = (ruleId: string, severity: Finding['severity'], fields: string[]): Finding => ({
  ruleId,
  severity,
  fields,
  message: { zh: ruleId, en: ruleId },
  clause: '§2',
});

describe('inputId', () => {
  it.each([
    ['contactPhone', 'field-contactPhone'],
    ['schools[3].creditCode', 'field-schools-3-creditCode'],
  ])('inputId(%j) = %j', (path, id) => {
    expect(inputId(path)).toBe(id);
    expect(id).toMatch(/^[\w-]+$/);
  });
});

describe('findings helpers', () => {
  const a = finding('degree.same-year', 'warning', ['eduDegreeDate', 'degreeDate']);
  const b = finding('contact.phone', 'error', ['contactPhone']);
  const c = finding('school.min-count', 'error', ['schools']);

  it('indexes a two-field finding under both fields', () => {
    const map = findingsByPath([a, b]);
    expect(map.get('eduDegreeDate')).toEqual([a]);
    expect(map.get('degreeDate')).toEqual([a]);
    expect(map.get('contactPhone')).toEqual([b]);
    expect(map.has('schools')).toBe(false);
  });

  it('sorts errors first and keeps rule order within a severity', () => {
    expect(sortFindings([a, b, c])).toEqual([b, c, a]);
  });

  it.each<[Finding, string[], string | null]>([
    [a, ['field-degreeDate'], 'field-degreeDate'],
    [a, ['field-eduDegreeDate', 'field-degreeDate'], 'field-eduDegreeDate'],
    [c, ['group-schools'], 'group-schools'],
    [finding('school.duplicate', 'error', ['schools[1]']), ['group-schools'], 'group-schools'],
    [b, [], null],
  ])('focusTarget %#', (f, ids, expected) => {
    expect(focusTarget(f, (id) => ids.includes(id))).toBe(expected);
  });
});
