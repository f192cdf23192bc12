import type { Bilingual } from '../forms/types';
import type { GuoyouDB, RosterRow } from '../db/schema';
import { t } from '../i18n';
import { DbError } from '../db/errors';
import { parseRosterFile } from './file';
import type { ParsedRoster } from './parse';

/**
 * The rosters table (extension origin only: extension pages and the background — never a content script). A roster is
 * named after its file; importing a file of the same name replaces that roster in one transaction, so a failed import
 * leaves the previous roster as it was. With a passphrase set, each student's row is sealed at rest like a draft
 * (lib/db/seal-middleware.ts); only the roster's name stays readable.
 */

export interface RosterSummary {
  rosterId: string;
  count: number;
}

export function rosterIdOf(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.(xlsx|csv|json)$/i, '') || 'roster';
}

export async function saveRoster(db: GuoyouDB, rosterId: string, roster: ParsedRoster): Promise<number> {
  const rows: RosterRow[] = roster.students.map((s) => ({ ...s, rosterId }));
  // The vault table in scope: the seal middleware checks the stored lock (another tab may have set a passphrase).
  await db.transaction('rw', db.rosters, db.vault, async () => {
    await db.rosters.where('rosterId').equals(rosterId).delete();
    await db.rosters.bulkAdd(rows);
  });
  return rows.length;
}

export type ImportRosterResult = { ok: true; rosterId: string; count: number; unmapped: string[] } | { ok: false; error: Bilingual };

/** Parse a roster file and store it; nothing is changed when the file is refused or the write fails. */
export async function importRosterFile(db: GuoyouDB, bytes: Uint8Array, fileName: string): Promise<ImportRosterResult> {
  const parsed = await parseRosterFile(bytes, fileName);
  if (!parsed.ok) return parsed;
  const rosterId = rosterIdOf(fileName);
  try {
    const count = await saveRoster(db, rosterId, parsed.roster);
    return { ok: true, rosterId, count, unmapped: parsed.roster.unmapped };
  } catch (e) {
    // Encrypted and locked here: say so (nothing was written), not a storage error.
    if (e instanceof DbError) return { ok: false, error: e.bilingual };
    const inner = (e as { inner?: unknown }).inner ?? e;
    const detail = inner instanceof Error ? `${inner.name}: ${inner.message}`.slice(0, 160) : String(inner);
    return { ok: false, error: { zh: t('roster.error.save', { detail }, 'zh-CN'), en: t('roster.error.save', { detail }, 'en') } };
  }
}

export async function listRosters(db: GuoyouDB): Promise<RosterSummary[]> {
  const counts = new Map<string, number>();
  await db.rosters.orderBy('rosterId').eachKey((k) => void counts.set(String(k), (counts.get(String(k)) ?? 0) + 1));
  return [...counts].map(([rosterId, count]) => ({ rosterId, count }));
}

export async function deleteRoster(db: GuoyouDB, rosterId: string): Promise<void> {
  await db.rosters.where('rosterId').equals(rosterId).delete();
}
