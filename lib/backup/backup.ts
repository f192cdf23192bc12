import { decodeText } from '../normalize/decode';
import { version as appVersion } from '../../package.json';
import type { Bilingual } from '../forms/types';
import { revisionInternals, DEFAULT_REVISION_POLICY, type RevisionPolicy } from '../db/drafts';
import { bilingual, isQuotaError, jsonErrorPlace } from '../db/errors';
import { getForm } from '../forms';
import type { DraftRow, GuoyouDB, RosterRow } from '../db/schema';
import { parseReferenceImport } from '../reference/schema';
import { base64ToBytes, bytesToBase64 } from './base64';
import { WrongPassphraseError } from '../crypto/envelope';
import { sealedKind, SEALED_BACKUP_VERSION, unsealBackup, unsealBackupZip, type SealedCheck } from './sealed';
import { BACKUP_FORMAT, BACKUP_VERSION, backupEnvelopeSchema, backupSchemaV1, type Backup, type BackupDraft } from './format';

export const APP_NAME = 'guoyou-form-assistant';

/** Everything local, as a backup object (serialize with `backupToJson`). One read transaction: a consistent copy. */
export async function exportBackup(db: GuoyouDB, options: { includeRevisions?: boolean } = {}): Promise<Backup> {
  return db.transaction('r', db.tables, async () => {
    const [drafts, siteAdapters, rosters, settings, referenceLists, templates] = await Promise.all([
      db.drafts.toArray(),
      db.siteAdapters.toArray(),
      db.rosters.toArray(),
      db.settings.toArray(),
      db.referenceLists.toArray(),
      db.templates.toArray(),
    ]);
    const revisionsByDraft = new Map<string, Backup['drafts'][number]['revisions']>();
    if (options.includeRevisions) {
      for (const { id: _id, draftId, ...rest } of await db.revisions.orderBy('[draftId+rev]').toArray()) {
        let list = revisionsByDraft.get(draftId);
        if (!list) revisionsByDraft.set(draftId, (list = []));
        list.push(rest);
      }
    }
    drafts.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      app: { name: APP_NAME, version: appVersion },
      drafts: drafts.map((d) => (options.includeRevisions ? { ...d, revisions: revisionsByDraft.get(d.id) ?? [] } : { ...d })),
      siteAdapters,
      rosters: rosters.map(({ id: _id, ...rest }) => rest),
      settings,
      referenceLists,
      templates: templates.map((tpl) => ({ ...tpl, bytes: bytesToBase64(tpl.bytes) })),
    };
  });
}

export function backupToJson(backup: Backup): string {
  return JSON.stringify(backup, null, 2);
}

/** `guoyou-backup-20261129-1405.json`, in local time. */
export function backupFileName(date: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `guoyou-backup-${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}.json`;
}

export interface DraftChange {
  id: string;
  title: string;
  formId: string;
  incoming: BackupDraft;
  /** The draft as stored now (absent for a new one). */
  local?: DraftRow;
}

export interface TableCounts {
  new: number;
  changed: number;
  same: number;
}

export type OtherTable = 'siteAdapters' | 'rosters' | 'settings' | 'referenceLists' | 'templates';

/** What an import would do, for the preview; `applyImport` carries it out. */
export interface ImportPlan {
  backup: Backup;
  new: DraftChange[];
  changed: DraftChange[];
  same: DraftChange[];
  tables: Record<OtherTable, TableCounts>;
}

export type PreviewResult = { ok: true; plan: ImportPlan } | { ok: false; error: Bilingual; needsPassphrase?: true };
export type ApplyResult = { ok: true; plan: ImportPlan } | { ok: false; error: Bilingual };

export type ParseResult = { ok: true; backup: Backup } | { ok: false; error: Bilingual; needsPassphrase?: true };

/** Bytes are decoded as the CLI decodes them: UTF-8, UTF-16 with or without BOM (Notepad's "Unicode"), GBK. */
function decodeJson(input: unknown): { ok: true; json: unknown } | { ok: false; error: Bilingual } {
  let json = input;
  if (input instanceof Uint8Array) {
    const text = decodeText(input);
    if (text === undefined) return { ok: false, error: bilingual('excel.error.csvEncoding') };
    json = text;
  }
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { ok: false, error: bilingual('db.backup.notJson', { detail: jsonErrorPlace(e) }) };
    }
  }
  return { ok: true, json };
}

/** Why a protected backup was not opened: no passphrase yet, a newer container version, or a damaged one. */
function sealedRefusal(check: Exclude<SealedCheck, { kind: 'plain' }>): ParseResult {
  if (check.kind === 'sealed') return { ok: false, error: bilingual('vault.backup.needsPassphrase'), needsPassphrase: true };
  if (check.kind === 'newer')
    return { ok: false, error: bilingual('db.backup.newerVersion', { version: check.version, supported: SEALED_BACKUP_VERSION }) };
  return { ok: false, error: bilingual('vault.backup.damaged') };
}

/**
 * Validate a backup (a file's bytes or text, or parsed JSON) and return what it would be parsed to, or a clear
 * refusal. A passphrase-protected backup is refused with `needsPassphrase`: open it with `openBackup`.
 */
export function parseBackup(input: unknown): ParseResult {
  const decoded = decodeJson(input);
  if (!decoded.ok) return decoded;
  const sealed = sealedKind(decoded.json);
  return sealed.kind === 'plain' ? validateBackup(decoded.json) : sealedRefusal(sealed);
}

/**
 * How a protected backup zip's content is read once unsealed (lib/xlsx's `readBackupZip`, run through `attempt`):
 * given only where zips are imported (the Excel tab, the CLI), so the JSON backup path does not load the zip reader.
 */
export type ZipReader = (zip: Uint8Array) => Promise<{ ok: true; json: string } | { ok: false; error: Bilingual }>;

/**
 * `parseBackup`, also for a passphrase-protected backup when `passphrase` is given. A wrong passphrase is a clear
 * refusal ("口令不对") with `needsPassphrase`, so the caller can ask again; nothing is written either way. A protected
 * backup zip opens only with `readZip`; without it the refusal says where to import it.
 */
export async function openBackup(input: unknown, passphrase?: string, options: { readZip?: ZipReader } = {}): Promise<ParseResult> {
  const decoded = decodeJson(input);
  if (!decoded.ok) return decoded;
  const sealed = sealedKind(decoded.json);
  if (sealed.kind === 'plain') return validateBackup(decoded.json);
  if (sealed.kind === 'sealed' && sealed.content === 'zip' && !options.readZip)
    return { ok: false, error: bilingual('vault.backup.zipElsewhere') };
  if (sealed.kind !== 'sealed' || passphrase === undefined) return sealedRefusal(sealed);
  let text: string;
  try {
    if (sealed.content === 'zip') {
      const zip = await options.readZip!(await unsealBackupZip(sealed.envelope, passphrase));
      if (!zip.ok) return zip;
      text = zip.json;
    } else text = await unsealBackup(sealed.envelope, passphrase);
  } catch (error) {
    if (error instanceof WrongPassphraseError) return { ok: false, error: bilingual('vault.wrongPassphrase'), needsPassphrase: true };
    throw error;
  }
  const inner = decodeJson(text);
  return inner.ok ? validateBackup(inner.json) : inner;
}

function validateBackup(json: unknown): ParseResult {
  const envelope = backupEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, error: bilingual('db.backup.notBackup') };
  if (envelope.data.version > BACKUP_VERSION) {
    return {
      ok: false,
      error: bilingual('db.backup.newerVersion', { version: envelope.data.version, supported: BACKUP_VERSION }),
    };
  }
  const parsed = backupSchemaV1.safeParse(json);
  if (!parsed.success) {
    // Keys come from the file: show them only in a safe alphabet, never their raw bytes.
    const path = (parsed.error.issues[0]?.path.join('.') || '(root)').replace(/[^\w.\-\u4e00-\u9fff]/g, '?').slice(0, 80);
    return { ok: false, error: bilingual('db.backup.badShape', { path }) };
  }
  const backup = parsed.data;
  const ids = new Set<string>();
  for (const d of backup.drafts) {
    if (ids.has(d.id)) return { ok: false, error: bilingual('db.backup.duplicateId', { id: d.id }) };
    ids.add(d.id);
  }
  for (const d of backup.drafts) {
    const form = getForm(d.formId);
    for (const g of form?.groups ?? []) {
      const rows = d.data.groups[g.key]?.length ?? 0;
      if (g.maxRows !== undefined && rows > g.maxRows)
        return { ok: false, error: bilingual('db.backup.tooManyRows', { id: d.id, group: g.label.zh, rows, max: g.maxRows }) };
    }
  }
  for (const [i, list] of backup.referenceLists.entries()) {
    const checked = parseReferenceImport(list);
    if (!checked.ok) {
      return {
        ok: false,
        error: {
          zh: `${checked.error.zh}（备份中的 referenceLists.${i}）`,
          en: `${checked.error.en} (referenceLists.${i} of the backup)`,
        },
      };
    }
  }
  return { ok: true, backup };
}

/** JSON with sorted keys, so equal content compares equal whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function draftContent(d: Pick<DraftRow, 'title' | 'formId' | 'formVersion' | 'data' | 'archived' | 'deletedAt'>) {
  const { title, formId, formVersion, data, archived, deletedAt } = d;
  return canonical({ title, formId, formVersion, data, archived, deletedAt });
}

function rosterKey(r: { rosterId: string; studentNo: string }): string {
  return `${r.rosterId}\u0000${r.studentNo}`;
}

function rosterContent(r: Omit<RosterRow, 'id'>): string {
  return canonical({ idNumber: r.idNumber, name: r.name, data: r.data });
}

function count<T>(incoming: T[], local: Map<string, string>, key: (x: T) => string, content: (x: T) => string) {
  const counts: TableCounts = { new: 0, changed: 0, same: 0 };
  for (const item of incoming) {
    const stored = local.get(key(item));
    if (stored === undefined) counts.new++;
    else if (stored === content(item)) counts.same++;
    else counts.changed++;
  }
  return counts;
}

/** Diff a validated backup against the database. Runs inside the caller's transaction when there is one. */
async function diff(db: GuoyouDB, backup: Backup): Promise<ImportPlan> {
  const locals = await db.drafts.bulkGet(backup.drafts.map((d) => d.id));
  const plan: ImportPlan = {
    backup,
    new: [],
    changed: [],
    same: [],
    tables: {} as ImportPlan['tables'],
  };
  backup.drafts.forEach((incoming, i) => {
    const local = locals[i];
    const entry: DraftChange = { id: incoming.id, title: incoming.title, formId: incoming.formId, incoming, local };
    if (!local) plan.new.push(entry);
    else if (draftContent(local) === draftContent(incoming)) plan.same.push(entry);
    else plan.changed.push(entry);
  });

  const adapters = await db.siteAdapters.toArray();
  plan.tables.siteAdapters = count(backup.siteAdapters, new Map(adapters.map((a) => [a.id, canonical(a)])), (a) => a.id, canonical);
  const rosterIds = [...new Set(backup.rosters.map((r) => r.rosterId))];
  // One query per roster, not `anyOf` (a cursor, which cannot open sealed rows).
  const rosters = (await Promise.all(rosterIds.map((id) => db.rosters.where('rosterId').equals(id).toArray()))).flat();
  plan.tables.rosters = count(backup.rosters, new Map(rosters.map((r) => [rosterKey(r), rosterContent(r)])), rosterKey, rosterContent);
  const settings = await db.settings.toArray();
  plan.tables.settings = count(
    backup.settings,
    new Map(settings.map((s) => [s.key, canonical(s.value)])),
    (s) => s.key,
    (s) => canonical(s.value),
  );
  const lists = await db.referenceLists.toArray();
  plan.tables.referenceLists = count(backup.referenceLists, new Map(lists.map((l) => [l.id, canonical(l)])), (l) => l.id, canonical);
  const templates = await db.templates.toArray();
  plan.tables.templates = count(
    backup.templates,
    new Map(templates.map((tpl) => [tpl.id, canonical({ ...tpl, bytes: bytesToBase64(tpl.bytes) })])),
    (tpl) => tpl.id,
    canonical,
  );
  return plan;
}

/**
 * Check a backup and say what importing it would do: which drafts are new, changed or the same as here, and counts
 * for the other tables. Nothing is written. A malformed file, another kind of JSON, or a newer format version is
 * refused with a message.
 */
export async function previewImport(
  db: GuoyouDB,
  input: unknown,
  options: { passphrase?: string; readZip?: ZipReader } = {},
): Promise<PreviewResult> {
  const parsed = await openBackup(input, options.passphrase, options);
  if (!parsed.ok) return parsed;
  return { ok: true, plan: await diff(db, parsed.backup) };
}

function stripRevisions(d: BackupDraft): DraftRow {
  const { revisions: _revisions, ...row } = d;
  return row;
}

/**
 * Carry out an import, all-or-nothing in one transaction: merge drafts by id and never delete anything. A changed
 * draft keeps its local version as an 'import' revision and the imported version becomes current (also an 'import'
 * revision), with a rev above the local one so open editors see a conflict instead of overwriting it. The plan is
 * re-diffed inside the transaction, so changes made since the preview are taken into account.
 */
export async function applyImport(
  db: GuoyouDB,
  plan: Pick<ImportPlan, 'backup'>,
  policy: RevisionPolicy = DEFAULT_REVISION_POLICY,
): Promise<ApplyResult> {
  const { snapshot } = revisionInternals;
  try {
    const done = await db.transaction('rw', db.tables, async () => {
      const now = Date.now();
      const fresh = await diff(db, plan.backup);

      const addMissingRevisions = async (d: BackupDraft) => {
        if (!d.revisions?.length) return;
        const existing = await db.revisions.where('draftId').equals(d.id).toArray();
        const seen = new Set(existing.map((r) => `${r.rev}|${r.savedAt}|${r.reason}`));
        const missing = d.revisions.filter((r) => !seen.has(`${r.rev}|${r.savedAt}|${r.reason}`));
        await db.revisions.bulkAdd(missing.map((r) => ({ ...r, draftId: d.id })));
      };

      for (const { incoming } of fresh.new) {
        const row = stripRevisions(incoming);
        await db.drafts.add(row);
        await addMissingRevisions(incoming);
        await snapshot(db, { ...row, updatedAt: now }, 'import', policy);
      }
      for (const { incoming, local } of fresh.changed) {
        if (!local) continue;
        await addMissingRevisions(incoming);
        await snapshot(db, local, 'import', policy);
        const row: DraftRow = {
          ...stripRevisions(incoming),
          rev: Math.max(local.rev, incoming.rev) + 1,
          createdAt: Math.min(local.createdAt, incoming.createdAt),
          updatedAt: now,
        };
        await db.drafts.put(row);
        await snapshot(db, row, 'import', policy);
      }
      for (const { incoming } of fresh.same) await addMissingRevisions(incoming);

      const { backup } = plan;
      await db.siteAdapters.bulkPut(backup.siteAdapters);
      await db.settings.bulkPut(backup.settings);
      await db.referenceLists.bulkPut(backup.referenceLists);
      await db.templates.bulkPut(backup.templates.map((tpl) => ({ ...tpl, bytes: base64ToBytes(tpl.bytes) })));
      // Rosters have auto-increment keys: match students by (rosterId, studentNo), update in place or add.
      for (const rosterId of new Set(backup.rosters.map((r) => r.rosterId))) {
        const stored = new Map((await db.rosters.where('rosterId').equals(rosterId).toArray()).map((r) => [rosterKey(r), r.id]));
        const rows = backup.rosters
          .filter((r) => r.rosterId === rosterId)
          .map((r): RosterRow => {
            const id = stored.get(rosterKey(r));
            return id === undefined ? { ...r } : { ...r, id };
          });
        await db.rosters.bulkPut(rows);
      }
      return fresh;
    });
    return { ok: true, plan: done };
  } catch (error) {
    return { ok: false, error: isQuotaError(error) ? bilingual('db.backup.quota') : bilingual('db.backup.applyFailed') };
  }
}
