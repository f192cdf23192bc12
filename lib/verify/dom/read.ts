import type { FieldHint } from '../../page/types';
import { scanRoot } from '../../page/scan';
import { matchControls } from '../../autofill/match';
import { DRIVERS } from '../../page/kits';
import { headingContextOf, textOf } from '../../page/infer-label';
import { labelKey } from '../../page/label-text';
import { isNonDataHeader, mapColumns, mapViewLabels } from '../columns';
import type { PageRead, ReadCell, ReadRecord, ReadRows, ReadTable } from '../types';
import { cellText, findTables } from './tables';

/**
 * Reading degree records out of a page, in the content script:
 * - list tables (plain, Element, Ant): columns mapped by header text; a table counts when it maps ≥ 3 columns;
 * - a record form: the autofill scan + matcher on its controls, values read through the autofill drivers;
 * - a read-only view: label elements (`th`, `dt`, `label`, short `span`/`td` texts) matched like labels, the value
 *   taken from the element right after the label.
 * Elements are kept in `Anchors` (in the content script's memory, never written into the page).
 */

export class Anchors {
  private els: HTMLElement[] = [];
  add(el: HTMLElement): number {
    this.els.push(el);
    return this.els.length - 1;
  }
  /** The ref the next `add` returns. */
  get size(): number {
    return this.els.length;
  }
  get(ref: number): HTMLElement | undefined {
    return this.els[ref];
  }
  clear(): void {
    this.els = [];
  }
}

/** A list needs this many mapped columns to be read as records (a layout table mapping one label is not a list). */
const MIN_MAPPED_COLUMNS = 3;

export function readTables(
  root: Document | ShadowRoot,
  hints: FieldHint[],
  anchors: Anchors,
): { lists: ReadRows[]; tables: ReadTable[]; inside: Set<Element> } {
  const lists: ReadRows[] = [];
  const tables: ReadTable[] = [];
  const inside = new Set<Element>();
  for (const grid of findTables(root)) {
    const cols = mapColumns(grid.headers, hints, grid.groups);
    const mapped: Record<number, string> = {};
    cols.forEach((k, i) => {
      if (k) mapped[i] = k;
    });
    const entries = Object.entries(mapped).map(([i, k]) => [Number(i), k] as const);
    if (entries.length < MIN_MAPPED_COLUMNS) continue;
    const index = tables.length;
    inside.add(grid.root);
    const list: ReadRows = { table: index, keys: entries.map(([, k]) => k), rowRefs: [], cellRefs: [], texts: [] };
    const columns = entries.map(([i]) => i);
    const { rowRefs, cellRefs, texts } = list;
    for (const row of grid.rows) {
      rowRefs.push(anchors.add(row.el));
      cellRefs.push(anchors.size);
      for (let c = 0; c < columns.length; c++) {
        // A short row (fewer cells than headers) still takes one anchor per column, so refs stay consecutive.
        const cell = row.cells[columns[c]!];
        anchors.add(cell ?? row.el);
        texts.push(cell ? cellText(cell) : '');
      }
    }
    lists.push(list);
    tables.push({
      index,
      headers: grid.headers,
      mapped,
      unmapped: grid.headers.filter((h, i) => h && !mapped[i] && labelKey(h) && !isNonDataHeader(h)),
      rows: grid.rows.length,
      kind: grid.kind,
    });
  }
  return { lists, tables, inside };
}

const CONTROL_TAGS = new Set(['input', 'select', 'textarea']);

/**
 * Whether the document has a form control outside the list tables. The list tables are stepped over whole: counting
 * controls through tag collections walked the entire document (every table cell) three times for the page and three
 * for its lists after each DOM change, more than a millisecond for a 1,000-row list.
 */
export function hasControlOutside(root: Document, skip: Set<Element>): boolean {
  const stack: Element[] = [];
  if (root.documentElement) stack.push(root.documentElement);
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (skip.has(el)) continue;
    if (CONTROL_TAGS.has(el.localName)) return true;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return false;
}

/** Values of the page's record form controls, by field key. */
export function readControls(root: Document, hints: FieldHint[], anchors: Anchors, skip: Set<Element>): Record<string, ReadCell> {
  const top = hints.filter((h) => !h.group);
  const inList = (el: Element) => [...skip].some((s) => s.contains(el));
  // The scan infers labels for every control; when all controls sit in list tables (row checkboxes), skip it.
  if (!hasControlOutside(root, skip)) return {};
  const controls = scanRoot(root).filter((c) => !inList(c.face));
  const out: Record<string, ReadCell> = {};
  for (const a of matchControls(controls, top)) {
    const c = a.control;
    let text = DRIVERS[c.kind].read(c);
    // A native select still on its "please choose" option has no value.
    if (c.kind === 'native-select' && (c.el as HTMLSelectElement).value === '') text = '';
    out[a.hint.key] = { ref: anchors.add(c.face), text: text.trim() };
  }
  return out;
}

const LABEL_TAGS = new Set(['TH', 'TD', 'DT', 'LABEL', 'SPAN', 'DIV', 'B', 'STRONG', 'P']);
const VALUE_TAGS = new Set(['TD', 'DD', 'SPAN', 'DIV', 'P', 'B', 'STRONG', 'EM', 'I', 'FONT']);
/** Children that make an element a block of rows or pairs rather than one label (`<div><p>姓名</p><p>张三</p></div>`). */
const BLOCK_TAGS = new Set(['DIV', 'P', 'TD', 'TH', 'TR', 'TABLE', 'DL', 'DT', 'DD', 'UL', 'OL', 'LI', 'FORM', 'SECTION']);
const CELL_TAGS = new Set(['TD', 'TH']);
const span = (cell: Element, attr: string) => Math.max(1, Number(cell.getAttribute(attr)) || 1);
/** A value holding one of these is a section's body (a card's table, a list), not one field's value. */
const SECTION_BODY = 'table, dl, ul, ol, form';

/** The element holding a label's value: the next element sibling (td after th, dd after dt, span after span). */
function valueElementOf(label: Element): HTMLElement | undefined {
  const next = label.nextElementSibling as HTMLElement | null;
  if (!next || !VALUE_TAGS.has(next.tagName)) return undefined;
  if (next.matches('input, select, textarea') || next.querySelector('input, select, textarea')) return undefined;
  return next;
}

/** Label-like elements outside the list tables, in document order (list tables are skipped whole, not per cell). */
function labelCandidates(root: Document, skip: Set<Element>): Element[] {
  const out: Element[] = [];
  const body = root.body ?? root.documentElement;
  if (!body) return out;
  const walker = root.createTreeWalker(body, 1 /* NodeFilter.SHOW_ELEMENT */, {
    acceptNode: (n) => {
      const el = n as Element;
      if (skip.has(el) || el.hasAttribute('data-guoyou')) return 2; // FILTER_REJECT: not its subtree either
      return LABEL_TAGS.has(el.tagName) ? 1 : 3; // FILTER_ACCEPT : FILTER_SKIP
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Element);
  return out;
}

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (BLOCK_TAGS.has(c.tagName)) return true;
  return false;
}

export interface ViewPair {
  label: Element;
  value: HTMLElement;
  /** The label's text. */
  text: string;
  /** What scopes the label: a section row of its table, a rowspan group cell, a card title or heading ('' when none). */
  context: string;
}

/**
 * A detail view read as a person reads it: label → value pairs in reading order (th/td and td/td rows, dt/dd, the
 * label and content of el-descriptions / a-descriptions, span pairs). Each element plays one part: a value is never
 * read again as the next label (`<td>姓名</td><td>张三</td><td>性别</td>…`); an element holding pairs of its own is
 * a row, not a label; a title whose "value" is a section's body (a card header before its table) is context.
 */
export function viewPairs(root: Document, skip: Set<Element>): ViewPair[] {
  const raw: Array<{ label: Element; value: HTMLElement; text: string }> = [];
  for (const el of labelCandidates(root, skip)) {
    // Leaf-ish labels only: short text, no blocks, followed by a value element.
    if (el.childElementCount > 2 || hasBlockChild(el)) continue;
    const value = valueElementOf(el);
    if (!value) continue;
    // A cell spanning more rows than the cell after it groups those rows (`<td rowspan="3">教育硕士</td><td>授予日期</td>`).
    if (CELL_TAGS.has(el.tagName) && span(el, 'rowspan') > span(value, 'rowspan')) continue;
    const text = textOf(el).trim();
    if (!text || text.length > 30 || !labelKey(text)) continue;
    raw.push({ label: el, value, text });
  }
  // How many candidate labels each element holds (strictly inside it).
  const holds = new Map<Element, number>();
  for (const p of raw) for (let a = p.label.parentElement; a; a = a.parentElement) holds.set(a, (holds.get(a) ?? 0) + 1);
  const out: ViewPair[] = [];
  const taken = new Set<Element>();
  for (const p of raw) {
    if (taken.has(p.label) || holds.has(p.label)) continue;
    if ((holds.get(p.value) ?? 0) > 1 || p.value.querySelector(SECTION_BODY)) continue;
    taken.add(p.value);
    out.push({ ...p, context: contextOfLabel(p.label) });
  }
  // One context over every label is the page's title (`查看学位授予信息`): it tells no two labels apart.
  if (out.length > 1 && out.every((p) => p.context === out[0]!.context)) for (const p of out) p.context = '';
  return out;
}

/**
 * The context of a detail view's label: in a table, a row above made of one spanning cell (`<tr><th colspan="4">教育
 * 硕士</th></tr>`) or a cell spanning rows at the start of the label's row (`<th rowspan="3">教育硕士</th>`); else the
 * section heading or card title before it.
 */
function contextOfLabel(label: Element): string {
  if (CELL_TAGS.has(label.tagName) && label.parentElement?.tagName === 'TR') {
    const tr = label.parentElement;
    let back = 0;
    for (let row: Element | null = tr; row && back < 50; row = row.previousElementSibling, back++) {
      if (row.tagName !== 'TR') continue;
      const first = row.firstElementChild;
      if (!first || !CELL_TAGS.has(first.tagName)) continue;
      if (row !== tr && first === row.lastElementChild && span(first, 'colspan') > 1) return textOf(first).trim();
      if (first !== label && span(first, 'rowspan') > Math.max(1, back) && (row !== tr || first.nextElementSibling === label))
        return textOf(first).trim();
    }
  }
  return headingContextOf(label);
}

/** Values of a read-only view: label elements matched to fields, values from the element after each label. */
export function readView(
  root: Document,
  hints: FieldHint[],
  anchors: Anchors,
  skip: Set<Element>,
  known: Set<string>,
): { cells: Record<string, ReadCell>; unmapped: string[] } {
  const pairs = viewPairs(root, skip);
  const keys = mapViewLabels(
    pairs.map((c) => c.text),
    hints.filter((h) => !known.has(h.key)),
    pairs.map((c) => c.context),
  );
  const cells: Record<string, ReadCell> = {};
  const unmapped: string[] = [];
  keys.forEach((k, i) => {
    const c = pairs[i]!;
    if (!k) {
      if (!isNonDataHeader(c.text)) unmapped.push(c.text.replace(/[:：\s]+$/, ''));
      return;
    }
    cells[k] = { ref: anchors.add(c.value), text: textOf(c.value).replace(/\s+/g, ' ').trim() };
  });
  return { cells, unmapped };
}

/** Everything one frame shows: its list tables' rows, plus one record from its form controls and read-only labels. */
export function readPage(doc: Document, hints: FieldHint[], anchors: Anchors): PageRead {
  const t0 = performance.now();
  anchors.clear();
  const { lists, tables, inside } = readTables(doc, hints, anchors);
  const records: ReadRecord[] = [];
  const controls = readControls(doc, hints, anchors, inside);
  const { cells: view, unmapped } = readView(doc, hints, anchors, inside, new Set(Object.keys(controls)));
  const single = { ...view, ...controls };
  // A lone match (a search box labelled 姓名 above a list) is not a record.
  if (Object.keys(single).length >= MIN_MAPPED_COLUMNS) {
    const source = Object.keys(controls).length >= Object.keys(view).length ? 'form' : 'view';
    const record: ReadRecord = { source, row: 0, ref: anchors.add(doc.body ?? doc.documentElement), cells: single };
    // A view's labels that name no field are reported once (a form's are the autofill's business).
    if (source === 'view' && unmapped.length) record.unmapped = [...new Set(unmapped)];
    records.push(record);
  }
  return { frameUrl: doc.location?.href ?? '', title: doc.title, records, lists, tables, ms: performance.now() - t0 };
}
