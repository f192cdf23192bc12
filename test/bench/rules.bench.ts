// Live validation runs as the user types (debounced): the largest form must validate within 50 ms, a typical one
// (5 schools, one record) within a frame.
import { forms } from '../../lib/forms/index';
import type { FormData } from '../../lib/forms/types';
import { loadReferenceData } from '../../lib/reference/index';
import { rules, validate } from '../../lib/rules/index';
import { validDegreeRecord, validRecommendation, withRow } from '../../lib/rules/testing';
import { measure, type BenchRow } from './types';

export default async function (): Promise<BenchRow[]> {
  const t0 = performance.now();
  const refs = await loadReferenceData();
  const loadMs = performance.now() - t0;
  const now = new Date('2024-08-01T04:00:00Z');

  // 200 schools (the pack's maxRows), some with mistakes so every rule has work to do.
  const base = validRecommendation();
  let big: FormData = {
    ...base,
    groups: { schools: Array.from({ length: 200 }, (_, i) => ({ ...base.groups.schools![i % 5]!, schoolName: `学校${i}中学` })) },
  };
  big = withRow(big, 7, { creditCode: '12345', contactPhone: '1', city: '北京市' });
  const rec = forms.recommendation;
  const full = await measure(() => validate(rec, big, refs, now), 15, 3);
  const schemaOnly = await measure(() => rules['field.format'].check({ form: { ...rec, rules: [] }, data: big, refs, now }), 15, 3);

  const typical = await measure(() => validate(rec, base, refs, now), 15, 3);
  const typicalSchema = await measure(() => rules['field.format'].check({ form: { ...rec, rules: [] }, data: base, refs, now }), 15, 3);

  const deg = forms.degreeRecord;
  const records = Array.from({ length: 100 }, () => validDegreeRecord());
  const degMs = await measure(() => records.forEach((r) => validate(deg, r, refs, now)), 15, 3);
  const degSchema = await measure(
    () => records.forEach((r) => rules['field.format'].check({ form: { ...deg, rules: [] }, data: r, refs, now })),
    15,
    3,
  );

  return [
    {
      name: 'validate recommendation, 200 schools',
      medianMs: full,
      baselineName: 'zod field schemas only',
      baselineMs: schemaOnly,
      target: '≤ 50 ms',
      ok: full <= 50,
      notes: [`reference data cold load (incl. 2,631 universities): ${loadMs.toFixed(0)} ms`],
    },
    {
      name: 'validate 100 degree records',
      medianMs: degMs,
      baselineName: 'zod field schemas only',
      baselineMs: degSchema,
      target: '≤ 50 ms',
      ok: degMs <= 50,
    },
    {
      name: 'validate recommendation, 5 schools',
      medianMs: typical,
      baselineName: 'zod field schemas only',
      baselineMs: typicalSchema,
      target: '≤ 16 ms',
      ok: typical <= 16,
    },
  ];
}
