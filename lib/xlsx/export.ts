import type { FormData, FormDefinition } from '../forms/types';
import { addLayoutSheet, type SheetOptions } from './layout';
import { fail } from './errors';
import { defaultLimits } from './guard';
import { newWorkbook, workbookBytes } from './workbook';

/** Records per workbook: as many as an import accepts. */
const MAX_EXPORT_RECORDS = defaultLimits.maxRows;

/**
 * A workbook in the official layout. For a form with a group (the recommendation) pass one draft's data; for a
 * record form (the degree record) pass one or many records, one row each.
 */
export async function exportFormXlsx(form: FormDefinition, records: FormData[], opts: SheetOptions = {}): Promise<Uint8Array> {
  // The form's own caps (200 schools): a 100,000-row draft would make a 1.6 GB workbook (issue 13 §6).
  for (const g of form.groups)
    for (const r of records)
      if (g.maxRows !== undefined && (r.groups[g.key]?.length ?? 0) > g.maxRows)
        fail('excel.error.tooManyGroupRowsExport', { max: g.maxRows });
  if (records.length > MAX_EXPORT_RECORDS) fail('excel.error.tooManyRows', { max: MAX_EXPORT_RECORDS, rows: records.length });
  const wb = newWorkbook();
  addLayoutSheet(wb, form, records, opts);
  return workbookBytes(wb);
}
