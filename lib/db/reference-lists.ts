import type { AnyReferenceList } from '../reference/schema';
import type { GuoyouDB, ReferenceListRow } from './schema';

/**
 * Store an admin-imported reference list, replacing the shipped one with the same id. Takes only a list that
 * `parseReferenceImport` (lib/reference) accepted, so nothing unvalidated reaches the rules.
 */
export async function saveReferenceList(db: GuoyouDB, list: AnyReferenceList): Promise<ReferenceListRow> {
  const row: ReferenceListRow = {
    id: list.id,
    version: list.version,
    source: list.source,
    importedAt: Date.now(),
    items: [...list.items],
  };
  await db.transaction('rw', db.referenceLists, () => db.referenceLists.put(row));
  return row;
}

/** The imported lists, for `loadReferenceData(overrides)` (which re-validates each). */
export function loadOverrides(db: GuoyouDB): Promise<ReferenceListRow[]> {
  return db.referenceLists.toArray();
}

/** Go back to the shipped list for `id`. */
export async function removeReferenceList(db: GuoyouDB, id: string): Promise<void> {
  await db.referenceLists.delete(id);
}
