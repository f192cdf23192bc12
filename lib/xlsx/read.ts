/**
 * Spreadsheet files (.xlsx or .csv) → plain grids of raw values. Nothing here knows about forms.
 * Formulas are never evaluated: a formula cell reads as the result cached in the file (or empty), flagged.
 */
import { rawFromCellValue, type RawCell } from './cells';
import { fail } from './errors';
import { isZip, defaultLimits, type XlsxLimits } from './guard';
import { parseCsv } from './csv';
import { loadWorkbook, type Worksheet } from './workbook';

export interface GridRow {
  /** 1-based spreadsheet row number. */
  number: number;
  /** Cells by 0-based column index; holes are empty cells. */
  cells: RawCell[];
}

export interface SheetGrid {
  name: string;
  rows: GridRow[];
}

export interface ReadOptions {
  limits?: XlsxLimits;
}

export type SpreadsheetKind = 'xlsx' | 'csv';

/** Which reader a file needs: by content (a zip is an .xlsx whatever its name), else by name. */
export function spreadsheetKind(bytes: Uint8Array, fileName = ''): SpreadsheetKind {
  if (isZip(bytes)) return 'xlsx';
  return /\.csv$/i.test(fileName) ? 'csv' : 'xlsx';
}

/** Reads every visible worksheet (or the one CSV table). Throws XlsxError with a bilingual reason. */
export async function readSpreadsheet(bytes: Uint8Array, fileName = '', opts: ReadOptions = {}): Promise<SheetGrid[]> {
  const limits = opts.limits ?? defaultLimits;
  if (spreadsheetKind(bytes, fileName) === 'csv') {
    const name = fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '') || 'CSV';
    return [{ name, rows: parseCsv(bytes, limits) }];
  }
  const { wb } = await loadWorkbook(bytes, { limits, valuesOnly: true });
  const sheets = wb.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined);
  if (!sheets.length) fail('excel.error.noSheet');
  const budget = { chars: limits.maxTextChars };
  return sheets.map((ws) => gridOf(ws, limits, budget));
}

/**
 * The grid of a sheet. Cell text is bounded here too (the guard bounds the XML; a shared string referenced by
 * thousands of cells is one string in the XML but thousands in the grids): no cell over Excel's 32,767 characters,
 * no more than `budget.chars` characters in all.
 */
export function gridOf(ws: Worksheet, limits: XlsxLimits = defaultLimits, budget = { chars: limits.maxTextChars }): SheetGrid {
  const rows: GridRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged range's value lives in its top-left cell; the others would repeat it.
      if (cell.isMerged && cell.master !== cell) return;
      const raw = rawFromCellValue(cell.value);
      const length = raw.raw.kind === 'text' ? raw.raw.text.length : 0;
      if (length > limits.maxCellChars) fail('excel.error.cellTooLong', { max: limits.maxCellChars });
      budget.chars -= length;
      if (budget.chars < 0) fail('excel.error.tooMuchText', { mb: Math.round(limits.maxTextChars / 1048576) });
      cells[col - 1] = raw;
    });
    if (cells.some((c) => c && c.raw.kind !== 'empty')) rows.push({ number, cells });
  });
  return { name: ws.name, rows };
}
