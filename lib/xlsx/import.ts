/**
 * Spreadsheet grids → drafts, with a report of every problem by spreadsheet row and column.
 *
 * The form is recognised from the headers (labels, synonyms or pinyin codes of each form pack). A form with a group
 * (the recommendation) becomes one draft: the header block above the table (`推荐单位：…`) fills the top-level fields,
 * each table row one group row. A form without groups (the degree record) becomes one draft per row.
 *
 * All-or-nothing: `selectImport(report, 'all')` refuses when any data row has an error; `'clean'` takes the rows
 * without errors and names the rows left out. Findings about the form as a whole (too few schools, the deadline) and
 * about the header block are reported but block nothing: an imported draft is still a draft.
 */
import type { Bilingual, FieldDef, FormData, FormDefinition } from '../forms/types';
import { emptyRow, forms, isBlankRow, parseFieldPath } from '../forms';
import type { Finding, Severity } from '../rules/types';
import { displayText, fieldValue, type RawCell } from './cells';
import { t } from '../i18n';
import { bilingual, fail } from './errors';
import { headerKey, headerMatcher, type HeaderMatcher } from './headers';
import { tableColumns } from './layout';
import type { GridRow, SheetGrid } from './read';
import { columnLetter } from './workbook';

export type Checker = (form: FormDefinition, data: FormData) => Finding[];

export interface ImportColumn {
  /** Column letter (`C`). */
  column: string;
  header: string;
  /** Field key, or undefined for an unrecognised column. */
  field?: string;
  /** The field this column would map to, had an earlier column not taken it. */
  duplicateOf?: string;
}

/** One line of the import report. `row` is the spreadsheet row number, null for whole-form findings. */
export interface ImportIssue {
  row: number | null;
  column: string | null;
  header: string | null;
  value: string;
  ruleId: string;
  severity: Severity;
  fields: string[];
  message: Bilingual;
  clause?: string;
  fix?: Bilingual;
  /** The problem keeps its row out of an all-or-nothing import. */
  blocking: boolean;
}

export interface ImportedDraft {
  title: string;
  data: FormData;
  /** Spreadsheet rows this draft came from (a record's row, or the table rows of a group form, in order). */
  rows: number[];
  /** Rows among `rows` with a blocking problem. */
  badRows: number[];
  /** Where each header-block field of a group form was read (empty for a record form: its fields are all on `rows[0]`). */
  cells: Record<string, { row: number; column: string }>;
}

export interface SheetImport {
  formId: string;
  sheet: string;
  headerRow: number;
  columns: ImportColumn[];
  unmapped: ImportColumn[];
  /** Keys of the table's fields the sheet has no column for: not judged per row. */
  absent: string[];
  drafts: ImportedDraft[];
  issues: ImportIssue[];
}

/** How far an import is: reading the file (no count until it is parsed), then checking its rows. */
export type ImportProgress = { stage: 'read' } | { stage: 'check'; done: number; total: number };

export interface ImportOptions {
  check: Checker;
  /** Restrict recognition to one form. */
  formId?: string;
  /** Title for drafts of a group form (e.g. the file name). */
  title?: string;
  /** Called as the import goes (a page shows a progress bar; a long check yields to it between rows). */
  onProgress?: (p: ImportProgress) => void;
  /** Aborting stops the import between rows with `excel.error.cancelled`; nothing has been written by then. */
  signal?: AbortSignal;
}

/** How long the row check runs before it lets the page repaint and notices a cancel. */
const YIELD_EVERY_MS = 50;

/** Gives the event loop a turn (a repaint, a click on Cancel) and stops if the import was cancelled meanwhile. */
async function pause(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (signal?.aborted) fail('excel.error.cancelled');
}

const HEADER_SCAN_ROWS = 30;
const MIN_HEADER_MATCHES = 2;
const INDEX_HEADERS = new Set(['序号', '编号', 'no', 'no.', '#', 'index'].map(headerKey));
const STOP_PREFIXES = ['填表说明', '说明', '注:', '备注:', '附注'].map(headerKey);

interface HeaderHit {
  form: FormDefinition;
  grid: SheetGrid;
  rowIndex: number;
  columns: ImportColumn[];
  byColumn: Map<number, FieldDef>;
  score: number;
}

/** Reads the sheet holding a form (recognised from its headers) into drafts plus a report. Throws XlsxError. */
export async function importGrids(grids: SheetGrid[], opts: ImportOptions): Promise<SheetImport> {
  const candidates = opts.formId ? [forms[opts.formId as keyof typeof forms]].filter(Boolean) : Object.values(forms);
  if (!candidates.length) fail('excel.error.unknownForm', { form: opts.formId ?? '' });
  let best: HeaderHit | undefined;
  for (const grid of grids) {
    for (const form of candidates) {
      const hit = findHeader(grid, form);
      if (hit && (!best || hit.score > best.score)) best = hit;
    }
  }
  if (!best) fail('excel.error.wrongHeaders');
  return best.form.groups[0] ? importGroupForm(best, opts) : importRecords(best, opts);
}

function textOf(cell: RawCell | undefined): string {
  return cell ? displayText(cell.raw).trim() : '';
}

function findHeader(grid: SheetGrid, form: FormDefinition): HeaderHit | undefined {
  const matcher = headerMatcher(tableColumns(form));
  let best: HeaderHit | undefined;
  grid.rows.slice(0, HEADER_SCAN_ROWS).forEach((row, rowIndex) => {
    const { columns, byColumn } = mapColumns(row, matcher);
    const score = new Set(byColumn.values()).size;
    if (score >= MIN_HEADER_MATCHES && (!best || score > best.score)) best = { form, grid, rowIndex, columns, byColumn, score };
  });
  return best;
}

function mapColumns(row: GridRow, matcher: HeaderMatcher): { columns: ImportColumn[]; byColumn: Map<number, FieldDef> } {
  const columns: ImportColumn[] = [];
  const byColumn = new Map<number, FieldDef>();
  const used = new Set<string>();
  row.cells.forEach((cell, i) => {
    const header = textOf(cell);
    if (!header) return;
    const field = matcher.match(header);
    if (field && !used.has(field.key)) {
      used.add(field.key);
      byColumn.set(i, field);
      columns.push({ column: columnLetter(i + 1), header, field: field.key });
    } else columns.push({ column: columnLetter(i + 1), header, ...(field ? { duplicateOf: field.key } : {}) });
  });
  return { columns, byColumn };
}

/** Report lines for the columns we could not use (never silently ignored). */
function columnIssues(hit: HeaderHit, headerRow: number): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const c of hit.columns) {
    if (c.field || INDEX_HEADERS.has(headerKey(c.header))) continue;
    const dup = c.duplicateOf;
    issues.push({
      row: headerRow,
      column: c.column,
      header: c.header,
      value: c.header,
      ruleId: dup ? 'xlsx.duplicate-column' : 'xlsx.unmapped-column',
      severity: 'warning',
      fields: dup ? [dup] : [],
      message: dup
        ? bilingual('excel.issue.duplicateColumn', { header: c.header, field: dup })
        : bilingual('excel.issue.unmapped', { header: c.header }),
      blocking: false,
    });
  }
  return issues;
}

/** Table fields the sheet has no column for: reported once, and not judged on every row (issue 14). */
function absentFields(hit: HeaderHit): FieldDef[] {
  const present = new Set([...hit.byColumn.values()].map((f) => f.key));
  return tableColumns(hit.form).filter((f) => !present.has(f.key));
}

function absentIssue(fields: FieldDef[], headerRow: number): ImportIssue[] {
  // Named when a rule would have asked for a value there; a derived field (是否联合培养 from the partner university)
  // is worked out, not missed, and an optional column nobody keeps is no news.
  const missing = new Set(fields.map((f) => f.key));
  const absent = fields.filter((f) => !f.derivedFrom && (f.required || (f.requiredWhen && !missing.has(f.requiredWhen.key))));
  if (!absent.length) return [];
  return [
    {
      row: headerRow,
      column: null,
      header: null,
      value: '',
      ruleId: 'xlsx.missing-column',
      // The submission lacks a required column: an error to fix before it goes out, though the import may go on.
      severity: absent.some((f) => f.required) ? 'error' : 'warning',
      fields: absent.map((f) => f.key),
      message: {
        zh: t('excel.issue.missingColumns', { headers: absent.map((f) => `「${f.label.zh}」`).join('、') }, 'zh-CN'),
        en: t('excel.issue.missingColumns', { headers: absent.map((f) => `"${f.label.en}"`).join(', ') }, 'en'),
      },
      blocking: false,
    },
  ];
}

/** A finding only about fields the sheet has no column for says nothing about the row: the column is reported once. */
export function aboutAbsentOnly(f: Finding, absent: Set<string>): boolean {
  return f.fields.length > 0 && f.fields.every((p) => absent.has(parseFieldPath(p)?.key ?? ''));
}

/** Data rows under the header: skips a second header line (codes under labels), blank rows; stops at notes/signature. */
function dataRows(hit: HeaderHit, stopKeys: string[]): GridRow[] {
  const rows = hit.grid.rows.slice(hit.rowIndex + 1);
  const out: GridRow[] = [];
  for (const [i, row] of rows.entries()) {
    if (i === 0) {
      const again = mapColumns(row, headerMatcher(tableColumns(hit.form))).byColumn;
      if (again.size >= MIN_HEADER_MATCHES && [...again.keys()].every((c) => hit.byColumn.get(c) === again.get(c))) continue;
    }
    const filled = row.cells.filter((c) => c && c.raw.kind !== 'empty');
    const first = headerKey(textOf(filled[0]));
    if (filled.length <= 2 && [...STOP_PREFIXES, ...stopKeys].some((p) => p && first.startsWith(p))) break;
    if ([...hit.byColumn.keys()].every((c) => !textOf(row.cells[c]))) continue;
    out.push(row);
  }
  return out;
}

interface ReadRow {
  values: Record<string, string>;
  issues: ImportIssue[];
}

function readRow(hit: HeaderHit, row: GridRow): ReadRow {
  const values: Record<string, string> = {};
  const issues: ImportIssue[] = [];
  for (const f of tableColumns(hit.form)) values[f.key] = '';
  for (const [col, field] of hit.byColumn) {
    const cell = row.cells[col];
    if (!cell) continue;
    const { value, problem } = fieldValue(field, cell.raw);
    values[field.key] = value;
    if (!problem && !cell.formula) continue;
    const at = {
      row: row.number,
      column: columnLetter(col + 1),
      header: textOf(hit.grid.rows[hit.rowIndex]?.cells[col]),
      value: displayText(cell.raw),
    };
    if (problem === 'precision') {
      issues.push({
        ...at,
        ruleId: 'xlsx.number-precision',
        severity: 'error',
        fields: [field.key],
        message: bilingual('excel.issue.precision', { value: at.value }),
        blocking: true,
      });
    }
    if (cell.formula) {
      issues.push({
        ...at,
        ruleId: 'xlsx.formula',
        severity: 'warning',
        fields: [field.key],
        message: bilingual('excel.issue.formula', { value: at.value }),
        blocking: false,
      });
    }
  }
  return { values, issues };
}

async function importRecords(hit: HeaderHit, opts: ImportOptions): Promise<SheetImport> {
  const form = hit.form;
  const headerRow = hit.grid.rows[hit.rowIndex]!.number;
  const absent = absentFields(hit);
  const absentKeys = new Set(absent.map((f) => f.key));
  const issues = [...columnIssues(hit, headerRow), ...absentIssue(absent, headerRow)];
  const drafts: ImportedDraft[] = [];
  const rows = dataRows(hit, signatureKeys(form));
  if (!rows.length) fail('excel.error.noRows');
  const columnOf = columnIndex(hit);
  let lastPause = performance.now();
  for (const [done, row] of rows.entries()) {
    if (performance.now() - lastPause > YIELD_EVERY_MS) {
      opts.onProgress?.({ stage: 'check', done, total: rows.length });
      await pause(opts.signal);
      lastPause = performance.now();
    }
    const read = readRow(hit, row);
    const data: FormData = { fields: read.values, groups: {} };
    const rowIssues = [...read.issues];
    for (const f of opts.check(form, data)) {
      if (aboutAbsentOnly(f, absentKeys)) continue;
      const key = parseFieldPath(f.fields[0] ?? '')?.key;
      const col = key === undefined ? undefined : columnOf.get(key);
      rowIssues.push(findingIssue(f, row.number, col, hit, row, true));
    }
    for (const i of rowIssues) issues.push(i);
    drafts.push({
      title: recordTitle(form, data, row.number),
      data,
      rows: [row.number],
      cells: {},
      badRows: rowIssues.some((i) => i.blocking) ? [row.number] : [],
    });
  }
  return {
    formId: form.id,
    sheet: hit.grid.name,
    headerRow,
    columns: hit.columns,
    unmapped: hit.columns.filter((c) => !c.field && !INDEX_HEADERS.has(headerKey(c.header))),
    absent: [...absentKeys],
    drafts,
    issues: sortIssues(issues),
  };
}

function importGroupForm(hit: HeaderHit, opts: ImportOptions): SheetImport {
  const form = hit.form;
  const group = form.groups[0]!;
  const headerRow = hit.grid.rows[hit.rowIndex]!.number;
  const absent = absentFields(hit);
  const absentKeys = new Set(absent.map((f) => f.key));
  const issues = [...columnIssues(hit, headerRow), ...absentIssue(absent, headerRow)];
  const rows = dataRows(hit, signatureKeys(form));
  const tableEnd = rows.length ? rows[rows.length - 1]!.number : headerRow;

  // Header block: above the table, then (for the date) under it.
  const fieldsAt = new Map<string, LabelledValue>();
  const block = headerMatcher(form.fields);
  const above = hit.grid.rows.slice(0, hit.rowIndex);
  const below = hit.grid.rows.filter((r) => r.number > tableEnd);
  for (const row of [...above, ...below]) readLabelledCells(row, block, fieldsAt);
  const fields: Record<string, string> = Object.fromEntries(form.fields.map((f) => [f.key, fieldsAt.get(f.key)?.value ?? '']));

  let read = rows.map((r) => ({ row: r, ...readRow(hit, r) }));
  if (group.maxRows !== undefined && read.length > group.maxRows) {
    const extra = read[group.maxRows]!.row.number;
    issues.push({
      row: extra,
      column: null,
      header: null,
      value: '',
      ruleId: 'xlsx.too-many-rows',
      severity: 'warning',
      fields: [group.key],
      message: bilingual('excel.issue.tooManyGroupRows', { max: group.maxRows }),
      blocking: false,
    });
    read = read.slice(0, group.maxRows);
  }
  const groupRows = read.map((r) => r.values);
  while (groupRows.length < group.minRows) groupRows.push(emptyRow(group));
  const data: FormData = { fields, groups: { [group.key]: groupRows } };
  for (const r of read) for (const i of r.issues) issues.push(i);

  const columnOf = columnIndex(hit);
  for (const f of opts.check(form, data)) {
    const ref = parseFieldPath(f.fields[0] ?? '');
    if (ref?.group !== undefined && aboutAbsentOnly(f, absentKeys)) continue;
    if (ref?.group !== undefined) {
      const src = read[ref.row];
      issues.push(findingIssue(f, src?.row.number ?? null, columnOf.get(ref.key), hit, src?.row, true));
    } else if (ref && fieldsAt.has(ref.key)) {
      const at = fieldsAt.get(ref.key)!;
      issues.push({
        ...findingBase(f),
        row: at.row.number,
        column: columnLetter(at.col + 1),
        header: at.label,
        value: at.value,
        blocking: false,
      });
    } else {
      issues.push({ ...findingBase(f), row: null, column: null, header: null, value: ref ? (fields[ref.key] ?? '') : '', blocking: false });
    }
  }
  const badRows = [...new Set(issues.filter((i) => i.blocking && i.row !== null).map((i) => i.row!))];
  return {
    formId: form.id,
    sheet: hit.grid.name,
    headerRow,
    columns: hit.columns,
    unmapped: hit.columns.filter((c) => !c.field && !INDEX_HEADERS.has(headerKey(c.header))),
    absent: [...absentKeys],
    drafts: [
      {
        title: opts.title || fields.recommendingUnit || form.title.zh,
        data,
        rows: read.map((r) => r.row.number),
        badRows,
        cells: Object.fromEntries([...fieldsAt].map(([key, at]) => [key, { row: at.row.number, column: columnLetter(at.col + 1) }])),
      },
    ],
    issues: sortIssues(issues),
  };
}

interface LabelledValue {
  row: GridRow;
  col: number;
  value: string;
  label: string;
}

/** `推荐单位：XX` in one cell, or `推荐单位` / `推荐单位：` followed by the value in the next filled cell. First one wins. */
function readLabelledCells(row: GridRow, matcher: HeaderMatcher, out: Map<string, LabelledValue>): void {
  row.cells.forEach((cell, i) => {
    if (!cell || cell.raw.kind !== 'text') return;
    const text = cell.raw.text.trim();
    const colon = text.search(/[:：]/);
    const label = colon >= 0 ? text.slice(0, colon) : text;
    if (!label || label.length > 16) return;
    const field = matcher.match(label);
    if (!field || out.has(field.key)) return;
    const inline = colon >= 0 ? text.slice(colon + 1).trim() : '';
    if (inline) {
      out.set(field.key, { row, col: i, label, value: fieldValue(field, { kind: 'text', text: inline }).value });
      return;
    }
    for (let j = i + 1; j < row.cells.length; j++) {
      const next = row.cells[j];
      if (!next || next.raw.kind === 'empty') continue;
      // The next filled cell is another label: this one has no value.
      if (next.raw.kind === 'text' && /[:：]\s*$/.test(next.raw.text)) return;
      const value = fieldValue(field, next.raw).value;
      // A printed blank such as `    年  月  日` under the signature is not a date.
      if (field.type === 'date' && !/\d/.test(value)) return;
      out.set(field.key, { row, col: j, label, value });
      return;
    }
  });
}

function signatureKeys(form: FormDefinition): string[] {
  return form.layout?.signature ? [headerKey(form.layout.signature.zh)] : [];
}

function columnIndex(hit: HeaderHit): Map<string, number> {
  return new Map([...hit.byColumn].map(([col, f]) => [f.key, col]));
}

function findingBase(f: Finding): Pick<ImportIssue, 'ruleId' | 'severity' | 'fields' | 'message' | 'clause' | 'fix'> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    fields: f.fields,
    message: f.message,
    clause: f.clause,
    ...(f.fix ? { fix: f.fix } : {}),
  };
}

function findingIssue(
  f: Finding,
  row: number | null,
  col: number | undefined,
  hit: HeaderHit,
  src: GridRow | undefined,
  rowLevel: boolean,
): ImportIssue {
  return {
    ...findingBase(f),
    row,
    column: col === undefined ? null : columnLetter(col + 1),
    header: col === undefined ? null : textOf(hit.grid.rows[hit.rowIndex]?.cells[col]),
    value: col === undefined || !src ? '' : textOf(src.cells[col]),
    blocking: rowLevel && row !== null && f.severity === 'error',
  };
}

function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues.sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').length - (b.column ?? '').length || (a.column ?? '').localeCompare(b.column ?? ''),
  );
}

function recordTitle(form: FormDefinition, data: FormData, row: number): string {
  const name = data.fields.name ?? '';
  const id = data.fields.studentNo || data.fields.idNumber || '';
  return [name, id].filter(Boolean).join(' ') || `${form.title.zh} #${row}`;
}

/**
 * The spreadsheet row a finding about `draft` points to: the row of the group row or record it names, the header-block
 * row of a top-level field, or null for findings about the form as a whole (too few schools, the deadline).
 */
export function rowOfFinding(report: SheetImport, draft: ImportedDraft, finding: Pick<Finding, 'fields'>): number | null {
  const form = forms[report.formId as keyof typeof forms] as FormDefinition;
  const ref = parseFieldPath(finding.fields[0] ?? '');
  if (!form.groups[0]) return draft.rows[0] ?? null;
  if (!ref) return null;
  if (ref.group !== undefined) return draft.rows[ref.row] ?? null;
  return draft.cells[ref.key]?.row ?? null;
}

/** The sheet column a finding is about (its first field's), with the header as written there. */
export function columnOfFinding(report: SheetImport, finding: Pick<Finding, 'fields'>): ImportColumn | undefined {
  const key = parseFieldPath(finding.fields[0] ?? '')?.key;
  return key === undefined ? undefined : report.columns.find((c) => c.field === key);
}

export type ImportMode = 'all' | 'clean';

export interface Selection {
  drafts: Array<{ formId: string; title: string; data: FormData }>;
  /** Spreadsheet rows left out (mode `clean`). */
  skippedRows: number[];
}

/**
 * What an import writes: everything (refused when any data row has an error) or only the clean rows.
 * Returns `{ ok: false }` with the count of bad rows in mode `all`.
 */
export function selectImport(report: SheetImport, mode: ImportMode): { ok: true; selection: Selection } | { ok: false; error: Bilingual } {
  const bad = report.drafts.flatMap((d) => d.badRows);
  if (mode === 'all' && bad.length) return { ok: false, error: bilingual('excel.error.blocked', { rows: bad.length }) };
  const form = forms[report.formId as keyof typeof forms] as FormDefinition;
  const group = form.groups[0];
  const drafts: Selection['drafts'] = [];
  for (const d of report.drafts) {
    if (!group) {
      if (!d.badRows.length) drafts.push({ formId: report.formId, title: d.title, data: d.data });
      continue;
    }
    const rows = (d.data.groups[group.key] ?? []).filter(
      (r, i) => !(d.rows[i] !== undefined && d.badRows.includes(d.rows[i]!)) && !(isBlankRow(r) && i >= d.rows.length),
    );
    while (rows.length < group.minRows) rows.push(emptyRow(group));
    drafts.push({ formId: report.formId, title: d.title, data: { ...d.data, groups: { ...d.data.groups, [group.key]: rows } } });
  }
  return { ok: true, selection: { drafts, skippedRows: [...new Set(bad)].sort((a, b) => a - b) } };
}
