import { headerLayers, textOf } from '../../page/infer-label';

/** Column header layers are read as the autofill reads them (one reading of colspan/rowspan for both). */
export { headerLayers };

/**
 * Finding list tables in a page and reading them as a grid: header texts per visual column, and the data rows with
 * their cells. Three shapes are met on registrars' systems:
 * - a plain `<table>` (header row in `<thead>`, or a first row of `<th>`),
 * - Element UI/Plus `el-table`: header and body in two separate `<table>`s (`.el-table__header` / `.el-table__body`),
 *   with duplicated fixed-column tables in Element UI 2 that must be skipped,
 * - Ant Design `ant-table`: one table, or header and body split when the table scrolls (`.ant-table-header`/`-body`).
 * Pure DOM reads, no layout.
 */

export interface TableGrid {
  kind: 'html' | 'element' | 'antd';
  /** The element marked as the table (jump-to target of the table). */
  root: HTMLElement;
  headers: string[];
  /** Per column, the text of a header spanning it from above (a `colspan` group, el-table/antd column group), or ''. */
  groups: string[];
  rows: Array<{ el: HTMLElement; cells: HTMLElement[] }>;
}

function cellsOf(tr: Element): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'TD' || c.tagName === 'TH') out.push(c as HTMLElement);
  return out;
}

/** Header texts per visual column from one or more header rows (rowspan/colspan expanded; the lowest text wins). */
export function headerGrid(rows: Element[]): string[] {
  return headerLayers(rows).headers;
}

/** Body cells by visual column (colspan repeats the cell). */
export function rowCells(tr: Element, cells: HTMLElement[] = cellsOf(tr)): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const cell of cells) {
    // A cell with no attributes at all spans one column: skip the attribute lookup (23,000 cells in a 1,000-row list).
    const span = cell.hasAttributes() ? Math.max(1, Number(cell.getAttribute('colspan')) || 1) : 1;
    for (let i = 0; i < span; i++) out.push(cell);
  }
  return out;
}

const directRows = (section: Element | null | undefined): HTMLElement[] =>
  section ? (Array.from(section.children).filter((c) => c.tagName === 'TR') as HTMLElement[]) : [];

function elementGrid(root: HTMLElement): TableGrid | undefined {
  // Element UI 2 repeats fixed columns in `.el-table__fixed(-right)`; the main wrappers hold every column.
  const head = Array.from(root.querySelectorAll('.el-table__header-wrapper thead, .el-table__header thead')).find(
    (t) => !t.closest('.el-table__fixed, .el-table__fixed-right'),
  );
  const body = Array.from(root.querySelectorAll('.el-table__body-wrapper tbody, .el-table__body tbody')).find(
    (t) => !t.closest('.el-table__fixed, .el-table__fixed-right'),
  );
  if (!head || !body || head.closest('.el-table') !== root) return undefined;
  const rows = directRows(body).filter((r) => r.classList.contains('el-table__row'));
  return { kind: 'element', root, ...headerLayers(directRows(head)), rows: rows.map((el) => ({ el, cells: rowCells(el) })) };
}

function antdGrid(root: HTMLElement): TableGrid | undefined {
  const head = root.querySelector('thead.ant-table-thead');
  const body = root.querySelector('tbody.ant-table-tbody');
  if (!head || !body) return undefined;
  // Virtual lists and the measure row are not records.
  const rows = directRows(body).filter((r) => r.classList.contains('ant-table-row'));
  return { kind: 'antd', root, ...headerLayers(directRows(head)), rows: rows.map((el) => ({ el, cells: rowCells(el) })) };
}

function sections(table: Element, tag: string): Element[] {
  return Array.from(table.children).filter((c) => c.tagName === tag);
}

function htmlGrid(table: HTMLElement): TableGrid | undefined {
  // Children rather than tHead/tBodies: the same code reads DOM implementations without the table API.
  const head = sections(table, 'THEAD')[0];
  let headRows = directRows(head);
  let bodyRows: HTMLElement[];
  if (headRows.length) {
    bodyRows = [...directRows(table), ...sections(table, 'TBODY').flatMap(directRows)];
  } else {
    const all = [...directRows(table), ...sections(table, 'TBODY').flatMap(directRows)];
    // Header rows: leading rows made only of <th>.
    let i = 0;
    while (i < all.length && cellsOf(all[i]!).length > 0 && cellsOf(all[i]!).every((c) => c.tagName === 'TH')) i++;
    headRows = all.slice(0, i);
    bodyRows = all.slice(i);
  }
  if (!headRows.length) return undefined;
  const { headers, groups } = headerLayers(headRows);
  const rows: TableGrid['rows'] = [];
  for (const el of bodyRows) {
    const cells = cellsOf(el);
    if (cells.length > 1) rows.push({ el, cells: rowCells(el, cells) }); // "no data" rows span the table
  }
  return { kind: 'html', root: table, headers, groups, rows };
}

/** Every list table of a document (or shadow root), outermost component first; nested tables are read on their own. */
export function findTables(root: Document | ShadowRoot | Element): TableGrid[] {
  const out: TableGrid[] = [];
  const claimed = new Set<Element>();
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('.el-table'))) {
    const g = elementGrid(el);
    if (!g) continue;
    out.push(g);
    for (const t of Array.from(el.querySelectorAll('table'))) claimed.add(t);
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('.ant-table'))) {
    const g = antdGrid(el);
    if (!g) continue;
    out.push(g);
    for (const t of Array.from(el.querySelectorAll('table'))) claimed.add(t);
  }
  for (const t of Array.from(root.querySelectorAll<HTMLElement>('table'))) {
    if (claimed.has(t)) continue;
    const g = htmlGrid(t);
    if (g && g.rows.length) out.push(g);
  }
  return out;
}

/** A cell's shown value: its text (nested controls' values included), whitespace collapsed. */
export function cellText(cell: HTMLElement): string {
  if (!cell.firstElementChild) return collapse(cell.textContent ?? '');
  const control = cell.querySelector<HTMLInputElement | HTMLSelectElement>(
    'input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select',
  );
  if (control) {
    if (control.tagName === 'SELECT') {
      const s = control as HTMLSelectElement;
      return s.selectedIndex >= 0 ? (s.options[s.selectedIndex]?.text ?? '').trim() : '';
    }
    return control.value.trim();
  }
  return collapse(textOf(cell));
}

function collapse(s: string): string {
  // Most cells hold one clean token: skip the regex work for them.
  return hasSpace(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

/** Whether `s` holds a character of the regex class `\s` (a character loop: cheaper than a regex call per cell). */
export function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32) {
      if (c === 32 || (c >= 9 && c <= 13)) return true;
    } else if (
      c >= 0xa0 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff)
    ) {
      return true;
    }
  }
  return false;
}
