/**
 * Streaming counts over a worksheet's or the shared-string table's XML, chunk by chunk as the guard inflates it, so a
 * hostile workbook is refused before ExcelJS materialises anything (issue 13 §2–§3): rows, cells, the highest column,
 * the bytes one cell (or one shared string) spans, merge ranges and the area they cover. Byte comparisons only: a
 * 200 MB sheet is scanned at indexOf speed.
 */
import { fail } from './errors';

export interface CensusLimits {
  maxRows: number;
  /** Cells (`<c>` elements) in the whole workbook. */
  maxCells: number;
  /** Columns: the highest column letter of a cell, or cells in one row. */
  maxColumns: number;
  /** Bytes of XML one cell or one shared string may span (a 32,767-character cell, escaped, fits). */
  maxCellBytes: number;
  /** `<mergeCell>` elements in one sheet (ExcelJS checks each merge against every other one). */
  maxMerges: number;
  /** Cells covered by merges in one sheet (ExcelJS expands every merge cell by cell). */
  maxMergedCells: number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
// Enough to read `<c r="XFD1048576"` or `<mergeCell ref="A1:XFD1048576"` in one piece.
const LOOKAHEAD = 160;

const isSpace = (x: number | undefined) => x === 0x20 || x === 0x09 || x === 0x0a || x === 0x0d;
const ends = (x: number | undefined) => isSpace(x) || x === GT || x === SLASH;

function matches(b: Uint8Array, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) return false;
  return true;
}

/** Column number of letters (A → 1, XFD → 16384); 0 when there are none. */
function columnOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The value of attribute `name` inside the tag starting at `i` (up to its `>`), ASCII only. */
function attribute(b: Uint8Array, i: number, name: string): string | undefined {
  const stop = Math.min(b.length, i + LOOKAHEAD);
  let end = i;
  while (end < stop && b[end] !== GT) end++;
  for (let k = i + 1; k < end - name.length - 2; k++) {
    if (isSpace(b[k]) && matches(b, k + 1, `${name}="`)) {
      let v = '';
      for (let q = k + name.length + 3; q < end && b[q] !== 0x22; q++) v += String.fromCharCode(b[q]!);
      return v;
    }
  }
  return undefined;
}

const REF = /^([A-Z]{1,3})(\d{1,7})$/;

/** Shared state across the sheets of one workbook (the cell limit is for the whole workbook). */
export interface Census {
  cells: number;
}

type TagHandler = (b: Uint8Array, i: number, at: number) => void;

/** Feeds chunks through `onTag` for every `<`, carrying a tag cut by a chunk boundary over to the next chunk. */
function scanner(onTag: TagHandler): { push(chunk: Uint8Array, final: boolean): void } {
  let carry = new Uint8Array(0);
  let base = 0;
  return {
    push(chunk, final) {
      let b = chunk;
      if (carry.length) {
        b = new Uint8Array(carry.length + chunk.length);
        b.set(carry);
        b.set(chunk, carry.length);
      }
      let i = b.indexOf(LT);
      let keep = b.length;
      while (i !== -1) {
        if (!final && i + LOOKAHEAD > b.length) {
          keep = i;
          break;
        }
        onTag(b, i, base + i);
        i = b.indexOf(LT, i + 1);
      }
      carry = keep < b.length ? b.slice(keep) : new Uint8Array(0);
      base += b.length - carry.length;
    },
  };
}

/** Census of one worksheet part; throws XlsxError at the first limit passed. */
export function sheetCensus(limits: CensusLimits, census: Census) {
  let rows = 0;
  let inRow = 0;
  let inData = false;
  let last = 0;
  let merges = 0;
  let merged = 0;
  const gap = (at: number) => {
    if (inData && at - last > limits.maxCellBytes) fail('excel.error.cellTooLong', { max: 32767 });
    last = at;
  };
  const s = scanner((b, i, at) => {
    const n = b[i + 1];
    if (n === 0x63 /* c */ && ends(b[i + 2])) {
      gap(at);
      if (++census.cells > limits.maxCells) fail('excel.error.tooManyCells', { max: limits.maxCells });
      if (++inRow > limits.maxColumns) fail('excel.error.tooManyColumns', { max: limits.maxColumns });
      const r = attribute(b, i, 'r');
      const m = r ? /^([A-Z]+)/.exec(r) : null;
      if (m && (m[1]!.length > 3 || columnOf(m[1]!) > limits.maxColumns)) fail('excel.error.tooManyColumns', { max: limits.maxColumns });
    } else if (n === 0x72 /* r */ && matches(b, i + 1, 'row') && ends(b[i + 4])) {
      gap(at);
      inRow = 0;
      if (++rows > limits.maxRows) fail('excel.error.tooManyRows', { max: limits.maxRows, rows: `> ${limits.maxRows}` });
    } else if (n === SLASH && (matches(b, i + 2, 'row>') || matches(b, i + 2, 'sheetData'))) {
      gap(at);
      if (b[i + 2] === 0x73) inData = false;
    } else if (matches(b, i + 1, 'sheetData') && ends(b[i + 10])) {
      // `<sheetData/>` has no rows; otherwise rows follow.
      inData = !selfClosing(b, i);
      last = at;
    } else if (matches(b, i + 1, 'dimension') && ends(b[i + 10])) {
      // What the sheet announces: a million-row dimension is refused before its rows are counted.
      const bottom = REF.exec((attribute(b, i, 'ref') ?? '').split(':')[1] ?? '')?.[2];
      if (bottom && Number(bottom) > limits.maxRows + 1000) fail('excel.error.tooManyRows', { max: limits.maxRows, rows: bottom });
    } else if (matches(b, i + 1, 'mergeCell') && ends(b[i + 10])) {
      if (++merges > limits.maxMerges) fail('excel.error.tooManyMerges', { max: limits.maxMerges });
      const ref = attribute(b, i, 'ref') ?? '';
      const [a, z = a] = ref.split(':');
      const ma = REF.exec(a ?? '');
      const mz = REF.exec(z ?? '');
      if (!ma || !mz) return;
      const cols = Math.abs(columnOf(mz[1]!) - columnOf(ma[1]!)) + 1;
      const rowsSpanned = Math.abs(Number(mz[2]) - Number(ma[2])) + 1;
      merged += cols * rowsSpanned;
      if (merged > limits.maxMergedCells) fail('excel.error.tooManyMerges', { max: limits.maxMerges });
    }
  });
  return {
    push: s.push,
    get rows() {
      return rows;
    },
  };
}

function selfClosing(b: Uint8Array, i: number): boolean {
  for (let k = i + 1; k < Math.min(b.length, i + LOOKAHEAD); k++) if (b[k] === GT) return b[k - 1] === SLASH;
  return false;
}

/** Census of `xl/sharedStrings.xml`: no string may span more than `maxCellBytes`, nor may there be more than cells. */
export function sharedStringsCensus(limits: CensusLimits) {
  let last = -1;
  let count = 0;
  const s = scanner((b, i, at) => {
    const isSi = matches(b, i + 1, 'si') && ends(b[i + 3]);
    const isEnd = matches(b, i + 1, '/sst');
    if (!isSi && !isEnd) return;
    if (last >= 0 && at - last > limits.maxCellBytes) fail('excel.error.cellTooLong', { max: 32767 });
    last = at;
    if (isSi && ++count > limits.maxCells) fail('excel.error.tooManyCells', { max: limits.maxCells });
  });
  return { push: s.push };
}
