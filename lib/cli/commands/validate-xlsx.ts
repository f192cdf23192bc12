/**
 * The spreadsheet reader of `guoyou validate <file.xlsx|file.csv>`: the same import code as the extension
 * (lib/xlsx), the form recognised from the headers. Each finding's `row` is the spreadsheet row it is about (null for
 * whole-form findings); what the reading itself found — unmapped columns, identifiers that lost digits, formulas —
 * comes back as `issues`, so nothing is dropped silently.
 */
import { readInput } from '../input';
import path from 'node:path';
import { aboutAbsentOnly, columnOfFinding, importSpreadsheet, rowOfFinding } from '../../xlsx';
import type { ReadResult } from './validate';

export async function readSpreadsheetFile(file: string): Promise<ReadResult> {
  const bytes = await readInput(file);
  // Rules run in the validate command (one path for every input kind); here only the reading.
  const r = await importSpreadsheet(bytes, path.basename(file), { check: () => [] });
  if (!r.ok) return r;
  const { report } = r;
  const absent = new Set(report.absent);
  return {
    ok: true,
    sheet: true,
    drafts: report.drafts.map((d) => ({
      title: d.title,
      formId: report.formId,
      data: d.data,
      rows: d.rows,
      rowOf: (f) => rowOfFinding(report, d, f),
      columnOf: (f) => {
        const c = columnOfFinding(report, f);
        return c && { column: c.column, header: c.header };
      },
      // A column the sheet lacks is reported once (in `issues`), not as a finding on every row.
      ignore: (f) => aboutAbsentOnly(f, absent),
    })),
    issues: report.issues.map((i) => ({
      row: i.row,
      ruleId: i.ruleId,
      severity: i.severity,
      fields: i.fields,
      message: i.message,
      clause: `${report.sheet}!${i.column ?? ''}${i.row ?? ''}`,
    })),
  };
}
