import Dexie, { type EntityTable } from 'dexie';
import type { FormData } from '../forms/types';
import type { Keyring, LockRow } from './keyring';

/** A draft of one form. `rev` increases by one on every save; a save based on an older rev is a conflict. */
export interface DraftRow {
  id: string;
  formId: string;
  formVersion: number;
  title: string;
  data: FormData;
  rev: number;
  createdAt: number;
  updatedAt: number;
  /** 0/1 rather than boolean: IndexedDB cannot index booleans. */
  archived: 0 | 1;
  /** Soft delete, so delete can be undone; 0 when live. */
  deletedAt: number;
}

export type RevisionReason = 'create' | 'autosave' | 'restore' | 'import' | 'conflict' | 'rename' | 'duplicate';

/** A snapshot of a draft at some rev. */
export interface RevisionRow {
  id?: number;
  draftId: string;
  rev: number;
  title: string;
  data: FormData;
  savedAt: number;
  reason: RevisionReason;
}

/** A per-site adapter (declarative: URL pattern → field → selector/label), built-in, taught or imported. */
export interface SiteAdapterRow {
  id: string;
  name: string;
  /** Match pattern (`https://example.edu.cn/*`). */
  urlPattern: string;
  formId: string;
  /** Field path → how to find the control. */
  fields: Record<string, { selector?: string; label?: string; frame?: string }>;
  source: 'taught' | 'imported';
  updatedAt: number;
  /** What to do on an unsealed PDF at upload: warn only, or clear the file input. */
  pdfPolicy?: 'warn' | 'clear';
}

/**
 * One student of an imported 国优 roster. With a passphrase set, everything but `id` and `rosterId` is sealed at rest
 * (lib/db/seal-middleware.ts): the `studentNo` and `idNumber` indexes then hold only rows not yet sealed.
 */
export interface RosterRow {
  id?: number;
  rosterId: string;
  studentNo: string;
  idNumber: string;
  name: string;
  /** Every column of the roster row, by degree-record field key. */
  data: Record<string, string>;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** An admin-imported replacement for a shipped reference list. */
export interface ReferenceListRow {
  id: string;
  version: string;
  source: string;
  importedAt: number;
  items: unknown[];
}

/** An official Excel template the user loaded, reused for later exports. */
export interface TemplateRow {
  id: string;
  formId: string;
  name: string;
  bytes: ArrayBuffer;
  importedAt: number;
}

export type GuoyouDB = Dexie & {
  drafts: EntityTable<DraftRow, 'id'>;
  revisions: EntityTable<RevisionRow, 'id'>;
  siteAdapters: EntityTable<SiteAdapterRow, 'id'>;
  rosters: EntityTable<RosterRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  referenceLists: EntityTable<ReferenceListRow, 'id'>;
  templates: EntityTable<TemplateRow, 'id'>;
  /** The lock row of draft encryption, when it is on (lib/db/keyring.ts); never in a backup. */
  vault: EntityTable<LockRow, 'key'>;
  /** The drafts' key in memory for this connection (lib/db/keyring.ts, lib/db/seal-middleware.ts). */
  keyring: Keyring;
};

export const DB_NAME = 'guoyou';
