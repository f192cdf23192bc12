/**
 * Error notes for a workbook the user chose to send with errors: each error's message is attached as a comment to the
 * cell it is about, so whoever opens the sheet sees what is wrong where. Always Chinese, like the sheet.
 */
import type { Finding } from '../rules/types';
import { t } from '../i18n';

/** One record's notes, by field path (`contactPhone`, `schools[2].creditCode`); `''` holds findings about no one cell. */
export type CellNotes = Map<string, string>;

/** The errors of one record as notes by field path. Warnings are left out: the sheet marks what must be fixed. */
export function errorNotes(findings: readonly Finding[]): CellNotes {
  const notes: CellNotes = new Map();
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    const text = t('gate.sheetNote', { message: f.message.zh, fix: f.fix ? f.fix.zh : '' }, 'zh-CN').trim();
    for (const path of f.fields.length ? f.fields : ['']) notes.set(path, notes.has(path) ? `${notes.get(path)}\n${text}` : text);
  }
  return notes;
}
