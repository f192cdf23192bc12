import { readSpreadsheet } from '../xlsx/read';
import { displayText, type Raw } from '../xlsx/cells';
import { XlsxError } from '../xlsx/errors';
import { isZip } from '../xlsx/guard';
import { t } from '../i18n';
import { parseRosterJson, rosterFromGrid, type RosterCell, type RosterResult } from './parse';

/** Rows scanned for the header line (titles and notes often sit above it). */
const HEADER_SCAN_ROWS = 20;

function cellOf(raw: Raw): RosterCell {
  switch (raw.kind) {
    case 'empty':
      return null;
    case 'date':
      return raw.date;
    case 'number':
      // Long identifiers stored as numbers: the text of their digits, never 1.1E+17.
      return displayText(raw);
    case 'bool':
      return raw.value;
    default:
      return raw.text;
  }
}

/**
 * A roster file as the user picked it: `.json`, or a spreadsheet (.xlsx/.csv, read by lib/xlsx — size and zip-bomb
 * checks included). The header line is the first of the top rows that names 学号 or 证件号码.
 */
export async function parseRosterFile(bytes: Uint8Array, fileName: string): Promise<RosterResult> {
  if (/\.json$/i.test(fileName) && !isZip(bytes)) return parseRosterJson(new TextDecoder().decode(bytes));
  if (!isZip(bytes) && !/\.(xlsx|csv)$/i.test(fileName)) {
    return { ok: false, error: { zh: t('roster.error.format', undefined, 'zh-CN'), en: t('roster.error.format', undefined, 'en') } };
  }
  try {
    const sheets = await readSpreadsheet(bytes, fileName);
    let last: RosterResult | undefined;
    for (const sheet of sheets) {
      const rows = sheet.rows.map((r) => ({ number: r.number, cells: Array.from(r.cells, (c) => (c ? cellOf(c.raw) : null)) }));
      for (let h = 0; h < Math.min(HEADER_SCAN_ROWS, rows.length); h++) {
        const headers = rows[h]!.cells.map((c) => (c === null || c === undefined ? '' : String(c)));
        const body = rows.slice(h + 1);
        const result = rosterFromGrid(
          headers,
          body.map((r) => r.cells),
          (i) => body[i]!.number,
        );
        // No 学号/证件号码 header on this line: try the next one; any other refusal is the answer.
        if (result.ok) return result;
        if (result.error.zh !== t('roster.error.noHeader', undefined, 'zh-CN')) return result;
        last = result;
      }
    }
    return (
      last ?? { ok: false, error: { zh: t('roster.error.noHeader', undefined, 'zh-CN'), en: t('roster.error.noHeader', undefined, 'en') } }
    );
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, error: e.reason };
    const detail = e instanceof Error ? e.message.slice(0, 160) : String(e);
    return { ok: false, error: { zh: t('roster.error.json', { detail }, 'zh-CN'), en: t('roster.error.json', { detail }, 'en') } };
  }
}
