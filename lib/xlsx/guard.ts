import { Inflate } from 'fflate';
import { fail, XlsxError } from './errors';
import { sharedStringsCensus, sheetCensus, type Census, type CensusLimits } from './part-census';
import { readZipDirectory } from './zip-directory';

/**
 * Cheap checks on an .xlsx before ExcelJS sees it. ExcelJS inflates every part into memory and expands every row,
 * cell and merge, so a zip bomb, a million-row sheet or a merge over a whole sheet would hang the page or exhaust the
 * CLI's memory; here we read the zip's central directory (what the reader follows), refuse overlapping entries, then
 * stream-inflate each entry in small chunks, counting the real bytes and, in sheets and the shared-string table, the
 * rows, cells, columns, merges and the bytes one cell spans — and stop as soon as a limit is passed.
 */
export interface XlsxLimits extends CensusLimits {
  /** Size of the .xlsx file itself. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes of all parts, declared and real. */
  maxUncompressedBytes: number;
  /** Largest compression ratio accepted for a part bigger than 1 MB (real spreadsheets stay far below 100:1). */
  maxRatio: number;
  maxEntries: number;
  /** Characters of one cell's text (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Characters of cell text read from one file in all (bounds what the grids hold). */
  maxTextChars: number;
}

/**
 * Defaults sized for the CLI's 1.5 GB (measured by `npm run fuzz`): the official forms have ~30 columns, so 1,000,000
 * cells is 33,000 full records; Excel/WPS never need more than 512 columns for them.
 */
export const defaultLimits: XlsxLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 5000,
  maxRows: 50_000,
  maxCells: 1_000_000,
  maxColumns: 512,
  maxCellBytes: 256 * 1024,
  maxCellChars: 32_767,
  maxTextChars: 48 * 1024 * 1024,
  maxMerges: 5000,
  maxMergedCells: 200_000,
};

export interface XlsxPreflight {
  /** Worksheet part name → number of `<row>` elements. */
  rows: Record<string, number>;
  /** Every part of the zip with its real uncompressed size. */
  parts: Record<string, number>;
  uncompressedBytes: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
// Input per push: bounds what one push can inflate (deflate expands at most ~1032×: 16 MB) with little overhead.
const CHUNK = 16 * 1024;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

export function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC);
}

/** Throws an XlsxError with a bilingual reason when `bytes` is not an .xlsx we can safely hand to ExcelJS. */
export function preflightXlsx(bytes: Uint8Array, limits: XlsxLimits = defaultLimits): XlsxPreflight {
  return preflightZip(bytes, limits, ['[Content_Types].xml', 'xl/workbook.xml']);
}

/**
 * The same checks for any zip: magic bytes, the central directory (no overlapping entries), declared and real sizes;
 * `required` parts must be present. Returns the part names with the real sizes once every part has been inflated.
 */
export function preflightZip(bytes: Uint8Array, limits: XlsxLimits, required: string[]): XlsxPreflight {
  if (bytes.length === 0) fail('excel.error.empty');
  if (bytes.length > limits.maxFileBytes) fail('excel.error.tooLarge', { mb: Math.round(limits.maxFileBytes / 1048576) });
  if (startsWith(bytes, OLE_MAGIC)) fail('excel.error.legacyXls');
  if (!isZip(bytes)) fail('excel.error.notZip');

  // 1. The central directory: declared sizes, without inflating anything.
  const entries = readZipDirectory(bytes, limits.maxEntries);
  const names = new Set(entries.map((e) => e.name));
  if (required.some((name) => !names.has(name)))
    fail(required.includes('xl/workbook.xml') ? 'excel.error.notWorkbook' : 'excel.error.backupZip');
  let declaredTotal = 0;
  for (const e of entries) {
    declaredTotal += e.size;
    if (e.size > 1024 * 1024 && e.size > e.compressedSize * limits.maxRatio) fail('excel.error.zipBomb');
  }
  if (declaredTotal > limits.maxUncompressedBytes) fail('excel.error.zipBomb');

  // 2. Inflate every entry in small steps: real sizes (a directory can lie) and the census of sheets and strings.
  const rows: Record<string, number> = {};
  const parts: Record<string, number> = {};
  const census: Census = { cells: 0 };
  let realTotal = 0;
  for (const e of entries) {
    const sheet = SHEET_PART.test(e.name) ? sheetCensus(limits, census) : undefined;
    const strings = e.name === SHARED_STRINGS ? sharedStringsCensus(limits) : undefined;
    let seen = 0;
    const take = (chunk: Uint8Array, final: boolean) => {
      seen += chunk.length;
      realTotal += chunk.length;
      if (seen > e.size || realTotal > limits.maxUncompressedBytes) fail('excel.error.zipBomb');
      sheet?.push(chunk, final);
      strings?.push(chunk, final);
    };
    const data = bytes.subarray(e.dataStart, e.dataEnd);
    if (e.method === 0) take(data, true);
    else {
      let ended = false;
      const inflate = new Inflate((chunk, final) => {
        take(chunk, final);
        ended ||= final;
      });
      try {
        for (let i = 0; i < data.length && !ended; i += CHUNK) inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
        if (!data.length) inflate.push(new Uint8Array(0), true);
      } catch (err) {
        if (err instanceof XlsxError) throw err;
        fail('excel.error.truncated');
      }
      if (!ended) fail('excel.error.truncated');
    }
    if (seen !== e.size) fail('excel.error.truncated');
    parts[e.name] = seen;
    if (sheet) rows[e.name] = sheet.rows;
  }
  return { rows, parts, uncompressedBytes: realTotal };
}
