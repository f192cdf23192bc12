/**
 * Filling an official template workbook: the header row and columns are found by header text (labels, synonyms,
 * codes of the form pack), values are written into the template's own cells, and everything else — fonts, borders,
 * merged cells, widths, print setup, validations, other sheets — stays as the template has it.
 *
 * When there are more rows than the template has room for above its footer (signature, notes), the footer is moved
 * down and the new rows copy the style of the template's last data row. We move rows ourselves: ExcelJS's
 * `spliceRows` leaves stale merge ranges behind (its merges are not shifted), which corrupts the file.
 */
import type { FieldDef, FormData, FormDefinition } from '../forms/types';
import { forms, isBlankRow } from '../forms';
import { cellForField, displayText, DATE_FORMAT, TEXT_FORMAT } from './cells';
import { fail } from './errors';
import { headerKey, headerMatcher } from './headers';
import { tableColumns } from './layout';
import { gridOf, type SheetGrid } from './read';
import { columnLetter, DEFAULT_MAX_VALIDATION_ROW, loadWorkbook, workbookBytes, type Cell, type Worksheet } from './workbook';

const HEADER_SCAN_ROWS = 30;
const INDEX_HEADERS = new Set(['序号', '编号', 'no', 'no.', '#', 'index'].map(headerKey));
const STOP_PREFIXES = ['填表说明', '说明', '注:', '附注'].map(headerKey);

export interface TemplateLayout {
  formId: string;
  sheet: string;
  headerRow: number;
  /** Column letter → field key, for the columns found. */
  columns: Record<string, string>;
  /** Header texts not matched to a field (reported, left untouched on fill). */
  unmapped: string[];
  /** First data row and the number of rows before the footer (null: no footer, unlimited). */
  firstDataRow: number;
  capacity: number | null;
}

interface Located extends TemplateLayout {
  ws: Worksheet;
  byColumn: Map<number, FieldDef>;
  indexColumn?: number;
  footerRow?: number;
}

/** Finds the form's table in a loaded template (the sheet and row with the most recognised headers). */
function locate(sheets: Array<{ ws: Worksheet; grid: SheetGrid }>, form: FormDefinition): Located | undefined {
  const matcher = headerMatcher(tableColumns(form));
  let best: Located | undefined;
  let bestScore = 1;
  for (const { ws, grid } of sheets) {
    for (const [ri, row] of grid.rows.slice(0, HEADER_SCAN_ROWS).entries()) {
      const byColumn = new Map<number, FieldDef>();
      const unmapped: string[] = [];
      let indexColumn: number | undefined;
      row.cells.forEach((c, i) => {
        const text = c ? displayText(c.raw).trim() : '';
        if (!text) return;
        const f = matcher.match(text);
        if (f && ![...byColumn.values()].includes(f)) byColumn.set(i, f);
        else if (INDEX_HEADERS.has(headerKey(text))) indexColumn = i;
        else unmapped.push(text);
      });
      if (byColumn.size <= bestScore) continue;
      bestScore = byColumn.size;
      // A second header line right under (codes under labels) is part of the header.
      let first = row.number + 1;
      const next = grid.rows[ri + 1];
      if (next?.number === first && next.cells.some((c, i) => c && byColumn.get(i) === matcher.match(displayText(c.raw)))) first++;
      let footerRow: number | undefined;
      for (const r of grid.rows.slice(ri + 1)) {
        const filled = r.cells.filter((c) => c && c.raw.kind !== 'empty');
        const key = filled[0] ? headerKey(displayText(filled[0].raw)) : '';
        const sig = form.layout?.signature ? headerKey(form.layout.signature.zh) : '';
        if (filled.length <= 2 && [...STOP_PREFIXES, sig].some((p) => p && key.startsWith(p))) {
          footerRow = r.number;
          break;
        }
      }
      best = {
        formId: form.id,
        sheet: ws.name,
        ws,
        headerRow: row.number,
        byColumn,
        indexColumn,
        columns: Object.fromEntries([...byColumn].map(([i, f]) => [columnLetter(i + 1), f.key])),
        unmapped,
        firstDataRow: first,
        capacity: footerRow === undefined ? null : Math.max(0, footerRow - first - blankGap(grid, footerRow, first)),
        footerRow,
      };
    }
  }
  return best;
}

/** Keep one blank row above a footer when the template has one there. */
function blankGap(grid: SheetGrid, footerRow: number, first: number): number {
  return footerRow - 1 >= first && !grid.rows.some((r) => r.number === footerRow - 1) ? 1 : 0;
}

async function open(bytes: Uint8Array, form: FormDefinition, rows = 0) {
  // Drop-downs over whole columns are cut below the rows we will write (see LoadOptions.maxValidationRow).
  const { wb } = await loadWorkbook(bytes, { maxValidationRow: Math.max(DEFAULT_MAX_VALIDATION_ROW, rows + HEADER_SCAN_ROWS + 100) });
  const sheets = wb.worksheets.map((ws) => ({ ws, grid: gridOf(ws) }));
  const found = locate(sheets, form);
  if (!found) fail('excel.error.templateNoHeader', { form: form.title.zh });
  return { wb, found, sheets };
}

/** Checks that a workbook is a usable template for `formId` and describes what was found. Throws XlsxError. */
export async function inspectTemplate(bytes: Uint8Array, formId: string): Promise<TemplateLayout> {
  const form = forms[formId as keyof typeof forms] as FormDefinition | undefined;
  if (!form) fail('excel.error.unknownForm', { form: formId });
  const { found } = await open(bytes, form);
  const { formId: id, sheet, headerRow, columns, unmapped, firstDataRow, capacity } = found;
  return { formId: id, sheet, headerRow, columns, unmapped, firstDataRow, capacity };
}

/**
 * Writes a draft (group form) or records (record form) into a copy of the template. Throws XlsxError when the
 * template has no recognisable header row.
 */
export async function fillTemplate(bytes: Uint8Array, form: FormDefinition, records: FormData[]): Promise<Uint8Array> {
  const { wb, found } = await open(bytes, form, form.groups[0] ? (form.groups[0].maxRows ?? 0) : records.length);
  const { ws } = found;
  const group = form.groups[0];
  const rows = group ? (records[0]?.groups[group.key] ?? []).filter((r) => !isBlankRow(r)) : records.map((r) => r.fields);

  if (group) writeHeaderBlock(ws, form, records[0]?.fields ?? {}, found);

  if (found.capacity !== null && rows.length > found.capacity && found.footerRow !== undefined) {
    const extra = rows.length - found.capacity;
    shiftRowsDown(ws, found.footerRow - blankGapRows(found), extra);
    const model = ws.getRow(found.firstDataRow + Math.max(0, found.capacity - 1));
    for (let i = found.capacity; i < rows.length; i++) copyRowStyle(ws, model, ws.getRow(found.firstDataRow + i));
  }
  rows.forEach((values, i) => {
    const row = ws.getRow(found.firstDataRow + i);
    if (found.indexColumn !== undefined) row.getCell(found.indexColumn + 1).value = i + 1;
    for (const [col, f] of found.byColumn) writeCell(row.getCell(col + 1), f, values[f.key]);
  });
  for (const sheet of wb.worksheets) {
    absolutePrintArea(sheet);
    compactValidations(sheet);
  }
  return workbookBytes(wb);
}

/**
 * Loaded validations are one entry per cell; ExcelJS's writer regroups them after sorting addresses as text (`C10`
 * before `C2`), which yields overlapping ranges. Regroup them ourselves: one range per validation, column and run
 * of consecutive rows.
 */
function compactValidations(ws: Worksheet): void {
  const model = validations(ws);
  const runs = new Map<unknown, Map<string, number[]>>();
  for (const [address, dv] of Object.entries(model)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!dv || !m) continue;
    const cols = runs.get(dv) ?? new Map<string, number[]>();
    runs.set(dv, cols);
    const rows = cols.get(m[1]!) ?? [];
    cols.set(m[1]!, rows);
    rows.push(Number(m[2]));
    delete model[address];
  }
  for (const [dv, cols] of runs) {
    for (const [col, rows] of cols) {
      rows.sort((a, b) => a - b);
      let start = rows[0]!;
      for (let i = 1; i <= rows.length; i++) {
        if (rows[i] === rows[i - 1]! + 1) continue;
        const end = rows[i - 1]!;
        model[start === end ? `${col}${start}` : `${col}${start}:${col}${end}`] = dv;
        start = rows[i]!;
      }
    }
  }
}

/** ExcelJS reads a print area as `A1:Q20` and writes `$A1:$Q20`; give the rows their `$` back. */
function absolutePrintArea(ws: Worksheet): void {
  const area = ws.pageSetup?.printArea;
  if (area) ws.pageSetup.printArea = area.replace(/\$?([A-Z]+)\$?(\d+)/g, '$1$$$2');
}

function blankGapRows(found: Located): number {
  return found.capacity !== null && found.footerRow !== undefined ? found.footerRow - found.firstDataRow - found.capacity : 0;
}

function writeCell(cell: Cell, f: FieldDef, value: string | undefined): void {
  const out = cellForField(f, value);
  cell.value = out.value;
  const current = cell.numFmt;
  // Keep the template's own formats; only give dates a date format and identifiers a text format where it has none.
  const wants = out.value instanceof Date ? DATE_FORMAT : out.numFmt === TEXT_FORMAT ? TEXT_FORMAT : undefined;
  if (wants && (!current || current === 'General' || (wants === DATE_FORMAT && !/[ymd]/i.test(current))))
    cell.style = { ...cell.style, numFmt: wants };
}

/** `推荐单位：` label cells above the table: the value goes into the next cell to the right, or after the colon. */
function writeHeaderBlock(ws: Worksheet, form: FormDefinition, values: Record<string, string>, found: Located): void {
  const matcher = headerMatcher(form.fields);
  const done = new Set<string>();
  const rows = [...Array(found.headerRow - 1).keys()].map((i) => i + 1);
  if (found.footerRow !== undefined) for (let r = found.footerRow; r <= ws.rowCount; r++) rows.push(r);
  for (const r of rows) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (c) => {
      if (!(c.isMerged && c.master !== c)) cells.push(c);
    });
    for (const cell of cells) {
      if (typeof cell.value !== 'string') continue;
      const text = cell.value.trim();
      const colon = text.search(/[:：]/);
      const label = colon >= 0 ? text.slice(0, colon) : text;
      if (!label || label.length > 16) continue;
      const f = matcher.match(label);
      if (!f || done.has(f.key)) continue;
      // Under the table, the signature line (推荐单位（盖章）：) is for the seal, not for a value; above it, a label
      // such as 推荐单位（盖章）： heads the unit's name.
      if (r > found.headerRow && form.layout?.signature && headerKey(text).startsWith(headerKey(form.layout.signature.zh))) continue;
      done.add(f.key);
      const target = nextCellRight(ws, cell);
      if (
        target &&
        (target.value === null || target.value === undefined || target.value === '' || !/[:：]\s*$/.test(String(target.value)))
      ) {
        writeCell(target, f, values[f.key]);
      } else {
        cell.value = `${text.slice(0, colon >= 0 ? colon : text.length)}：${values[f.key] ?? ''}`;
      }
    }
  }
}

/** The first cell right of `cell` that is not part of its merged range (the master of another range if merged). */
function nextCellRight(ws: Worksheet, cell: Cell): Cell | undefined {
  const r = Number(cell.row);
  let c = Number(cell.col) + 1;
  while (c <= Math.max(ws.columnCount, Number(cell.col) + 1)) {
    const next = ws.getCell(r, c);
    if (next.isMerged && next.master === cell) {
      c++;
      continue;
    }
    return next.isMerged ? next.master : next;
  }
  return undefined;
}

/** New data rows look like the template's last data row: height, cell styles and drop-down validations. */
function copyRowStyle(ws: Worksheet, from: ReturnType<Worksheet['getRow']>, to: ReturnType<Worksheet['getRow']>): void {
  const dv = validations(ws);
  to.height = from.height;
  from.eachCell({ includeEmpty: true }, (cell, col) => {
    to.getCell(col).style = { ...cell.style };
    const v = dv[cell.address];
    if (v) dv[`${columnLetter(col)}${to.number}`] = v;
  });
}

/** ExcelJS keeps validations per cell address in `dataValidations.model` (ranges are expanded on load). */
function validations(ws: Worksheet): Record<string, unknown> {
  return (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Moves rows `from`…end down by `n`: values, styles, heights, merges, validations and the print area. */
function shiftRowsDown(ws: Worksheet, from: number, n: number): void {
  const internal = ws as unknown as { _merges: Record<string, { model: MergeRange }> };
  const moved: MergeRange[] = [];
  for (const merge of Object.values(internal._merges)) {
    if (merge.model.top >= from) moved.push({ ...merge.model });
  }
  for (const m of moved) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  const last = ws.rowCount;
  for (let r = last; r >= from; r--) {
    const src = ws.getRow(r);
    const dst = ws.getRow(r + n);
    dst.height = src.height;
    src.eachCell({ includeEmpty: true }, (cell, col) => {
      const d = dst.getCell(col);
      d.value = cell.value;
      d.style = { ...cell.style };
      cell.value = null;
    });
  }
  for (const m of moved) ws.mergeCells(m.top + n, m.left, m.bottom + n, m.right);
  const dv = validations(ws);
  for (const address of Object.keys(dv).sort((a, b) => rowOf(b) - rowOf(a))) {
    const row = rowOf(address);
    if (row >= from) {
      dv[address.replace(/\d+$/, String(row + n))] = dv[address];
      delete dv[address];
    }
  }
  const area = ws.pageSetup.printArea;
  if (area) {
    ws.pageSetup.printArea = area.replace(/(\d+)$/, (row) => String(Number(row) >= from ? Number(row) + n : row));
  }
}

function rowOf(address: string): number {
  return Number(/(\d+)$/.exec(address)?.[1] ?? 0);
}
