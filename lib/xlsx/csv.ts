/**
 * CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). Files saved by Excel/WPS in China are
 * often GBK, or UTF-16 from Notepad/Excel "Unicode": see lib/normalize/decode.ts.
 * Every cell is text; a leading `=` is kept as text, never evaluated.
 */
import type { RawCell } from './cells';
import { fail } from './errors';
import type { XlsxLimits } from './guard';
import type { GridRow } from './read';
import { decodeText } from '../normalize/decode';

export function decodeCsv(bytes: Uint8Array): string {
  return decodeText(bytes) ?? fail('excel.error.csvEncoding');
}

/**
 * Rows of a CSV, bounded while it is read (issue 13 §3): a field longer than Excel's 32,767 characters, a row wider
 * than `maxColumns`, more than `maxCells` cells or `maxRows` rows stop the reading with a refusal, before a 45 MB
 * field or a line of 40 million commas is materialised.
 */
export function parseCsv(bytes: Uint8Array, limits: XlsxLimits): GridRow[] {
  if (bytes.length === 0) fail('excel.error.empty');
  if (bytes.length > limits.maxFileBytes) fail('excel.error.tooLarge', { mb: Math.round(limits.maxFileBytes / 1048576) });
  const text = decodeCsv(bytes);
  // Tab-separated text pasted from a sheet is common too (and Excel's "Unicode text" is UTF-16 with tabs); pick the
  // separator of the first line.
  const firstLine = text.slice(0, Math.min(text.indexOf('\n') >>> 0, 64 * 1024));
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const rows: GridRow[] = [];
  let cells: RawCell[] = [];
  let cellCount = 0;
  let field = '';
  let quoted = false;
  // Excel numbers records, not lines: a quoted line break stays inside one row.
  let record = 1;
  const max = limits.maxCellChars;
  const endField = () => {
    cells.push(field === '' ? { raw: { kind: 'empty' }, formula: false } : { raw: { kind: 'text', text: field }, formula: false });
    if (cells.length > limits.maxColumns) fail('excel.error.tooManyColumns', { max: limits.maxColumns });
    if (++cellCount > limits.maxCells) fail('excel.error.tooManyCells', { max: limits.maxCells });
    field = '';
  };
  const endRow = () => {
    endField();
    if (cells.some((c) => c.raw.kind !== 'empty')) {
      rows.push({ number: record, cells });
      if (rows.length > limits.maxRows + 1) fail('excel.error.tooManyRows', { max: limits.maxRows, rows: `> ${limits.maxRows}` });
    }
    cells = [];
    record++;
  };
  const add = (c: string) => {
    field += c;
    if (field.length > max) fail('excel.error.cellTooLong', { max });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          add('"');
          i++;
        } else quoted = false;
      } else add(c);
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else add(c);
  }
  if (field !== '' || cells.length) endRow();
  return rows;
}
