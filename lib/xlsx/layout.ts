/**
 * The official layout: what a form looks like as a printed sheet. A form with a repeated group (the recommendation)
 * prints its header fields as a block above one row per group row; a form without groups (the degree record) prints
 * one row per record. Both are the same "table" with a title, a header row, borders, widths and print setup.
 */
import type { FieldDef, FormData, FormDefinition } from '../forms/types';
import { isBlankRow } from '../forms';
import { cellForField, TEXT_FORMAT } from './cells';
import type { CellNotes } from './notes';
import { t } from '../i18n';
import { addValidation, columnLetter, thinBorder, type CellStyle, type DataValidation, type Workbook, type Worksheet } from './workbook';

/** The columns and rows of a form's table. */
export interface TableSpec {
  columns: FieldDef[];
  rows: Array<Record<string, string>>;
  /** Rows printed even when empty (a form's `minRows`), so a printed form has room to write. */
  minRows: number;
}

/** A form's table columns: its first group's fields, or its top-level fields when it has no group. */
export function tableColumns(form: FormDefinition): FieldDef[] {
  return form.groups[0]?.fields ?? form.fields;
}

/** Header-block fields: the layout's list for a group form; none for a one-row-per-record form. */
export function headerBlockFields(form: FormDefinition): FieldDef[] {
  if (!form.groups[0]) return [];
  const keys = form.layout?.headerFields ?? form.fields.map((f) => f.key);
  return keys.map((k) => form.fields.find((f) => f.key === k)).filter((f): f is FieldDef => !!f);
}

const DEFAULT_WIDTH: Record<FieldDef['type'], number> = {
  text: 16,
  textarea: 40,
  integer: 10,
  date: 12,
  select: 12,
  phone: 14,
  email: 22,
  idNumber: 20,
  code: 20,
};
/** Option lists longer than this go to a hidden sheet: Excel refuses an inline list formula over 255 characters. */
const INLINE_LIST_MAX = 250;

export interface SheetOptions {
  /** Header texts: Chinese labels (default) or the pinyin-initial codes of national templates (`XM`, `ZJHM`). */
  headers?: 'labels' | 'codes';
  /**
   * Per record, comments to attach to the cells of the fields they name (`errorNotes`): set when the user chose to
   * export a draft that still has errors. Notes about no one cell go on the title (or the record's 序号 cell).
   */
  notes?: CellNotes[];
}

/** The sheet is the official Chinese document whatever the UI language. */
const zh = (key: Parameters<typeof t>[0], params?: Record<string, string>) => t(key, params, 'zh-CN');

const titleFont = { name: '宋体', size: 16, bold: true };
const bodyFont = { name: '宋体', size: 10 };
const headFont = { name: '宋体', size: 10, bold: true };

/**
 * Adds a sheet in the official layout for `form` to `wb`. For a group form `records` holds one draft; for a record
 * form it holds one record per row.
 */
export function addLayoutSheet(wb: Workbook, form: FormDefinition, records: FormData[], opts: SheetOptions = {}): Worksheet {
  const group = form.groups[0];
  // Each printed row keeps the path prefix of the data row it shows (blank group rows are skipped), for the notes.
  const groupRows = group ? (records[0]?.groups[group.key] ?? []).map((r, i) => ({ r, i })).filter(({ r }) => !isBlankRow(r)) : [];
  const table: TableSpec = group
    ? { columns: group.fields, rows: groupRows.map(({ r }) => r), minRows: group.minRows }
    : { columns: form.fields, rows: records.map((r) => r.fields), minRows: 1 };
  const notes = opts.notes ?? [];
  const placed = notes.map(() => new Set<string>());
  const note = (cell: { note?: unknown }, record: number, path: string) => {
    const text = notes[record]?.get(path);
    if (!text) return;
    cell.note = text;
    placed[record]!.add(path);
  };
  const header = group ? (records[0]?.fields ?? {}) : {};
  const ws = wb.addWorksheet(sheetName(form), {
    views: [{ state: 'frozen', ySplit: 0, showGridLines: false }],
  });
  const width = table.columns.length + 1;
  const last = columnLetter(width);

  // Title, merged across the table.
  ws.mergeCells(`A1:${last}1`);
  const title = ws.getCell('A1');
  title.value = (form.layout?.sheetTitle ?? form.title).zh;
  title.font = titleFont;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;

  // Header block: label cell + value cell merged over two columns, as many pairs per row as fit.
  let r = 2;
  const blockFields = headerBlockFields(form);
  const perRow = Math.max(1, Math.floor(width / 3));
  blockFields.forEach((f, i) => {
    const row = r + Math.floor(i / perRow);
    const col = 1 + (i % perRow) * 3;
    const label = ws.getCell(row, col);
    label.value = `${f.label.zh}：`;
    label.font = headFont;
    label.alignment = { horizontal: 'right', vertical: 'middle' };
    ws.mergeCells(row, col + 1, row, col + 2);
    const cell = ws.getCell(row, col + 1);
    const out = cellForField(f, header[f.key]);
    cell.value = out.value;
    if (out.numFmt) cell.numFmt = out.numFmt;
    cell.font = bodyFont;
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
    if (f.options?.length) addValidation(ws, cell.address, listValidation(wb, f));
    note(cell, 0, f.key);
  });
  if (blockFields.length) r += Math.ceil(blockFields.length / perRow) + 1;

  // Table header.
  const headerRow = r;
  const head = ws.getRow(headerRow);
  head.values = [zh('excel.sheet.index'), ...table.columns.map((c) => (opts.headers === 'codes' ? (c.codes[0] ?? c.key) : c.label.zh))];
  head.height = 30;
  head.eachCell((cell) => {
    cell.font = headFont;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = thinBorder;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  });

  // One row per record / group row, at least `minRows`. Cells share a handful of style objects: ExcelJS maps a
  // style object it has seen to its style id at once, but works out a fresh object per cell (5× slower for 10,000 rows).
  const count = Math.max(table.rows.length, table.minRows);
  const firstData = headerRow + 1;
  const indexStyle: CellStyle = { font: bodyFont, border: thinBorder, alignment: { horizontal: 'center', vertical: 'middle' } };
  const shared = new Map<string, CellStyle>();
  const styleFor = (numFmt: string | undefined, wrap: boolean): CellStyle => {
    const key = `${numFmt ?? ''}|${wrap}`;
    let style = shared.get(key);
    if (!style) {
      style = { font: bodyFont, border: thinBorder, alignment: { vertical: 'middle', wrapText: wrap }, ...(numFmt ? { numFmt } : {}) };
      shared.set(key, style);
    }
    return style;
  };
  const wideColumn = table.columns.map((f) => f.type === 'textarea' || (f.width ?? 0) >= 20);
  for (let i = 0; i < count; i++) {
    const values = table.rows[i];
    const row = ws.getRow(firstData + i);
    const index = row.getCell(1);
    index.value = values ? i + 1 : null;
    index.style = indexStyle;
    table.columns.forEach((f, j) => {
      const cell = row.getCell(j + 2);
      const out = cellForField(f, values?.[f.key]);
      cell.value = out.value;
      cell.style = styleFor(out.numFmt, wideColumn[j]! || (values?.[f.key]?.length ?? 0) > 20);
      if (values) note(cell, group ? 0 : i, group ? `${group.key}[${groupRows[i]!.i}].${f.key}` : f.key);
    });
  }
  // Notes that found no cell (a whole-form finding such as too few schools): on the title, or the record's 序号.
  notes.forEach((byPath, record) => {
    const rest = [...byPath].filter(([path]) => !placed[record]!.has(path)).map(([, text]) => text);
    if (!rest.length) return;
    const cell = group ? title : ws.getCell(firstData + record, 1);
    cell.note = rest.join('\n');
  });
  const lastData = firstData + count - 1;

  // Drop-down lists on option columns (学段, 办学性质…), over the data rows.
  table.columns.forEach((f, j) => {
    if (!f.options?.length) return;
    const col = columnLetter(j + 2);
    addValidation(ws, `${col}${firstData}:${col}${lastData}`, listValidation(wb, f));
  });

  // Signature block: 推荐单位（盖章） and the date, under the table.
  let lastRow = lastData;
  if (form.layout?.signature) {
    const sig = lastData + 2;
    const half = Math.max(2, Math.floor(width / 2));
    ws.mergeCells(sig, 1, sig, half);
    const s = ws.getCell(sig, 1);
    s.value = `${form.layout.signature.zh}：`;
    s.font = headFont;
    s.alignment = { horizontal: 'left', vertical: 'middle' };
    const dateField = form.fields.find((f) => f.type === 'date' && blockFields.includes(f));
    const dateLabel = ws.getCell(sig + 2, half + 1);
    dateLabel.value = zh('excel.sheet.date');
    dateLabel.font = headFont;
    dateLabel.alignment = { horizontal: 'right' };
    ws.mergeCells(sig + 2, half + 2, sig + 2, Math.min(width, half + 4));
    const date = ws.getCell(sig + 2, half + 2);
    const out = dateField ? cellForField(dateField, header[dateField.key]) : { value: null };
    date.value = out.value ?? zh('excel.sheet.blankDate');
    date.numFmt = out.value instanceof Date ? 'yyyy"年"m"月"d"日"' : TEXT_FORMAT;
    date.font = bodyFont;
    date.alignment = { horizontal: 'left' };
    lastRow = sig + 2;
  }

  // Widths, and A4 landscape, fit to one page wide, header row repeated on every page.
  ws.getColumn(1).width = 6;
  table.columns.forEach((f, j) => (ws.getColumn(j + 2).width = f.width ?? DEFAULT_WIDTH[f.type]));
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, showGridLines: false }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    // ExcelJS puts `$` before each part: `A$1` comes out as the absolute `$A$1`.
    printArea: `A$1:${last}$${lastRow}`,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  ws.headerFooter = { oddFooter: zh('excel.sheet.footer') };
  return ws;
}

function sheetName(form: FormDefinition): string {
  // Excel: at most 31 characters, none of : \ / ? * [ ].
  return (form.layout?.sheetTitle ?? form.title).zh.replace(/[:\\/?*[\]]/g, '').slice(0, 31);
}

function listValidation(wb: Workbook, f: FieldDef): DataValidation {
  const values = (f.options ?? []).map((o) => o.value);
  const inline = values.join(',');
  let formula = `"${inline}"`;
  if (inline.length > INLINE_LIST_MAX || values.some((v) => v.includes(',') || v.includes('"'))) {
    const lists = wb.getWorksheet(zh('excel.sheet.options')) ?? wb.addWorksheet(zh('excel.sheet.options'), { state: 'veryHidden' });
    const col = lists.columnCount + 1;
    values.forEach((v, i) => (lists.getCell(i + 1, col).value = v));
    const letter = columnLetter(col);
    formula = `'${zh('excel.sheet.options')}'!$${letter}$1:$${letter}$${values.length}`;
  }
  return {
    type: 'list' as const,
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'warning' as const,
    errorTitle: f.label.zh,
    error: zh('excel.sheet.pickFromList', { field: f.label.zh }),
  };
}
