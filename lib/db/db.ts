import Dexie, { type Transaction } from 'dexie';
import { DB_NAME, type GuoyouDB } from './schema';
import { Keyring, type KeyStore } from './keyring';
import { sealMiddleware } from './seal-middleware';
import { readLock, sealPlainRosters, sealRows } from './vault';

/*
 * Schema history — append-only. Never edit a shipped version: add a new one with a dated banner, the stores that
 * changed, and a named upgrader, plus a migration test in db.test.ts that seeds the previous version with raw Dexie.
 */

// ── v1 · 2026-11-29 · initial ──────────────────────────────────────────────────────────────────────────────────────
// drafts (archived was a boolean, no deletedAt), revisions, settings.
export const SCHEMA_V1 = {
  drafts: 'id, formId, updatedAt',
  revisions: '++id, draftId, [draftId+rev]',
  settings: 'key',
} as const;

// ── v2 · 2026-11-29 · archive/soft delete indexable; adapters, rosters, reference lists, templates ───────────────
// archived becomes 0/1 (IndexedDB cannot index booleans), deletedAt (0 = live) enables undoable delete,
// formVersion defaults to 1 (the only form-pack version v1 drafts can have been made with).
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  drafts: 'id, formId, updatedAt, archived, deletedAt',
  siteAdapters: 'id, urlPattern, formId',
  rosters: '++id, rosterId, studentNo, idNumber',
  referenceLists: 'id',
  templates: 'id, formId',
} as const;

/** v1 → v2: boolean `archived` → 0/1, missing `deletedAt` → 0, missing `formVersion` → 1. */
export async function upgradeV2ArchivedFlagAndSoftDelete(tx: Transaction): Promise<void> {
  await tx
    .table('drafts')
    .toCollection()
    .modify((draft: Record<string, unknown>) => {
      draft.archived = draft.archived === true || draft.archived === 1 ? 1 : 0;
      if (typeof draft.deletedAt !== 'number') draft.deletedAt = 0;
      if (typeof draft.formVersion !== 'number') draft.formVersion = 1;
    });
}

// ── v3 · 2026-12-05 · drafts encrypted at rest (issue 13 §10) ───────────────────────────────────────────────────
// vault holds the lock row of draft encryption (KDF parameters and a check value) while it is on. No upgrader: no row
// changes shape; sealed drafts and revisions keep their indexed fields plain and carry `sealed` instead of title/data.
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  vault: 'key',
} as const;

/** The latest schema version; tests and the backup format refer to it. */
export const SCHEMA_VERSION = 3;

/**
 * Open (lazily — Dexie opens on first use) the extension's database. Call only from the extension's own origin
 * (extension pages, the background worker): a content script's IndexedDB belongs to the web page.
 *
 * Drafts, revisions and rosters pass through the seal middleware (encrypted at rest when a passphrase is set). The lock row is
 * read before any other query runs (`ready`), and again whenever the vault table changes in any tab; `keyStore` keeps
 * an unlocked key beyond this page (the extension's session storage).
 */
export function openDb(name: string = DB_NAME, options: { keyStore?: KeyStore | undefined } = {}): GuoyouDB {
  const db = new Dexie(name) as GuoyouDB;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeV2ArchivedFlagAndSoftDelete);
  db.version(3).stores(SCHEMA_V3);
  const keyring = new Keyring(options.keyStore);
  db.keyring = keyring;
  keyring.onStragglers = (rows) => sealRows(db, rows);
  // Unlocked: rosters stored in plain before (or without) the passphrase are sealed now.
  keyring.subscribe(() => void sealPlainRosters(db).catch(() => undefined));
  db.use(sealMiddleware(keyring));
  db.on('ready', async (vip) => keyring.adopt(await readLock(vip as GuoyouDB)), true);
  const vaultPart = `idb://${name}/vault/`;
  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part.startsWith(vaultPart)) && db.isOpen())
      void readLock(db).then(
        (lock) => keyring.adopt(lock),
        () => undefined,
      );
  };
  Dexie.on('storagemutated', onMutated);
  db.on('close', () => Dexie.on('storagemutated').unsubscribe(onMutated));
  return db;
}

export { DB_NAME };
export type { GuoyouDB };
