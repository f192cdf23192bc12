import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';
import { fail, XlsxError } from './errors';

/**
 * Cheap checks on an .xlsx before ExcelJS sees it. ExcelJS inflates every part into memory and expands every row,
 * so a zip bomb or a million-row sheet would hang the page; here we read the zip directory (declared sizes), then
 * stream-inflate the parts in small chunks, counting the real bytes and the `<row` elements of each sheet, and stop
 * as soon as a limit is passed.
 */
export interface XlsxLimits {
  /** Size of the .xlsx file itself. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes of all parts, declared and real. */
  maxUncompressedBytes: number;
  /** Largest compression ratio accepted for a part bigger than 1 MB (real spreadsheets stay far below 100:1). */
  maxRatio: number;
  maxEntries: number;
  /** Rows per worksheet. */
  maxRows: number;
}

export const defaultLimits: XlsxLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 5000,
  maxRows: 50_000,
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
// Input per push: bounds what one push can inflate (deflate expands at most ~1032×) while keeping overhead low.
const CHUNK = 64 * 1024;
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
 * The same checks for any zip: magic bytes, a readable directory, declared and real sizes; `required` parts must be
 * present. Returns the part names with the real sizes once every part has been streamed through.
 */
export function preflightZip(bytes: Uint8Array, limits: XlsxLimits, required: string[]): XlsxPreflight {
  if (bytes.length === 0) fail('excel.error.empty');
  if (bytes.length > limits.maxFileBytes) fail('excel.error.tooLarge', { mb: Math.round(limits.maxFileBytes / 1048576) });
  if (startsWith(bytes, OLE_MAGIC)) fail('excel.error.legacyXls');
  if (!isZip(bytes)) fail('excel.error.notZip');

  // 1. The central directory: declared sizes, without inflating anything.
  const declared = new Map<string, { size: number; originalSize: number }>();
  try {
    unzipSync(bytes, {
      filter(f) {
        declared.set(f.name, { size: f.size, originalSize: f.originalSize });
        return false;
      },
    });
  } catch {
    fail('excel.error.truncated');
  }
  if (declared.size > limits.maxEntries) fail('excel.error.zipBomb');
  if (required.some((name) => !declared.has(name)))
    fail(required.includes('xl/workbook.xml') ? 'excel.error.notWorkbook' : 'excel.error.backupZip');
  let declaredTotal = 0;
  for (const { size, originalSize } of declared.values()) {
    declaredTotal += originalSize;
    if (originalSize > 1024 * 1024 && originalSize > size * limits.maxRatio) fail('excel.error.zipBomb');
  }
  if (declaredTotal > limits.maxUncompressedBytes) fail('excel.error.zipBomb');

  // 2. Stream every part in small chunks: real sizes (a directory can lie) and rows per sheet.
  const rows: Record<string, number> = {};
  const parts: Record<string, number> = {};
  let realTotal = 0;
  let truncated = false;
  let failure: XlsxError | undefined;
  const unzip = new Unzip((file) => {
    const isSheet = SHEET_PART.test(file.name);
    const limit = declared.get(file.name)?.originalSize ?? 0;
    let seen = 0;
    let rowCount = 0;
    let head = isSheet ? '' : null;
    const counter = rowCounter();
    file.ondata = (err, chunk, final) => {
      if (err) {
        // fflate catches what this handler throws and hands it back here as `err`.
        failure ??= err instanceof XlsxError ? err : undefined;
        truncated = true;
        return;
      }
      seen += chunk.length;
      realTotal += chunk.length;
      if (final) parts[file.name] = seen;
      if (seen > limit || realTotal > limits.maxUncompressedBytes) fail('excel.error.zipBomb');
      if (isSheet) {
        if (head !== null && head.length < 4096) {
          head += new TextDecoder().decode(chunk.subarray(0, 4096));
          const ref = /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head)?.[1];
          if (ref && Number(ref) > limits.maxRows + 1000) fail('excel.error.tooManyRows', { max: limits.maxRows, rows: ref });
          if (head.includes('<sheetData')) head = null;
        }
        rowCount = counter(chunk);
        if (rowCount > limits.maxRows) fail('excel.error.tooManyRows', { max: limits.maxRows, rows: `> ${limits.maxRows}` });
        if (final) rows[file.name] = rowCount;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let i = 0; i < bytes.length && !truncated; i += CHUNK) unzip.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    fail('excel.error.truncated');
  }
  if (failure) throw failure;
  if (truncated) fail('excel.error.truncated');
  return { rows, parts, uncompressedBytes: realTotal };
}

/** Counts `<row ` / `<row>` openings across chunk boundaries (never `<rowBreaks` or `<rows`). */
function rowCounter(): (chunk: Uint8Array) => number {
  let count = 0;
  // The last bytes of the previous chunk, when a `<row` opening may straddle the boundary.
  let carry = new Uint8Array(0);
  const isRowOpening = (b: Uint8Array, i: number) =>
    b[i + 1] === 0x72 &&
    b[i + 2] === 0x6f &&
    b[i + 3] === 0x77 &&
    (b[i + 4] === 0x20 || b[i + 4] === 0x3e || b[i + 4] === 0x09 || b[i + 4] === 0x0a || b[i + 4] === 0x0d);
  return (chunk) => {
    let b = chunk;
    if (carry.length) {
      b = new Uint8Array(carry.length + chunk.length);
      b.set(carry);
      b.set(chunk, carry.length);
    }
    // indexOf is native: far faster than visiting every byte in JS on a 20 MB sheet.
    let i = b.indexOf(0x3c);
    let last = -1;
    while (i !== -1 && i + 4 < b.length) {
      if (isRowOpening(b, i)) count++;
      last = i;
      i = b.indexOf(0x3c, i + 1);
    }
    // Keep an unfinished `<r…` tail (fewer than 5 bytes after its `<`) for the next chunk.
    const tail = i !== -1 ? i : -1;
    carry = tail !== -1 && tail > last ? b.slice(tail) : new Uint8Array(0);
    return count;
  };
}
