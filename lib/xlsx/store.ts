/**
 * Where Excel imports land: drafts created in one transaction (an import is all-or-nothing), and the official
 * template kept per form in the `templates` table for later exports. Extension pages only (the extension's origin).
 */
import { createDraft } from '../db/drafts';
import type { GuoyouDB, TemplateRow } from '../db/schema';
import type { Selection } from './import';

/** Creates one draft per selected entry, all in one transaction: either every draft is created or none. */
export async function saveImportedDrafts(db: GuoyouDB, selection: Selection): Promise<string[]> {
  // With the vault table, so the drafts are sealed under the key of the stored passphrase (lib/db/seal-middleware.ts).
  return db.transaction('rw', db.drafts, db.revisions, db.vault, async () => {
    const ids: string[] = [];
    for (const d of selection.drafts) ids.push((await createDraft(db, d.formId, { title: d.title, data: d.data })).id);
    return ids;
  });
}

/** The template of a form: one per form, a new one replaces the old. */
export async function saveTemplate(db: GuoyouDB, formId: string, name: string, bytes: Uint8Array): Promise<TemplateRow> {
  const row: TemplateRow = { id: `template:${formId}`, formId, name, bytes: bytes.slice().buffer, importedAt: Date.now() };
  await db.templates.put(row);
  return row;
}

export async function getTemplate(db: GuoyouDB, formId: string): Promise<TemplateRow | undefined> {
  return db.templates.get(`template:${formId}`);
}

export async function deleteTemplate(db: GuoyouDB, formId: string): Promise<void> {
  await db.templates.delete(`template:${formId}`);
}
