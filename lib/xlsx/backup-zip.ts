/**
 * The admin backup as one zip: `backup.json` (the versioned format of lib/backup, the only part read back) plus one
 * readable workbook per draft in the official layout, for people who open the archive without the extension.
 * Reading goes through the same zip checks as an .xlsx (not a zip, truncated, zip bomb) before anything is inflated.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { decodeText } from '../normalize/decode';
import type { Backup } from '../backup/format';
import type { ZipReader } from '../backup/backup';
import { looksSealed } from '../backup/sealed';
import { getForm } from '../forms';
import { attempt, fail } from './errors';
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
 * The backup JSON text inside a backup zip, or the text of a plain or protected .json backup (a protected backup zip,
 * `.gyenc`, is JSON text too: lib/backup's `openBackup` unseals it and hands the zip to `readBackupZip`). Throws
 * XlsxError on a damaged or hostile zip; the JSON itself is judged by lib/backup's `previewImport`.
 */
export function readBackupFile(bytes: Uint8Array, limits: XlsxLimits = defaultLimits): string {
  if (isZip(bytes)) return readBackupZip(bytes, limits);
  if (bytes.length === 0) fail('excel.error.empty');
  // A protected zip carries its zip in base64 (4 bytes for 3): it may be that much larger than the zip it holds.
  const sealed = looksSealed(new TextDecoder().decode(bytes.subarray(0, 128)));
  const max = sealed ? Math.ceil(limits.maxFileBytes / 3) * 4 + 4096 : limits.maxFileBytes;
  if (bytes.length > max) fail('excel.error.tooLarge', { mb: Math.round(max / 1048576) });
  // UTF-8 or UTF-16 (Notepad's "Unicode"), as in the extension.
  return decodeText(bytes) ?? fail('excel.error.csvEncoding');
}

/** The backup JSON text inside a backup zip, after the same checks as an .xlsx; throws XlsxError. */
export function readBackupZip(bytes: Uint8Array, limits: XlsxLimits = defaultLimits): string {
  // Only reached for a protected backup's content that is no zip: its writer went wrong.
  if (!isZip(bytes)) fail('vault.backup.damaged');
  preflightZip(bytes, limits, [BACKUP_JSON]);
  const files = unzipSync(bytes, { filter: (f) => f.name === BACKUP_JSON });
  const json = files[BACKUP_JSON];
  if (!json) fail('excel.error.backupZip');
  return decodeText(json) ?? fail('excel.error.csvEncoding');
}

/** `readBackupZip` as lib/backup's `ZipReader`: a refusal instead of a throw. */
export const zipReader: ZipReader = (zip) => attempt(() => ({ json: readBackupZip(zip) }));
