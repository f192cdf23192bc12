/**
 * The admin backup as one zip: `backup.json` (the versioned format of lib/backup, the only part read back) plus one
 * readable workbook per draft in the official layout, for people who open the archive without the extension.
 * Reading goes through the same zip checks as an .xlsx (not a zip, truncated, zip bomb) before anything is inflated.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { decodeText } from '../normalize/decode';
import type { Backup } from '../backup/format';
import { getForm } from '../forms';
import { fail } from './errors';
import { defaultLimits, isZip, preflightZip, type XlsxLimits } from './guard';
import { exportFormXlsx } from './export';

export const BACKUP_JSON = 'backup.json';

/**
 * File-name-safe text: Windows forbids \ / : * ? " < > |; control and bidi-override characters would disguise a name;
 * leading dots hide a file or climb out of its folder. Letters of any script stay (Chinese titles).
 */
export function safeFileName(s: string): string {
  return (
    s
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g, '_')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.]+|[\s.]+$/g, '')
      .slice(0, 80) || 'draft'
  );
}

/** The file name of a draft's workbook: its title and the start of its id, both from a safe alphabet. */
export function draftFileName(d: { title: string; id: string }): string {
  const id = d.id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 8) || 'draft';
  return `${safeFileName(d.title)}-${id}.xlsx`;
}

/** The zip: backup.json and `xlsx/<title>-<id>.xlsx` for every draft that is not deleted. */
export async function buildBackupZip(backup: Backup): Promise<Uint8Array> {
  const files: Zippable = { [BACKUP_JSON]: strToU8(JSON.stringify(backup, null, 2)) };
  for (const d of backup.drafts) {
    const form = getForm(d.formId);
    if (!form || d.deletedAt) continue;
    // Workbooks are already deflated inside: store them as they are.
    let name = `xlsx/${draftFileName(d)}`;
    for (let n = 2; files[name]; n++) name = `xlsx/${draftFileName(d).replace(/\.xlsx$/, `-${n}.xlsx`)}`;
    files[name] = [await exportFormXlsx(form, [d.data]), { level: 0 }];
  }
  return zipSync(files, { level: 6, mtime: new Date(backup.exportedAt) });
}

/**
 * The backup JSON text inside a backup zip, or the text of a plain .json backup. Throws XlsxError on a damaged or
 * hostile zip; the JSON itself is judged by lib/backup's `previewImport`.
 */
export function readBackupFile(bytes: Uint8Array, limits: XlsxLimits = defaultLimits): string {
  if (!isZip(bytes)) {
    if (bytes.length === 0) fail('excel.error.empty');
    if (bytes.length > limits.maxFileBytes) fail('excel.error.tooLarge', { mb: Math.round(limits.maxFileBytes / 1048576) });
    // UTF-8 or UTF-16 (Notepad's "Unicode"), as in the extension.
    return decodeText(bytes) ?? fail('excel.error.csvEncoding');
  }
  preflightZip(bytes, limits, [BACKUP_JSON]);
  const files = unzipSync(bytes, { filter: (f) => f.name === BACKUP_JSON });
  const json = files[BACKUP_JSON];
  if (!json) fail('excel.error.backupZip');
  return decodeText(json) ?? fail('excel.error.csvEncoding');
}
