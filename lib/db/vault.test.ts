import Dexie, { type DBCore } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { WrongPassphraseError } from '../crypto/envelope';
import { applyImport, backupToJson, exportBackup, previewImport } from '../backup/backup';
import { openDb } from './db';
import { createDraft, getDraft, listDrafts, listRevisions, renameDraft, saveDraft } from './drafts';
import { VaultLockedError } from './keyring';
import type { GuoyouDB } from './schema';
import { freshDb, sampleData, testForm } from './test-helpers';
import { changePassphrase, turnOffEncryption, turnOnEncryption } from './vault';
import { importRosterFile, listRosters, saveRoster } from '../roster/store';
import { rosterRowsFor } from '../verify/run';
import type { PageRead } from '../verify/types';

const FAST = 1_000;
const NAME = '张三丰';
const ID = '11010519491231002X';
const PLAIN = /张三丰|11010519491231002X|石家庄|推荐表甲|2024210001/;
const STUDENT = { studentNo: '2024210001', idNumber: ID, name: NAME, data: { studentNo: '2024210001', idNumber: ID, name: NAME } };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A database with two drafts and their revisions; `failVault.on` makes writes to the vault table fail. */
async function withDrafts(failVault = { on: false }): Promise<{ db: GuoyouDB; name: string; id: string }> {
  const fresh = freshDb();
  cleanups.push(fresh.cleanup);
  // Middlewares take effect when the database opens: install the fault before the first query.
  fresh.db.use({
    stack: 'dbcore',
    name: 'fail-vault-write',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (tableName !== 'vault') return table;
        return { ...table, mutate: (req) => (failVault.on ? Promise.reject(new DOMException('disk', 'UnknownError')) : table.mutate(req)) };
      },
    }),
  });
  const a = await createDraft(fresh.db, testForm, { title: '推荐表甲', data: sampleData(`${NAME} ${ID}`, ['石家庄市第一中学']) });
  await saveDraft(fresh.db, a.id, sampleData(`${NAME} ${ID} 改`), 1, { autosaveIntervalMs: 0, maxPerDraft: 200 });
  await createDraft(fresh.db, testForm, { title: '推荐表乙' });
  await saveRoster(fresh.db, '2024届', {
    students: [STUDENT, { ...STUDENT, studentNo: '2024210002', idNumber: '', name: '李四' }],
    columns: {},
    unmapped: [],
  });
  return { db: fresh.db, name: fresh.name, id: a.id };
}

/** Every row of the sealed tables as IndexedDB holds them: read without the seal middleware (another page's view). */
async function rawRows(name: string): Promise<{ drafts: unknown[]; revisions: unknown[]; rosters: unknown[]; vault: unknown[] }> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return {
      drafts: await raw.table('drafts').toArray(),
      revisions: await raw.table('revisions').toArray(),
      rosters: await raw.table('rosters').toArray(),
      vault: await raw.table('vault').toArray(),
    };
  } finally {
    raw.close();
  }
}

/** A second connection, as another page opens it: no key in memory. */
function reopen(name: string): GuoyouDB {
  const db = openDb(name);
  cleanups.unshift(async () => db.close());
  return db;
}

describe('drafts encrypted at rest', () => {
  it('turning on seals every draft and revision: IndexedDB holds no name, no ID number, no title', async () => {
    const { db, name } = await withDrafts();
    expect(JSON.stringify(await rawRows(name))).toMatch(PLAIN);
    expect(await turnOnEncryption(db, 'passphrase 1', FAST)).toBe(2);
    const raw = await rawRows(name);
    expect(raw.drafts).toHaveLength(2);
    expect(raw.revisions.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(raw)).not.toMatch(PLAIN);
    for (const row of [...raw.drafts, ...raw.revisions, ...raw.rosters]) {
      expect(row).toMatchObject({ sealed: { v: 1, alg: 'AES-GCM', kdf: 'PBKDF2-SHA-256' } });
      for (const field of ['title', 'data', 'name', 'studentNo', 'idNumber']) expect(row).not.toHaveProperty(field);
    }
    expect(raw.rosters).toHaveLength(2);
    expect(db.keyring.status()).toBe('unlocked');
  });

  it('the app reads and writes plain rows as before; new writes are sealed too', async () => {
    const { db, name, id } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    expect((await listDrafts(db, { search: NAME })).map((d) => d.title)).toEqual(['推荐表甲']);
    expect((await getDraft(db, id))?.data.fields.unit).toBe(`${NAME} ${ID} 改`);
    const stored = (await getDraft(db, id))!;
    expect((await saveDraft(db, id, sampleData(`${NAME} 第三版`), stored.rev)).ok).toBe(true);
    await renameDraft(db, id, '推荐表甲（改名）');
    const revisions = await listRevisions(db, id);
    expect(revisions[0]?.data.fields.unit).toBeDefined();
    const other = await createDraft(db, testForm, { title: `${NAME} 的新草稿` });
    expect((await getDraft(db, other.id))?.title).toBe(`${NAME} 的新草稿`);
    expect(JSON.stringify(await rawRows(name))).not.toMatch(/张三丰|第三版|改名|11010519491231002X/);
  });

  it('another connection is locked: reads and writes refuse, a wrong passphrase does not unlock, the right one does', async () => {
    const { db, name, id } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    const other = reopen(name);
    await other.open();
    expect(other.keyring.status()).toBe('locked');
    await expect(listDrafts(other)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(createDraft(other, testForm, { title: NAME })).rejects.toBeInstanceOf(VaultLockedError);
    expect(await other.keyring.unlock('passphrase 2')).toBe(false);
    expect(other.keyring.status()).toBe('locked');
    expect(await other.keyring.unlock('passphrase 1')).toBe(true);
    expect((await getDraft(other, id))?.title).toBe('推荐表甲');
  });

  it('a plain row saved by a tab that had not learnt of the passphrase is sealed once an unlocked page reads it', async () => {
    const { db, name } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    const raw = new Dexie(name);
    await raw.open();
    const stale = { id: 'stale', formId: testForm.id, formVersion: 2, title: '推荐表甲', data: sampleData(`${NAME} ${ID}`), rev: 1 };
    await raw.table('drafts').put({ ...stale, createdAt: 1, updatedAt: 1, archived: 0, deletedAt: 0 });
    expect((await listDrafts(db)).map((d) => d.id)).toContain('stale');
    await expect.poll(async () => JSON.stringify(await raw.table('drafts').get('stale')), { timeout: 5_000 }).toContain('"sealed"');
    expect(JSON.stringify(await raw.table('drafts').get('stale'))).not.toMatch(PLAIN);
    raw.close();
    expect((await getDraft(db, 'stale'))?.data.fields.unit).toBe(`${NAME} ${ID}`);
  });

  it("drafts written inside a caller's transaction without the vault table are sealed too", async () => {
    const { db, name } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    const made = await db.transaction('rw', db.drafts, db.revisions, () => createDraft(db, testForm, { title: `${NAME} 导入` }));
    expect((await getDraft(db, made.id))?.title).toBe(`${NAME} 导入`);
    expect(JSON.stringify(await rawRows(name))).not.toMatch(PLAIN);
  });

  it('a row moved onto another draft does not open', async () => {
    const { db, name, id } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    const raw = new Dexie(name);
    await raw.open();
    const rows = await raw.table('drafts').toArray();
    const victim = rows.find((r) => r.id !== id);
    await raw.table('drafts').put({ ...victim, sealed: rows.find((r) => r.id === id).sealed });
    raw.close();
    await expect(getDraft(db, victim.id)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('changing the passphrase re-encrypts everything; the old one no longer opens', async () => {
    const { db, name, id } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    const before = await rawRows(name);
    await expect(changePassphrase(db, 'wrong one', 'passphrase 2', FAST)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await rawRows(name)).toEqual(before);
    await changePassphrase(db, 'passphrase 1', 'passphrase 2', FAST);
    const after = await rawRows(name);
    expect(JSON.stringify(after)).not.toMatch(PLAIN);
    const salts = new Set(
      [...after.drafts, ...after.revisions, ...after.rosters].map((r) => (r as { sealed: { salt: string } }).sealed.salt),
    );
    expect(salts.size).toBe(1);
    expect(salts.has((before.drafts[0] as { sealed: { salt: string } }).sealed.salt)).toBe(false);
    const other = reopen(name);
    await other.open();
    expect(await other.keyring.unlock('passphrase 1')).toBe(false);
    expect(await other.keyring.unlock('passphrase 2')).toBe(true);
    expect((await getDraft(other, id))?.data.fields.unit).toBe(`${NAME} ${ID} 改`);
  });

  it('a tab still holding the key of a passphrase changed in another tab cannot save with it', async () => {
    const { db, name, id } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    const other = reopen(name);
    await other.open();
    expect(await other.keyring.unlock('passphrase 1')).toBe(true);
    const stored = (await getDraft(other, id))!;
    await changePassphrase(db, 'passphrase 1', 'passphrase 2', FAST);
    await expect(saveDraft(other, id, sampleData('旧口令写的'), stored.rev)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(renameDraft(other, id, '旧口令改的名')).rejects.toBeInstanceOf(VaultLockedError);
    expect(await getDraft(db, id)).toMatchObject({ title: '推荐表甲', rev: stored.rev });
    expect(await other.keyring.unlock('passphrase 2')).toBe(true);
    expect((await saveDraft(other, id, sampleData('新口令写的'), stored.rev)).ok).toBe(true);
  });

  it('turning off needs the passphrase and stores plain rows again', async () => {
    const { db, name, id } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    await expect(turnOffEncryption(db, 'nope')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await turnOffEncryption(db, 'passphrase 1')).toBe(2);
    const raw = await rawRows(name);
    expect(raw.vault).toEqual([]);
    expect(JSON.stringify(raw)).toMatch(PLAIN);
    expect(JSON.stringify(raw)).not.toContain('sealed');
    expect(db.keyring.status()).toBe('off');
    expect((await getDraft(reopen(name), id))?.title).toBe('推荐表甲');
  });

  it.each([
    ['turning on', async (db: GuoyouDB) => turnOnEncryption(db, 'passphrase 1', FAST), 'off'],
    ['turning off', async (db: GuoyouDB) => turnOffEncryption(db, 'passphrase 1'), 'unlocked'],
  ])('%s is all-or-nothing: a failure at the last write leaves every row as it was', async (_label, act, status) => {
    const failVault = { on: false };
    const { db, name } = await withDrafts(failVault);
    if (status === 'unlocked') await turnOnEncryption(db, 'passphrase 1', FAST);
    const before = await rawRows(name);
    failVault.on = true;
    await expect(act(db)).rejects.toMatchObject({ name: 'UnknownError' });
    failVault.on = false;
    expect(await rawRows(name)).toEqual(before);
    expect(db.keyring.status()).toBe(status);
    // And the app still reads every draft.
    expect((await listDrafts(db)).map((d) => d.title).sort()).toEqual(['推荐表乙', '推荐表甲']);
  });

  it('a backup of an encrypted database holds plain drafts (protect it with a passphrase); importing one seals them', async () => {
    const { db, id } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    const json = backupToJson(await exportBackup(db, { includeRevisions: true }));
    expect(json).toContain(NAME);
    const target = freshDb();
    cleanups.push(target.cleanup);
    await turnOnEncryption(target.db, 'target passphrase', FAST);
    const preview = await previewImport(target.db, json);
    if (!preview.ok) throw new Error(preview.error.en);
    expect((await applyImport(target.db, preview.plan)).ok).toBe(true);
    expect((await getDraft(target.db, id))?.title).toBe('推荐表甲');
    expect(JSON.stringify(await rawRows(target.name))).not.toMatch(PLAIN);
  });
});

/** What the verify content script reads from a page showing one record with these values. */
function pageShowing(cells: Record<string, string>): PageRead[] {
  const read = Object.fromEntries(Object.entries(cells).map(([k, text], i) => [k, { ref: i, text }]));
  return [
    { frameUrl: 'https://x.example/', title: '', records: [{ source: 'form', row: 0, ref: 0, cells: read }], lists: [], tables: [], ms: 0 },
  ];
}

describe('rosters encrypted at rest', () => {
  it('the app reads them plain, new imports are sealed, and verify finds a student by ID number or student number', async () => {
    const { db, name } = await withDrafts();
    // Plain, through the indexes; sealed, read whole: the same students found.
    expect((await rosterRowsFor(db, pageShowing({ idNumber: ID.toLowerCase() }))).map((r) => r.name)).toEqual([NAME]);
    expect((await rosterRowsFor(db, pageShowing({ studentNo: '2024210002' }))).map((r) => r.name)).toEqual(['李四']);
    await turnOnEncryption(db, 'passphrase 1', FAST);
    expect(await listRosters(db)).toEqual([{ rosterId: '2024届', count: 2 }]);
    expect((await rosterRowsFor(db, pageShowing({ studentNo: '2024210002' }))).map((r) => r.name)).toEqual(['李四']);
    const json = JSON.stringify([{ 学号: '2024210009', 姓名: '王五', 证件号码: '110105194912310039' }]);
    expect(await importRosterFile(db, new TextEncoder().encode(json), '补充名册.json')).toMatchObject({ ok: true, count: 1 });
    const raw = JSON.stringify((await rawRows(name)).rosters);
    expect(raw).not.toMatch(/王五|2024210009|110105194912310039|张三丰|11010519491231002X/);
    expect(raw).toContain('补充名册');
    expect((await rosterRowsFor(db, pageShowing({ idNumber: ID.toLowerCase() }))).map((r) => r.name)).toEqual([NAME]);
    expect((await rosterRowsFor(db, pageShowing({ studentNo: '2024210009' }))).map((r) => r.idNumber)).toEqual(['110105194912310039']);
    expect(await rosterRowsFor(db, pageShowing({ studentNo: '999' }))).toEqual([]);
  });

  it('locked, importing a roster is refused with the locked message and verify stops instead of skipping the roster', async () => {
    const { db, name } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    const before = await rawRows(name);
    const other = reopen(name);
    await other.open();
    const json = JSON.stringify([{ 学号: '1', 姓名: '王五' }]);
    const r = await importRosterFile(other, new TextEncoder().encode(json), '2024届.json');
    expect(r).toMatchObject({ ok: false, error: { zh: expect.stringContaining('已加锁') } });
    expect(await rawRows(name)).toEqual(before);
    await expect(rosterRowsFor(other, pageShowing({ idNumber: ID }))).rejects.toMatchObject({
      bilingual: { zh: expect.stringContaining('名册已用口令加密') },
    });
    expect(await other.keyring.unlock('passphrase 1')).toBe(true);
    expect(await rosterRowsFor(other, pageShowing({ idNumber: ID }))).toHaveLength(1);
  });

  it('a roster stored in plain while a passphrase is set is sealed once a page unlocks', async () => {
    const { db, name } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    const raw = new Dexie(name);
    await raw.open();
    // As a roster saved before rosters were sealed (or by a tab that had not learnt of the passphrase).
    await raw.table('rosters').add({ rosterId: '旧名册', ...STUDENT, studentNo: '2024210077' });
    const other = reopen(name);
    await other.open();
    expect(await other.keyring.unlock('passphrase 1')).toBe(true);
    await expect
      .poll(async () => JSON.stringify(await raw.table('rosters').where('rosterId').equals('旧名册').toArray()), { timeout: 5_000 })
      .toContain('"sealed"');
    expect(JSON.stringify(await raw.table('rosters').toArray())).not.toMatch(PLAIN);
    raw.close();
    expect((await other.rosters.where('rosterId').equals('旧名册').toArray())[0]).toMatchObject({
      studentNo: '2024210077',
      idNumber: ID,
      name: NAME,
    });
  });

  it('a sealed roster row moved into another roster does not open', async () => {
    const { db, name } = await withDrafts();
    await turnOnEncryption(db, 'passphrase 1', FAST);
    const raw = new Dexie(name);
    await raw.open();
    const [row] = await raw.table('rosters').toArray();
    await raw.table('rosters').add({ rosterId: '别的名册', sealed: row.sealed });
    raw.close();
    await expect(db.rosters.where('rosterId').equals('别的名册').toArray()).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('a backup restores rosters into an encrypted database sealed, matching students already there', async () => {
    const { db } = await withDrafts();
    const json = backupToJson(await exportBackup(db));
    const target = freshDb();
    cleanups.push(target.cleanup);
    await saveRoster(target.db, '2024届', { students: [{ ...STUDENT, name: '张三' }], columns: {}, unmapped: [] });
    await turnOnEncryption(target.db, 'target passphrase', FAST);
    const preview = await previewImport(target.db, json);
    if (!preview.ok) throw new Error(preview.error.en);
    expect(preview.plan.tables.rosters).toEqual({ new: 1, changed: 1, same: 0 });
    expect((await applyImport(target.db, preview.plan)).ok).toBe(true);
    expect((await target.db.rosters.toArray()).map((r) => r.name).sort()).toEqual([NAME, '李四'].sort());
    expect(JSON.stringify((await rawRows(target.name)).rosters)).not.toMatch(PLAIN);
  });
});
