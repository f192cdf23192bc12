/**
 * The only module that imports ExcelJS (unmaintained since 2023): if it has to be replaced, this is the seam.
 * Everything else in lib/xlsx works on these re-exported types and the helpers below.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { preflightXlsx, defaultLimits, type XlsxLimits, type XlsxPreflight } from './guard';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type Cell = ExcelJS.Cell;
export type CellValue = ExcelJS.CellValue;
export type Borders = Partial<ExcelJS.Borders>;
export type DataValidation = ExcelJS.DataValidation;
export type CellStyle = Partial<ExcelJS.Style>;

export function newWorkbook(): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '国优表单助手';
  // Fixed timestamps keep exports reproducible (same draft → same bytes apart from the zip's own dates).
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  return wb;
}

export interface LoadOptions {
  limits?: XlsxLimits;
  /**
   * Reading only values: skip the parts a reader does not need (and which ExcelJS expands per cell, e.g. a data
   * validation over a whole column). Never for templates, whose formatting must survive.
   */
  valuesOnly?: boolean;
  /**
   * Last row a data validation may reach (templates). ExcelJS expands a validation range into one entry per cell: a
   * drop-down over a whole column (`F2:F1048576`, what Excel/WPS write when a column is selected) takes seconds to
   * load and half a minute to write. Longer ranges are cut at this row before loading.
   */
  maxValidationRow?: number;
}

/** Checks the file (see guard.ts), then loads it. Throws XlsxError with a bilingual reason on a bad file. */
export async function loadWorkbook(bytes: Uint8Array, opts: LoadOptions = {}): Promise<{ wb: Workbook; preflight: XlsxPreflight }> {
  const preflight = preflightXlsx(bytes, opts.limits ?? defaultLimits);
  if (!opts.valuesOnly) bytes = clipValidationRanges(bytes, opts.maxValidationRow ?? DEFAULT_MAX_VALIDATION_ROW);
  const wb = new ExcelJS.Workbook();
  const ignoreNodes = opts.valuesOnly
    ? ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'drawing', 'legacyDrawing']
    : [];
  // ExcelJS's type says Buffer; it hands the bytes to JSZip, which takes any Uint8Array/ArrayBuffer.
  await wb.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0], { ignoreNodes });
  return { wb, preflight };
}

export const DEFAULT_MAX_VALIDATION_ROW = 2000;

/** `sqref` ranges of data validations cut at `maxRow` (see LoadOptions). Returns the input when nothing is cut. */
export function clipValidationRanges(bytes: Uint8Array, maxRow: number): Uint8Array {
  // The sizes were checked by the preflight: inflating the parts here is safe.
  const files = unzipSync(bytes);
  let changed = false;
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    if (!xml.includes('<dataValidation')) continue;
    const clipped = xml.replace(/(<dataValidation\b[^>]*?\ssqref=")([^"]*)(")/g, (_m, open: string, sqref: string, close: string) => {
      const refs = sqref.split(/\s+/).map((ref) => {
        const m = /^([A-Z]+)(\d*):([A-Z]+)(\d*)$/.exec(ref);
        if (!m) return ref;
        const top = Number(m[2] || 1);
        const bottom = Number(m[4] || 1048576);
        return bottom > maxRow ? `${m[1]}${top}:${m[3]}${Math.max(top, maxRow)}` : ref;
      });
      return open + refs.join(' ') + close;
    });
    if (clipped !== xml) {
      files[name] = strToU8(clipped);
      changed = true;
    }
  }
  return changed ? zipSync(files, { level: 6 }) : bytes;
}

export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** Column letters for a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const thinBorder: Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A data validation over a range (`C5:C20`). ExcelJS has `dataValidations.add` but leaves it out of its types. */
export function addValidation(ws: Worksheet, range: string, dv: DataValidation): void {
  (ws as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(range, dv);
}
