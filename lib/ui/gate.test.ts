import { describe, expect, it } from 'vitest';
import type { Finding } from '../rules/types';
import { accept, needsConfirmation, totals } from './gate';

const finding = (severity: Finding['severity']): Finding => ({
  ruleId: 'x',
  severity,
  fields: ['contactPhone'],
  message: { zh: '错', en: 'wrong' },
  clause: '',
});
const withErrors = { id: 'a', rev: 3, findings: [finding('error'), finding('warning')] };
const warningsOnly = { id: 'b', rev: 1, findings: [finding('warning')] };

describe('the check before anything leaves', () => {
  it('asks about drafts with errors only', () => {
    expect(needsConfirmation([withErrors, warningsOnly], {})).toEqual([withErrors]);
    expect(totals([withErrors, warningsOnly])).toEqual({ errors: 1, warnings: 2 });
  });
  it('remembers the choice for that revision only: the next saved change asks again', () => {
    const accepted = accept({}, [withErrors, warningsOnly]);
    expect(accepted).toEqual({ a: 3 });
    expect(needsConfirmation([withErrors], accepted)).toEqual([]);
    expect(needsConfirmation([{ ...withErrors, rev: 4 }], accepted)).toHaveLength(1);
    expect(accept(accepted, [{ ...withErrors, rev: 4 }])).toEqual({ a: 4 });
  });
});
