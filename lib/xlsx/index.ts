/**
 * Excel for the two official forms (issue 5). Everything takes and returns plain bytes (`Uint8Array`), so the same
 * code runs in extension pages and in the Node CLI. Functions that read a user's file return a `Result`: a bad file
 * is `{ ok: false, error: Bilingual }`, never an exception, and nothing is written anywhere.
 *
 * - `exportFormXlsx(form, records)`: the official layout (recommendation: one draft; degree record: 1…n records).
 * - `importSpreadsheet(bytes, fileName, { check })`: .xlsx/.csv → drafts + report (row, column, value, message);
 *   then `selectImport(report, 'all' | 'clean')`.
 * - `inspectTemplate(bytes, formId)` / `fillTemplate(bytes, form, records)`: the official template, kept as it is.
 * - `buildBackupZip(backup)` / `readBackupFile(bytes)` / `zipReader`: the admin archive around lib/backup's JSON
 *   (a protected one is lib/backup/sealed.ts's container around the zip).
 */
import type { FormData, FormDefinition } from '../forms/types';
import { attempt, fail, type Result } from './errors';
import { importGrids, type ImportOptions, type SheetImport } from './import';
import { readSpreadsheet, type ReadOptions } from './read';
import { fillTemplate as fill, inspectTemplate as inspect, type TemplateLayout } from './template';

export { exportFormXlsx } from './export';
export {
  aboutAbsentOnly,
  columnOfFinding,
  rowOfFinding,
  selectImport,
  type Checker,
  type ImportIssue,
  type ImportMode,
  type ImportProgress,
  type ImportedDraft,
  type Selection,
  type SheetImport,
} from './import';
export { buildBackupZip, draftFileName, readBackupFile, safeFileName, zipReader } from './backup-zip';
export { defaultLimits, type XlsxLimits } from './guard';
export type { TemplateLayout } from './template';
export type { Result } from './errors';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads a spreadsheet and recognises its form from the headers; every row validated with `check`. */
export function importSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  opts: ImportOptions & ReadOptions,
): Promise<Result<{ report: SheetImport }>> {
  return attempt(async () => {
    opts.onProgress?.({ stage: 'read' });
    const grids = await readSpreadsheet(bytes, fileName, opts);
    if (opts.signal?.aborted) fail('excel.error.cancelled');
    return { report: await importGrids(grids, opts) };
  });
}

export function inspectTemplate(bytes: Uint8Array, formId: string): Promise<Result<{ layout: TemplateLayout }>> {
  return attempt(async () => ({ layout: await inspect(bytes, formId) }));
}

export function fillTemplate(bytes: Uint8Array, form: FormDefinition, records: FormData[]): Promise<Result<{ bytes: Uint8Array }>> {
  return attempt(async () => ({ bytes: await fill(bytes, form, records) }));
}
