import type { LabelCandidate, LabelSource } from './types';
import { labelKey } from './label-text';
import { COMPONENTS, FORM_ITEM_LABELS, onKitsChange } from './kits';

/**
 * Label inference for one control, the ways real pages express it (see issue 3 §1). Pure DOM reads, no layout:
 * runs in the content script and in unit tests on a DOM implementation. Caches per table live in `TableCache`.
 */

// Built from the kits loaded in this frame, again when a library's kit is loaded later (lib/page/kits/registry.ts).
export let FORM_ITEM_SELECTOR = '';
let CONTROL_SELECTOR = '';
onKitsChange(() => {
  FORM_ITEM_SELECTOR = FORM_ITEM_LABELS.map((f) => f.item).join(', ');
  CONTROL_SELECTOR = ['input:not([type=hidden]), select, textarea', ...COMPONENTS.map((c) => c.root)].join(', ');
});

/** Placeholder and title texts usually read `请输入学校名称`; the verb is not part of the label. */
const PROMPT_PREFIX = /^(请(输入|选择|填写|录入|选)|输入|选择|填写)/;

export interface TableInfo {
  /** Column index → header text, from the nearest header rows above (or the separate header table of el-table). */
  headerFor(row: Element): HeaderLayers | undefined;
  /** Index of the row among rows that hold controls below the same header (-1: not a repeated row). */
  rowIndex(row: Element): number;
  /** The caption row above `row` that titles its part of the table (`第1所学校`, `■ 教育硕士专业学位`), or ''. */
  captionFor(row: Element): string;
}

export type TableCache = WeakMap<Element, TableInfo>;

export function newTableCache(): TableCache {
  return new WeakMap();
}

/** Visible text of a node, without the text of nested controls (select options, textarea contents, our own overlays). */
export function textOf(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const tag = el.tagName;
  if (tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'OPTION' || tag === 'SCRIPT' || tag === 'STYLE' || el.hasAttribute('data-guoyou'))
    return '';
  if (!el.firstElementChild) return el.textContent ?? '';
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) s += textOf(c);
  return s;
}

/** A row number (`1`) or a lone symbol is not a label. */
const NOT_A_LABEL = /^[\d\p{P}\p{S}]*$/u;

/** Candidate key of a text ('' when it is no label), memoised per text: labels repeat down tables. */
const candidateMemo = [new Map<string, string>(), new Map<string, string>()] as const;

function candidateKey(text: string, stripPrompt: boolean): string {
  const memo = candidateMemo[stripPrompt ? 1 : 0];
  let k = memo.get(text);
  if (k === undefined) {
    k = labelKey(text);
    if (stripPrompt) k = k.replace(PROMPT_PREFIX, '');
    if (NOT_A_LABEL.test(k)) k = '';
    if (memo.size > 5000) memo.clear();
    memo.set(text, k);
  }
  return k;
}

/**
 * One candidate object per (source, text), shared by every control it labels: controls down a table hold the same
 * candidates, and a cold page pays for each object it allocates (candidates are read, never changed).
 */
const candidates = new Map<LabelSource, Map<string, LabelCandidate>>();

function add(out: LabelCandidate[], text: string | null | undefined, source: LabelSource, stripPrompt = false): void {
  if (!text) return;
  const k = candidateKey(text, stripPrompt);
  if (!k) return;
  for (let i = 0; i < out.length; i++) if (out[i]!.text === k) return;
  let bySource = candidates.get(source);
  if (!bySource) candidates.set(source, (bySource = new Map()));
  let cand = bySource.get(k);
  if (!cand) {
    if (bySource.size > 5000) bySource.clear();
    bySource.set(k, (cand = { text: k, source }));
  }
  out.push(cand);
}

function cellHasControl(cell: Element, pass?: ScanPass): boolean {
  return pass?.withControls ? pass.withControls.has(cell) : !!cell.querySelector(CONTROL_SELECTOR);
}

function visualIndex(cell: Element, pass?: ScanPass): number {
  // Number the whole row at once (colspans counted): every control of the row asks.
  const cols = pass?.colOf ?? new Map<Element, number>();
  let col = cols.get(cell);
  if (col === undefined) {
    let i = 0;
    for (let c = cell.parentElement?.firstElementChild ?? null; c; c = c.nextElementSibling) {
      cols.set(c, i);
      i += Number(c.getAttribute('colspan') ?? 1) || 1;
    }
    col = cols.get(cell) ?? 0;
  }
  return col;
}

function rowCells(row: Element): Element[] {
  const out: Element[] = [];
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (isCell(c)) out.push(c);
  return out;
}

export interface HeaderLayers {
  /** Per visual column, the lowest header text. */
  headers: string[];
  /** Per visual column, the nearest different text above it (a `colspan` group such as `教育硕士`), or ''. */
  groups: string[];
}

/**
 * The lowest header text per column and the nearest different text above it, from one or more header rows
 * (rowspan/colspan expanded): `主学位` and `教育硕士` spanning the same three short labels (`授予单位`, `日期`,
 * `证书编号`) are their groups — context for matching, not labels.
 */
export function headerLayers(rows: Element[]): HeaderLayers {
  const grid: string[][] = [];
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const cell of rowCells(tr)) {
      while (grid[r]![col] !== undefined) col++;
      const colspan = Math.max(1, Number(cell.getAttribute('colspan')) || 1);
      const rowspan = Math.max(1, Number(cell.getAttribute('rowspan')) || 1);
      const text = textOf(cell).replace(/\s+/g, ' ').trim();
      for (let dr = 0; dr < rowspan && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) grid[r + dr]![col + dc] = text;
      }
      col += colspan;
    }
  });
  const width = grid.reduce((m, g) => Math.max(m, g.length), 0);
  const headers: string[] = [];
  const groups: string[] = [];
  for (let c = 0; c < width; c++) {
    let text = '';
    let r = grid.length - 1;
    for (; r >= 0 && !text; r--) text = grid[r]?.[c] ?? '';
    let group = '';
    for (; r >= 0 && !group; r--) if (grid[r]?.[c] && grid[r]![c] !== text) group = grid[r]![c]!;
    headers.push(text);
    groups.push(group);
  }
  return { headers, groups };
}

function isHeaderRow(row: Element, pass?: ScanPass): boolean {
  // A row with a control is no header: asked first, so the texts of a table's body rows (a row number each, all
  // different) are not normalised.
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (isCell(c) && cellHasControl(c, pass)) return false;
  let texts = 0;
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (isCell(c) && labelKey(textOf(c))) texts++;
  // (Two texts make two cells at least.)
  return texts >= 2;
}

/**
 * The text of a caption row — one cell with text and no control spanning several columns (`<td colspan="6">■ 教育硕士
 * 专业学位</td>`) — which titles the rows below it as a section heading does; undefined for any other row.
 */
function captionText(row: Element, pass?: ScanPass): string | undefined {
  const cells = rowCells(row);
  if (cells.length !== 1) return undefined;
  const cell = cells[0]!;
  if ((Number(cell.getAttribute('colspan')) || 1) < 2 || cellHasControl(cell, pass)) return undefined;
  const text = candidateKey(textOf(cell), false);
  return text || undefined;
}

/** Build (once per table) the header lookup and row numbering for column-header labels. */
function tableInfo(table: Element, cache: TableCache, pass?: ScanPass): TableInfo {
  const cached = cache.get(table);
  if (cached) return cached;
  const elTable = table.closest('.el-table');
  let info: TableInfo;
  if (elTable) {
    // Element UI/Plus render the header in a separate <table>; body cells line up with header cells by index.
    // Grouped columns render one header row per level.
    const head = elTable.querySelector('.el-table__header-wrapper thead, .el-table__header thead');
    const texts = head ? headerLayers(Array.from(head.querySelectorAll('tr'))) : undefined;
    const rows = new Map(
      Array.from(elTable.querySelectorAll('.el-table__body-wrapper tr.el-table__row, .el-table__body tr.el-table__row')).map((r, i) => [
        r,
        i,
      ]),
    );
    info = { headerFor: () => texts, rowIndex: (r) => rows.get(r) ?? -1, captionFor: () => '' };
  } else {
    const rows: Element[] = [];
    const all = table.querySelectorAll('tr');
    for (let i = 0; i < all.length; i++) if (tableOf(all[i]!) === table) rows.push(all[i]!);
    const headerOf = new Map<Element, HeaderLayers | undefined>();
    const indexOf = new Map<Element, number>();
    const captionOf = new Map<Element, string>();
    let header: HeaderLayers | undefined;
    // Consecutive header rows are one header of several levels.
    let headerRows: Element[] = [];
    let n = 0;
    let caption = '';
    // Rows with controls under each header: a header over one row, then another header over one row… is a layout
    // of labels above their controls (old two-line forms), not a table of repeated rows.
    const perHeader: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (isHeaderRow(r, pass)) {
        headerRows.push(r);
        continue;
      }
      if (headerRows.length) {
        header = headerLayers(headerRows);
        headerRows = [];
        n = 0;
        perHeader.push(0);
      }
      const title = captionText(r, pass);
      if (title !== undefined) {
        caption = title;
        continue;
      }
      headerOf.set(r, header);
      if (caption) captionOf.set(r, caption);
      // A hidden template row (cloned by the page's add button) is not a row.
      if (cellHasControl(r, pass) && (r.checkVisibility?.() ?? !r.hasAttribute('hidden'))) {
        indexOf.set(r, n++);
        if (perHeader.length) perHeader[perHeader.length - 1]!++;
      }
    }
    const labelsAbove = perHeader.length >= 2 && perHeader.every((k) => k <= 1);
    info = {
      headerFor: (r) => headerOf.get(r),
      rowIndex: (r) => (labelsAbove ? -1 : (indexOf.get(r) ?? -1)),
      captionFor: (r) => captionOf.get(r) ?? '',
    };
  }
  cache.set(table, info);
  return info;
}

const BLOCK_TAGS = new Set(['TD', 'TH', 'FORM', 'BODY', 'LI']);

/** Text nodes right before `el` inside its parent chain, until a control or a block with controls is met. */
function precedingText(el: Element, stopAt: Element | null): string {
  let node: Node | null = el;
  for (let depth = 0; node && depth < 3; depth++) {
    for (let p: Node | null = node.previousSibling; p; p = p.previousSibling) {
      if (p.nodeType === 1 && ((p as Element).matches(CONTROL_SELECTOR) || (p as Element).querySelector(CONTROL_SELECTOR))) return '';
      const t = textOf(p).trim();
      if (t) return t;
    }
    node = node.parentNode;
    if (!node || node === stopAt || (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName))) break;
  }
  return '';
}

function followingText(el: Element): string {
  for (let p: Node | null = el.nextSibling; p; p = p.nextSibling) {
    if (p.nodeType === 1 && (p as Element).matches(CONTROL_SELECTOR)) return '';
    const t = textOf(p).trim();
    if (t) return t;
  }
  return '';
}

export interface InferContext {
  tables: TableCache;
  /** `label[for]` texts by id, built once per root. */
  labelsFor: Map<string, string>;
  root: Document | ShadowRoot;
  /** Caches of one scan pass over `root` (set by the scan for its duration; absent → plain DOM walks). */
  pass?: ScanPass;
}

/**
 * What one scan pass learns once instead of per control: which ancestor kinds exist at all in the root (when none
 * does, `closest()` — a walk to the root per control — cannot find one), and per-cell results shared by the controls
 * of a row or of an enclosing layout cell. Lives for one scan call only, so DOM changes between scans are seen.
 */
export interface ScanPass {
  hasLabel: boolean;
  hasFormItem: boolean;
  hasElTable: boolean;
  /** Visual column of a cell (colspans counted). */
  colOf: Map<Element, number>;
  /** Text found in the cells left of a cell (null: none before a control or the row start). */
  leftOf: Map<Element, string | null>;
  /** The cell enclosing the cells of a row (nested tables), or null; by row. */
  upCell: Map<Element, Element | null>;
  /** Cells and rows holding a control; absent → `querySelector` per cell. */
  withControls?: Set<Element>;
  /** The heading before an element in reading order (see headingBefore). */
  headingOf: Map<Element, Element | null>;
  /**
   * Elements that may be headings (a superset of those `headingText` accepts, found by one selector query) and their
   * parents: the walk to a control's heading reads siblings only where a parent holds one.
   */
  headingCandidates?: Set<Element>;
  headingParents?: Set<Node>;
}

/** Every element `headingText` may accept (its tags, role, and the class words of HEADING_CLASS in any case), and more. */
const HEADING_CANDIDATES =
  'h1, h2, h3, h4, h5, h6, legend, caption, [role=heading], [class*=title i], [class*=head i], [class*=legend i], [class*=caption i], [class*=divider i]';

/**
 * The pass over a whole root, from what one walk of it found: the controls (`input, select, textarea`) and the
 * library markup (`markup`: elements matching FORM_ITEM_SELECTOR, `.el-table` or a component root).
 * It also learns which cells and rows hold a control, instead of a `querySelector` per cell. Every control marks its
 * cell, that cell's row, and the enclosing cells and rows up to the first one already marked. Component roots mark
 * too, since Element Plus renders el-select without an input.
 */
export function newScanPass(root: Document | ShadowRoot, controls: Element[], markup: Element[]): ScanPass {
  const marked = new Set<Element>();
  const mark = (el: Element): void => {
    for (let c = cellOf(el); c && !marked.has(c);) {
      marked.add(c);
      const row = c.parentElement;
      // A marked row has its enclosing cells marked already.
      if (!row || marked.has(row)) break;
      marked.add(row);
      c = cellOf(row);
    }
  };
  for (let i = 0; i < controls.length; i++) if ((controls[i] as HTMLInputElement).type !== 'hidden') mark(controls[i]!);
  for (let i = 0; i < markup.length; i++) if (markup[i]!.matches(CONTROL_SELECTOR)) mark(markup[i]!);
  const headingCandidates = new Set<Element>();
  const headingParents = new Set<Node>();
  const found = root.querySelectorAll(HEADING_CANDIDATES);
  for (let i = 0; i < found.length; i++) {
    headingCandidates.add(found[i]!);
    if (found[i]!.parentNode) headingParents.add(found[i]!.parentNode!);
  }
  return {
    hasLabel: root.querySelector('label') !== null,
    hasFormItem: markup.some((el) => el.matches(FORM_ITEM_SELECTOR)),
    hasElTable: markup.some((el) => el.matches('.el-table')),
    colOf: new Map(),
    leftOf: new Map(),
    upCell: new Map(),
    withControls: marked,
    headingOf: new Map(),
    headingCandidates,
    headingParents,
  };
}

/** `el.closest('td, th')`, without the selector walk when the element or its parent is the cell (the usual case). */
function cellOf(el: Element): Element | null {
  if (isCell(el)) return el;
  const p = el.parentElement;
  return !p || isCell(p) ? p : p.closest('td, th');
}

function isCell(el: Element): boolean {
  const t = el.tagName;
  return t === 'TD' || t === 'TH';
}

/** The text of the nearest labelled cell left of `cell` in its row, or null when a control or the row start comes first. */
function leftText(cell: Element, pass?: ScanPass): string | null {
  for (let left = cell.previousElementSibling; left; left = left.previousElementSibling) {
    if (cellHasControl(left, pass)) return null;
    const t = textOf(left);
    if (labelKey(t)) return t;
  }
  return null;
}

/** `tr.closest('table')` for a row: its parent, or the table around its tbody/thead/tfoot. */
function tableOf(tr: Element): Element | null {
  const p = tr.parentElement;
  const g = p?.parentElement;
  return p?.tagName === 'TABLE' ? p : g?.tagName === 'TABLE' ? g : tr.closest('table');
}

export function labelsForMap(root: Document | ShadowRoot): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of Array.from(root.querySelectorAll('label[for]'))) {
    const f = l.getAttribute('for');
    if (f && !m.has(f)) m.set(f, textOf(l));
  }
  return m;
}

/** Elements that title what follows them: headings, legends, captions, and the title bars of cards and panels. */
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LEGEND', 'CAPTION']);
/**
 * Class words of title bars (`el-card__header`, `ant-card-head-title`, `panel-heading`, `layui-card-header`) and of
 * dividers with a text (`ant-divider-with-text`, `el-divider`).
 */
const HEADING_CLASS =
  /(?:^|[\s_-])(?:title|header|head|heading|legend|caption|divider|subtitle\d?)(?:$|[\s_-])|[a-z](?:Header|Title|Heading|Divider)(?:$|[\s_-])/;
/** …but not a table's header (el-table renders it as a sibling of its body), a page header or a navigation bar. */
const NOT_HEADING_CLASS = /table|thead|nav|menu|tab/i;

function headingText(el: Element): string {
  const tag = el.tagName;
  const cls = typeof el.className === 'string' ? el.className : '';
  if (!HEADING_TAGS.has(tag) && el.getAttribute('role') !== 'heading' && !(cls && HEADING_CLASS.test(cls) && !NOT_HEADING_CLASS.test(cls)))
    return '';
  if (el.querySelector(CONTROL_SELECTOR)) return '';
  // A header bar holds its title and more (a tip, the account, a 移除 link): the title inside it is the heading.
  const title = el.querySelector(HEADING_TITLE) ?? el;
  // …unless the words are all in a link (`<h3><a>第1所学校</a></h3>`).
  return candidateKey(headingWords(title) || textOf(title), false);
}

/** A title inside a header bar (`.card-header > .card-title`). */
const HEADING_TITLE = 'h1, h2, h3, h4, h5, h6, [role=heading], [class*=title i]';
/** What a heading says, without the actions it carries (`推荐学校（一）` of `推荐学校（一） 移除`). */
function headingWords(node: Node): string {
  if (node.nodeType === 1) {
    const el = node as Element;
    if (el.tagName === 'A' || el.tagName === 'BUTTON' || el.getAttribute('role') === 'button') return '';
    if (el.firstElementChild) {
      let s = '';
      for (let c = el.firstChild; c; c = c.nextSibling) s += headingWords(c);
      return s;
    }
  }
  return textOf(node);
}

/**
 * The heading that scopes `start` in reading order: the nearest heading-like element among its previous siblings,
 * else among its parent's, and so on up. Memoised per element for a scan pass (siblings share their answer), so a
 * page costs one visit per element at most.
 */
/** The elements one headingBefore walk passed (reused: the walk runs for every control and is not re-entered). */
const headingPath: Element[] = [];

function headingBefore(start: Element, pass?: ScanPass): Element | null {
  const memo = pass?.headingOf;
  const candidates = pass?.headingCandidates;
  const parents = pass?.headingParents;
  // No element of the root can be a heading: nothing to walk.
  if (candidates && candidates.size === 0) return null;
  const path = headingPath;
  path.length = 0;
  let found: Element | null = null;
  for (let el: Element | null = start; el;) {
    const hit = memo?.get(el);
    if (hit !== undefined) {
      found = hit;
      break;
    }
    path.push(el);
    // Siblings that cannot be headings need no reading: go up at once.
    if (parents && !parents.has(el.parentNode!)) {
      el = el.parentElement;
      continue;
    }
    const prev: Element | null = el.previousElementSibling;
    if (prev && (!candidates || candidates.has(prev)) && headingText(prev)) {
      found = prev;
      break;
    }
    el = prev ?? el.parentElement;
  }
  if (memo) for (let i = 0; i < path.length; i++) memo.set(path[i]!, found);
  path.length = 0;
  return found;
}

const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, legend, [role=heading], [class*=title], [class*=head], [class*=divider]';

/**
 * Whether a title bar heads a container of sections (a card holding cards, a panel holding titled parts): then it is
 * the form's title, which scopes every field alike, not a section's.
 */
function titlesSections(h: Element): boolean {
  const box = h.parentElement;
  if (!box || HEADING_TAGS.has(h.tagName)) return false;
  // (Only titles a person sees: a closed date picker's month header inside a card is no section title, nor the
  // `<legend>` an outlined input keeps, hidden, to notch its border for the floating label.)
  for (const other of Array.from(box.querySelectorAll(HEADING_SELECTOR)))
    if (other !== h && !h.contains(other) && headingText(other) && seen(other)) return true;
  return false;
}

/** Whether a person sees `el`: rendered, not hidden or transparent, not in a subtree marked decorative. */
function seen(el: Element): boolean {
  if (el.closest('[aria-hidden=true]')) return false;
  return el.checkVisibility?.({ visibilityProperty: true, opacityProperty: true }) ?? true;
}

/**
 * The context of a control: the column group above its header, else the caption row above it in its table, else the
 * section heading, legend or card title before it. A heading that only repeats the control's own label (`<div class="item-title">姓名</div>`) is its label,
 * not its context, and a title over several sections is the form's: the one above is taken instead.
 */
function contextOf(face: Element, labels: LabelCandidate[], group: string, caption: string, pass?: ScanPass): string {
  const g = group ? candidateKey(group, false) : '';
  if (g && !labels.some((l) => l.text === g)) return g;
  if (caption && !labels.some((l) => l.text === caption)) return caption;
  let h = headingBefore(face, pass);
  for (let guard = 0; h && guard < 3; guard++) {
    const text = headingText(h);
    if (!labels.some((l) => l.text === text) && !(h.previousElementSibling === null && titlesSections(h))) return text;
    h = headingBefore(h, pass);
  }
  return '';
}

/**
 * The section heading, legend or card title scoping an element that is no form control (a detail view's label):
 * context for matching its text, never a label of its own. '' when none.
 */
export function headingContextOf(el: Element): string {
  return contextOf(el, [], '', '');
}

/** Roles whose accessible name is their own text when nothing else names them. */
const NAMED_BY_CONTENT = new Set(['checkbox', 'switch']);

export interface RowInfo {
  /** The table (or el-table) whose column header named the control. */
  scope: Element;
  index: number;
}

/**
 * Every label candidate of `el` (the focusable element; `face` is the component root for custom controls), strongest
 * first, the repeated-row position when a column header names it, and the context that scopes the labels (column
 * group, section heading, legend, card title; '' when none).
 */
export function inferLabels(
  el: Element,
  ctx: InferContext,
  face: Element = el,
): { labels: LabelCandidate[]; context: string; row?: RowInfo } {
  const out: LabelCandidate[] = [];
  let row: RowInfo | undefined;
  let group = '';
  let caption = '';
  const id = el.getAttribute('id');
  if (id) add(out, ctx.labelsFor.get(id), 'label-for');
  // A radio's own label is its option text, not the field's label (radio groups pass the group as `face`).
  const pass = ctx.pass;
  const wrap = pass && !pass.hasLabel ? null : face.closest('label');
  if (wrap && !(face === el && el.getAttribute('type') === 'radio')) add(out, textOf(wrap), 'label-wrap');
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const doc = el.ownerDocument;
    add(
      out,
      labelledby
        .split(/\s+/)
        .map((i) => (doc.getElementById(i) ? textOf(doc.getElementById(i)!) : ''))
        .join(''),
      'aria-labelledby',
    );
  }
  add(out, el.getAttribute('aria-label'), 'aria-label');
  // A widget named from its content (WAI-ARIA: checkbox, switch): `<div role="checkbox">应届毕业生</div>`.
  if (!out.length && el.tagName !== 'INPUT' && NAMED_BY_CONTENT.has(el.getAttribute('role') ?? '')) add(out, textOf(el), 'aria-label');
  // One ancestor walk for every library; the nearest form item wins.
  const item = pass && !pass.hasFormItem ? null : face.closest(FORM_ITEM_SELECTOR);
  if (item) {
    const spec = FORM_ITEM_LABELS.find((f) => item.matches(f.item))!;
    const label = item.querySelector(spec.label);
    if (label && !label.contains(face)) add(out, textOf(label), 'form-item');
  }
  const cell = cellOf(face);
  if (cell) {
    // Nested tables: when the innermost row has no label to the left, look at the enclosing cell's row.
    let c: Element | null = cell;
    for (let depth = 0; c && depth < 3; depth++) {
      let t: string | null | undefined = pass?.leftOf.get(c);
      if (t === undefined) {
        t = leftText(c, pass);
        pass?.leftOf.set(c, t);
      }
      if (t !== null) {
        add(out, t, 'cell-left');
        break;
      }
      const p: Element | null = c.parentElement;
      let up: Element | null | undefined = p && pass?.upCell.get(p);
      if (up === undefined) {
        up = p && cellOf(p);
        if (p) pass?.upCell.set(p, up);
      }
      c = up;
    }
    const tr = cell.parentElement;
    const table = tr ? tableOf(tr) : null;
    if (tr && table) {
      const info = tableInfo(table, ctx.tables, pass);
      const header = info.headerFor(tr);
      caption = info.captionFor(tr);
      const col = visualIndex(cell, pass);
      if (header && header.headers[col]) {
        add(out, header.headers[col], 'column-header');
        group = header.groups[col] ?? '';
        const index = info.rowIndex(tr);
        if (index >= 0) row = { scope: (pass && !pass.hasElTable ? null : table.closest('.el-table')) ?? table, index };
      } else {
        // Label row above the input row (same column), common in old two-line layouts.
        const prev = tr.previousElementSibling;
        if (prev) {
          const above = rowCells(prev).find((x) => visualIndex(x, pass) === col);
          if (above && !cellHasControl(above, pass)) add(out, textOf(above), 'cell-above');
        }
      }
    }
  }
  const type = el.getAttribute('type');
  // Checkboxes are usually labelled after the box: `[x] 应届毕业生`.
  if (type === 'checkbox' && face === el) add(out, followingText(face), 'preceding-text');
  add(out, precedingText(face, cell), 'preceding-text');
  add(out, el.getAttribute('placeholder'), 'placeholder', true);
  add(out, el.getAttribute('title'), 'title', true);
  const context = contextOf(face, out, group, caption, pass);
  return row ? { labels: out, context, row } : { labels: out, context };
}
