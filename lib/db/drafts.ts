import Dexie, { type Table } from 'dexie';
import { emptyData, getForm } from '../forms';
import type { FormData, FormDefinition } from '../forms/types';
import { t } from '../i18n';
import type { DraftRow, GuoyouDB, RevisionReason, RevisionRow } from './schema';
import { bilingual, DbError } from './errors';

/**
 * The tables of a write, with the vault table: the seal middleware then checks, in the same transaction, that the key
 * it seals with belongs to the stored passphrase (another tab may have just changed it). Inside a caller's transaction
 * without the vault table, its tables only (a nested transaction cannot widen its parent's scope).
 */
function writeScope(db: GuoyouDB, ...tables: Table[]): Table[] {
  const outer = Dexie.currentTransaction;
  return outer && !outer.storeNames.includes('vault') ? tables : [...tables, db.vault];
}

/** When revision snapshots are taken besides create/restore/import/conflict, and how many are kept. */
export interface RevisionPolicy {
  /** At most one autosave snapshot per this many milliseconds. */
  autosaveIntervalMs: number;
  /** Oldest snapshots beyond this count are dropped. */
  maxPerDraft: number;
}

export const DEFAULT_REVISION_POLICY: RevisionPolicy = { autosaveIntervalMs: 60_000, maxPerDraft: 200 };

export type SaveResult = { ok: true; rev: number } | { ok: false; conflict: { theirs: DraftRow } };

export interface ListOptions {
  formId?: string;
  /** Words (space separated) that must all appear in the title or some field value; case/width-insensitive. */
  search?: string;
  includeArchived?: boolean;
  /** List the deleted drafts (the trash) instead of the live ones. */
  deleted?: boolean;
}

function newId(): string {
  return crypto.randomUUID();
}

function notFound(): DbError {
  return new DbError(bilingual('db.error.notFound'));
}

async function mustGet(db: GuoyouDB, id: string): Promise<DraftRow> {
  const draft = await db.drafts.get(id);
  if (!draft) throw notFound();
  return draft;
}

async function latestRevision(db: GuoyouDB, draftId: string): Promise<RevisionRow | undefined> {
  return db.revisions.where('[draftId+rev]').between([draftId, Dexie.minKey], [draftId, Dexie.maxKey]).last();
}

/** Snapshot `draft` as it is now. Call inside a rw transaction over drafts + revisions. */
async function snapshot(db: GuoyouDB, draft: DraftRow, reason: RevisionReason, policy: RevisionPolicy): Promise<void> {
  await db.revisions.add({
    draftId: draft.id,
    rev: draft.rev,
    title: draft.title,
    data: draft.data,
    savedAt: draft.updatedAt,
    reason,
  });
  const keys = (await db.revisions.where('draftId').equals(draft.id).primaryKeys()) as number[];
  const excess = keys.length - policy.maxPerDraft;
  if (excess > 0) {
    // Auto-increment keys grow with insertion, so the smallest are the oldest snapshots.
    keys.sort((a, b) => a - b);
    await db.revisions.bulkDelete(keys.slice(0, excess));
  }
}

/** Snapshot the stored state unless its rev is already in the history (so a state about to be replaced is kept). */
async function ensureSnapshotted(db: GuoyouDB, draft: DraftRow, reason: RevisionReason, policy: RevisionPolicy): Promise<void> {
  const latest = await latestRevision(db, draft.id);
  if (!latest || latest.rev < draft.rev) await snapshot(db, draft, reason, policy);
}

/**
 * Create a draft of a form (given as its definition or its id): empty unless `data` is given. Its revision history
 * starts with a 'create' snapshot.
 */
export async function createDraft(
  db: GuoyouDB,
  formOrId: FormDefinition | string,
  options: { title?: string; data?: FormData; policy?: RevisionPolicy } = {},
): Promise<DraftRow> {
  const form = typeof formOrId === 'string' ? getForm(formOrId) : formOrId;
  if (!form) throw new DbError(bilingual('db.error.unknownForm', { formId: String(formOrId) }));
  const now = Date.now();
  const draft: DraftRow = {
    id: newId(),
    formId: form.id,
    formVersion: form.version,
    title: options.title?.trim() || t('db.untitled'),
    data: options.data ?? emptyData(form),
    rev: 1,
    createdAt: now,
    updatedAt: now,
    archived: 0,
    deletedAt: 0,
  };
  await db.transaction('rw', writeScope(db, db.drafts, db.revisions), async () => {
    await db.drafts.add(draft);
    await snapshot(db, draft, 'create', options.policy ?? DEFAULT_REVISION_POLICY);
  });
  return draft;
}

export function getDraft(db: GuoyouDB, id: string): Promise<DraftRow | undefined> {
  return db.drafts.get(id);
}

/** Fold case and full-width forms so `ＡＢＣ` finds `abc`. */
function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function searchableText(draft: DraftRow): string {
  const parts = [draft.title, ...Object.values(draft.data.fields)];
  for (const rows of Object.values(draft.data.groups)) for (const row of rows) for (const v of Object.values(row)) parts.push(v);
  return normalize(parts.join('\n'));
}

/** Drafts, most recently updated first. Deleted drafts only with `deleted: true`; archived ones on request. */
export async function listDrafts(db: GuoyouDB, options: ListOptions = {}): Promise<DraftRow[]> {
  const rows = options.formId ? await db.drafts.where('formId').equals(options.formId).toArray() : await db.drafts.toArray();
  const words = normalize(options.search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return rows
    .filter((d) => (options.deleted ? d.deletedAt > 0 : d.deletedAt === 0))
    .filter((d) => options.includeArchived || options.deleted || d.archived === 0)
    .filter((d) => {
      if (!words.length) return true;
      const text = searchableText(d);
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * Save `data` as the next rev, unless the stored rev is no longer `baseRev` (another tab saved meanwhile): then
 * nothing is written and their row is returned so the user can choose. Check and write happen in one transaction.
 */
export async function saveDraft(
  db: GuoyouDB,
  id: string,
  data: FormData,
  baseRev: number,
  policy: RevisionPolicy = DEFAULT_REVISION_POLICY,
): Promise<SaveResult> {
  return db.transaction('rw', writeScope(db, db.drafts, db.revisions), async (): Promise<SaveResult> => {
    const stored = await mustGet(db, id);
    if (stored.rev !== baseRev) return { ok: false, conflict: { theirs: stored } };
    const next: DraftRow = { ...stored, data, rev: stored.rev + 1, updatedAt: Date.now() };
    await db.drafts.put(next);
    const latest = await latestRevision(db, id);
    if (!latest || next.updatedAt - latest.savedAt >= policy.autosaveIntervalMs) {
      await snapshot(db, next, 'autosave', policy);
    }
    return { ok: true, rev: next.rev };
  });
}

/**
 * "Keep mine" after a conflict: overwrite whatever is stored. Their version and mine are both snapshotted
 * ('conflict'), so the overwritten one can be restored.
 */
export async function forceSaveDraft(
  db: GuoyouDB,
  id: string,
  data: FormData,
  policy: RevisionPolicy = DEFAULT_REVISION_POLICY,
): Promise<{ rev: number }> {
  return db.transaction('rw', writeScope(db, db.drafts, db.revisions), async () => {
    const stored = await mustGet(db, id);
    await ensureSnapshotted(db, stored, 'conflict', policy);
    const next: DraftRow = { ...stored, data, rev: stored.rev + 1, updatedAt: Date.now() };
    await db.drafts.put(next);
    await snapshot(db, next, 'conflict', policy);
    return { rev: next.rev };
  });
}

/**
 * Keep a version that is not going to become current (my unsaved edits when the user took theirs, or left a conflict
 * unresolved) as a 'conflict' revision of the draft, so it can still be restored. The draft itself is untouched.
 */
export async function stashRevision(
  db: GuoyouDB,
  id: string,
  data: FormData,
  baseRev: number,
  policy: RevisionPolicy = DEFAULT_REVISION_POLICY,
): Promise<void> {
  await db.transaction('rw', writeScope(db, db.drafts, db.revisions), async () => {
    const stored = await mustGet(db, id);
    await snapshot(db, { ...stored, data, rev: baseRev, updatedAt: Date.now() }, 'conflict', policy);
  });
}

/** Rename; the data and its rev are untouched so an open editor's autosave does not conflict with it. */
export async function renameDraft(db: GuoyouDB, id: string, title: string): Promise<void> {
  const changed = await db.transaction('rw', writeScope(db, db.drafts), () =>
    db.drafts.update(id, { title: title.trim() || t('db.untitled'), updatedAt: Date.now() }),
  );
  if (!changed) throw notFound();
}

/**
 * Copy a draft as a new one (history starts with a 'duplicate' snapshot). `data` replaces the copied data — used
 * for "keep both" after a conflict, where the copy carries my unsaved version.
 */
export async function duplicateDraft(
  db: GuoyouDB,
  id: string,
  options: { title?: string; data?: FormData; policy?: RevisionPolicy } = {},
): Promise<DraftRow> {
  return db.transaction('rw', writeScope(db, db.drafts, db.revisions), async () => {
    const source = await mustGet(db, id);
    const now = Date.now();
    const copy: DraftRow = {
      ...source,
      id: newId(),
      title: options.title?.trim() || t('db.copyTitle', { title: source.title }),
      data: options.data ?? source.data,
      rev: 1,
      createdAt: now,
      updatedAt: now,
      archived: 0,
      deletedAt: 0,
    };
    await db.drafts.add(copy);
    await snapshot(db, copy, 'duplicate', options.policy ?? DEFAULT_REVISION_POLICY);
    return copy;
  });
}

async function setFlags(db: GuoyouDB, id: string, changes: Partial<Pick<DraftRow, 'archived' | 'deletedAt'>>) {
  const changed = await db.transaction('rw', writeScope(db, db.drafts), () => db.drafts.update(id, changes));
  if (!changed) throw notFound();
}

export function archiveDraft(db: GuoyouDB, id: string): Promise<void> {
  return setFlags(db, id, { archived: 1 });
}

export function unarchiveDraft(db: GuoyouDB, id: string): Promise<void> {
  return setFlags(db, id, { archived: 0 });
}

/** Soft delete: hidden from lists until `undoDeleteDraft` or `purgeDeleted`. */
export function deleteDraft(db: GuoyouDB, id: string): Promise<void> {
  return setFlags(db, id, { deletedAt: Date.now() });
}

export function undoDeleteDraft(db: GuoyouDB, id: string): Promise<void> {
  return setFlags(db, id, { deletedAt: 0 });
}

/** Remove for good the drafts deleted before `olderThan` (epoch ms), with their revisions. Returns how many. */
export async function purgeDeleted(db: GuoyouDB, olderThan: number): Promise<number> {
  return db.transaction('rw', writeScope(db, db.drafts, db.revisions), async () => {
    const ids = await db.drafts.where('deletedAt').between(1, olderThan, true, false).primaryKeys();
    if (!ids.length) return 0;
    await db.revisions.where('draftId').anyOf(ids).delete();
    await db.drafts.bulkDelete(ids);
    return ids.length;
  });
}

/** The draft's revision history, newest first. */
export async function listRevisions(db: GuoyouDB, id: string): Promise<RevisionRow[]> {
  const rows = await db.revisions.where('draftId').equals(id).toArray();
  return rows.sort((a, b) => b.rev - a.rev || (b.id ?? 0) - (a.id ?? 0));
}

/**
 * Make an old revision current again (its title and data), as a new rev with a 'restore' snapshot; the state it
 * replaces is snapshotted first if the history does not have it yet.
 */
export async function restoreRevision(
  db: GuoyouDB,
  id: string,
  revisionId: number,
  policy: RevisionPolicy = DEFAULT_REVISION_POLICY,
): Promise<{ rev: number; draft: DraftRow }> {
  return db.transaction('rw', writeScope(db, db.drafts, db.revisions), async () => {
    const stored = await mustGet(db, id);
    const revision = await db.revisions.get(revisionId);
    if (!revision || revision.draftId !== id) throw new DbError(bilingual('db.error.revisionNotFound'));
    await ensureSnapshotted(db, stored, 'autosave', policy);
    const next: DraftRow = {
      ...stored,
      title: revision.title,
      data: revision.data,
      rev: stored.rev + 1,
      updatedAt: Date.now(),
    };
    await db.drafts.put(next);
    await snapshot(db, next, 'restore', policy);
    return { rev: next.rev, draft: next };
  });
}

/** @internal for the backup importer: snapshot helpers inside its own transaction. */
export const revisionInternals = { snapshot, ensureSnapshotted };
