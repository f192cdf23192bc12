import { describe, expect, it } from 'vitest';
import { emptyRow, forms } from '../forms';
import type { FormData } from '../forms/types';
import { degreeRecord, degreeRecords, recommendationDraft } from '../../test/fixtures/xlsx/samples';
import { formChecker } from './checker';
import { exportFormXlsx, importSpreadsheet, selectImport } from '.';

const now = new Date(Date.UTC(2024, 7, 1));

async function roundTrip(formId: 'recommendation' | 'degreeRecord', records: FormData[], headers?: 'labels' | 'codes') {
  const form = forms[formId];
  const bytes = await exportFormXlsx(form, records, { headers });
  const r = await importSpreadsheet(bytes, 'x.xlsx', { check: await formChecker([], now) });
  if (!r.ok) throw new Error(r.error.en);
  return r.report;
}

describe('draft → xlsx → import → identical draft', () => {
  it('recommendation: long text, full-width characters, leading zeros, empty optional fields, 2024 date', async () => {
    const draft = recommendationDraft(6);
    const report = await roundTrip('recommendation', [draft]);
    expect(report.formId).toBe('recommendation');
    expect(report.drafts).toHaveLength(1);
    expect(report.drafts[0]!.data).toEqual(draft);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('recommendation with fewer filled rows than minRows keeps the blank rows', async () => {
    const draft = recommendationDraft(5);
    const group = forms.recommendation.groups[0]!;
    draft.groups.schools = [...draft.groups.schools!.slice(0, 3), emptyRow(group), emptyRow(group)];
    const report = await roundTrip('recommendation', [draft]);
    expect(report.drafts[0]!.data).toEqual(draft);
    // Too few schools is a whole-form finding: no row.
    const minCount = report.issues.find((i) => i.ruleId === 'school.min-count');
    expect(minCount?.row).toBeNull();
  });

  it('an entirely empty recommendation draft round-trips', async () => {
    const form = forms.recommendation;
    const draft: FormData = {
      fields: Object.fromEntries(form.fields.map((f) => [f.key, ''])),
      groups: { schools: Array.from({ length: 5 }, () => emptyRow(form.groups[0]!)) },
    };
    const bytes = await exportFormXlsx(form, [draft]);
    const r = await importSpreadsheet(bytes, 'x.xlsx', { check: () => [], formId: 'recommendation' });
    // No data rows at all: the table is empty, which a group form allows (the draft is blank).
    expect(r.ok && r.report.drafts[0]!.data).toEqual(draft);
  });

  it.each([['labels' as const], ['codes' as const]])(
    'degree records with %s as headers: dates before 1970 and in 2024, leading zeros',
    async (headers) => {
      const records = degreeRecords(4);
      expect(records[1]!.fields.birthDate).toBe('1965-03-07');
      expect(records[0]!.fields.studentNo).toMatch(/^0/);
      const report = await roundTrip('degreeRecord', records, headers);
      expect(report.formId).toBe('degreeRecord');
      expect(report.drafts.map((d) => d.data)).toEqual(records);
      expect(report.drafts.map((d) => d.rows)).toEqual([[3], [4], [5], [6]]);
      expect(report.issues).toEqual([]);
      const sel = selectImport(report, 'all');
      expect(sel.ok && sel.selection.drafts).toHaveLength(4);
    },
  );

  it('one degree record with empty optional fields', async () => {
    const rec = degreeRecord(7);
    for (const k of [
      'jointUniversity',
      'eduMasterDate',
      'eduMasterCertNo',
      'eduMasterUnit',
      'eduMasterUnitCode',
      'teacherCertStage',
      'teacherCertSubject',
      'remarks',
    ])
      rec.fields[k] = '';
    rec.fields.eduMasterAwarded = '否';
    const report = await roundTrip('degreeRecord', [rec]);
    expect(report.drafts[0]!.data).toEqual(rec);
  });
});
