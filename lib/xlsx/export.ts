import type { FormData, FormDefinition } from '../forms/types';
import { addLayoutSheet, type SheetOptions } from './layout';
import { newWorkbook, workbookBytes } from './workbook';

/**
 * A workbook in the official layout. For a form with a group (the recommendation) pass one draft's data; for a
 * record form (the degree record) pass one or many records, one row each.
 */
export async function exportFormXlsx(form: FormDefinition, records: FormData[], opts: SheetOptions = {}): Promise<Uint8Array> {
  const wb = newWorkbook();
  addLayoutSheet(wb, form, records, opts);
  return workbookBytes(wb);
}
