/**
 * CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). Files saved by Excel/WPS in China are
 * often GBK: UTF-8 (with or without BOM) is tried strictly first, then GB18030 (a superset of GBK).
 * Every cell is text; a leading `=` is kept as text, never evaluated.
 */
import type { RawCell } from './cells';
import { fail } from './errors';
import type { XlsxLimits } from './guard';
import type { GridRow } from './read';

export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      fail('excel.error.csvEncoding');
    }
  }
}

export function parseCsv(bytes: Uint8Array, limits: XlsxLimits): GridRow[] {
  if (bytes.length === 0) fail('excel.error.empty');
  if (bytes.length > limits.maxFileBytes) fail('excel.error.tooLarge', { mb: Math.round(limits.maxFileBytes / 1048576) });
  const text = decodeCsv(bytes);
  // Tab-separated text pasted from a sheet is common too; pick the separator of the first line.
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const rows: GridRow[] = [];
  let cells: RawCell[] = [];
  let field = '';
  let quoted = false;
  // Excel numbers records, not lines: a quoted line break stays inside one row.
  let record = 1;
  const endField = () => {
    cells.push(field === '' ? { raw: { kind: 'empty' }, formula: false } : { raw: { kind: 'text', text: field }, formula: false });
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
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || cells.length) endRow();
  return rows;
}
