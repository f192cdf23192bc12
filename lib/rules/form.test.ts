import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { chinaDate } from './form';
import { runRule, validDegreeRecord, validRecommendation, withFields } from './testing';

const rec = forms.recommendation;

describe("'form.deadline'", () => {
  it('comes from the form pack', () => {
    expect(rec.deadline).toBe('2024-08-09');
  });

  it.each([
    ['2024-08-09', '2024-08-09T15:59:00Z'], // 23:59 in Beijing on the deadline day
    ['2024-08-01', '2024-08-01T00:00:00Z'],
  ])('passes a form dated %s checked at %s', async (fillDate, now) => {
    expect(await runRule('form.deadline', rec, withFields(validRecommendation(), { fillDate }), new Date(now))).toEqual([]);
  });

  it('warns when the fill date is after the deadline', async () => {
    const [f, ...rest] = await runRule('form.deadline', rec, withFields(validRecommendation(), { fillDate: '2024-08-10' }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', fields: ['fillDate'] });
    expect(f!.message.zh).toContain('2024-08-09');
  });

  it('warns when today (Beijing time) is after the deadline', async () => {
    const [f] = await runRule('form.deadline', rec, withFields(validRecommendation(), { fillDate: '' }), new Date('2024-08-09T16:00:00Z'));
    expect(f).toMatchObject({ severity: 'warning', fields: [] });
    expect(f!.message.zh).toContain('今天是 2024-08-10');
  });

  it('reads a fill date written another way', async () => {
    expect(await runRule('form.deadline', rec, withFields(validRecommendation(), { fillDate: '2024年8月12日' }))).toHaveLength(1);
  });

  it('takes the batch setting: a later date for the next batch, or none at all', async () => {
    const late = new Date('2026-03-01T04:00:00Z');
    const d = withFields(validRecommendation(), { fillDate: '2026-02-20' });
    expect(await runRule('form.deadline', rec, d, late, undefined, { deadline: '2026-03-15' })).toEqual([]);
    expect(await runRule('form.deadline', rec, d, late, undefined, { deadline: null })).toEqual([]);
    const [passed] = await runRule('form.deadline', rec, d, late, undefined, { deadline: '2026-02-10' });
    expect(passed).toMatchObject({ severity: 'warning', fields: ['fillDate'] });
    expect(passed!.message.zh).toContain('2026-02-10');
    // Unset in the settings (undefined) is the notice's date, the pack's default.
    expect(await runRule('form.deadline', rec, d, late)).toHaveLength(1);
  });

  it('does nothing for a form without a deadline', async () => {
    expect(await runRule('form.deadline', forms.degreeRecord, validDegreeRecord(), new Date('2030-01-01'))).toEqual([]);
  });

  it('computes the China calendar day', () => {
    expect(chinaDate(new Date('2024-08-09T16:00:00Z'))).toBe('2024-08-10');
    expect(chinaDate(new Date('2024-08-09T15:59:59Z'))).toBe('2024-08-09');
  });
});
