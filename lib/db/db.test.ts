import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSION } from './db';
import type { GuoyouDB } from './schema';

let counter = 0;
const opened: Dexie[] = [];
function uniqueName(): string {
  return `guoyou-migration-${Date.now()}-${counter++}`;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Seed a database exactly as v1 of the app wrote it, with raw Dexie (no app code). */
async function seedV1(name: string, drafts: object[], revisions: object[] = []): Promise<void> {
  const raw = new Dexie(name);
  raw.version(1).stores(SCHEMA_V1);
  await raw.table('drafts').bulkAdd(drafts);
  await raw.table('revisions').bulkAdd(revisions);
  await raw.table('settings').put({ key: 'locale', value: 'en' });
  raw.close();
}

const data = { fields: { provinceUnit: '河北省教育厅' }, groups: { schools: [{ schoolName: '石家庄市第一中学' }] } };

describe('schema v1 → v2 migration', () => {
  it.each([
    { name: 'archived true', v1: { archived: true }, archived: 1, deletedAt: 0, formVersion: 1 },
    { name: 'archived false', v1: { archived: false }, archived: 0, deletedAt: 0, formVersion: 1 },
    { name: 'archived missing', v1: {}, archived: 0, deletedAt: 0, formVersion: 1 },
    { name: 'formVersion kept', v1: { archived: false, formVersion: 3 }, archived: 0, deletedAt: 0, formVersion: 3 },
  ])('$name', async ({ v1, archived, deletedAt, formVersion }) => {
    const name = uniqueName();
    await seedV1(name, [{ id: 'd1', formId: 'recommendation', title: '河北', data, rev: 4, createdAt: 1, updatedAt: 2, ...v1 }]);
    const db = openDb(name);
    opened.push(db);
    const row = await db.drafts.get('d1');
    expect(row).toEqual({
      id: 'd1',
      formId: 'recommendation',
      title: '河北',
      data,
      rev: 4,
      createdAt: 1,
      updatedAt: 2,
      archived,
      deletedAt,
      formVersion,
    });
    expect(db.verno).toBe(SCHEMA_VERSION);
  });

  it('keeps revisions and settings, and makes the new indexes queryable', async () => {
    const name = uniqueName();
    await seedV1(
      name,
      [
        { id: 'a', formId: 'recommendation', title: 'A', data, rev: 1, createdAt: 1, updatedAt: 5, archived: true },
        { id: 'b', formId: 'degreeRecord', title: 'B', data, rev: 2, createdAt: 1, updatedAt: 6, archived: false },
      ],
      [{ draftId: 'b', rev: 1, title: 'B', data, savedAt: 3, reason: 'create' }],
    );
    const db: GuoyouDB = openDb(name);
    opened.push(db);
    expect(await db.drafts.where('archived').equals(1).primaryKeys()).toEqual(['a']);
    expect(await db.drafts.where('deletedAt').equals(0).count()).toBe(2);
    expect(await db.revisions.where('[draftId+rev]').equals(['b', 1]).count()).toBe(1);
    expect(await db.settings.get('locale')).toEqual({ key: 'locale', value: 'en' });
    // New v2 tables exist and work.
    await db.rosters.add({ rosterId: 'r', studentNo: '1', idNumber: 'x', name: '张三', data: {} });
    expect(await db.rosters.where('studentNo').equals('1').count()).toBe(1);
  });

  it('opens a fresh database directly at the latest version', async () => {
    const db = openDb(uniqueName());
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((tb) => tb.name).sort()).toEqual(
      ['drafts', 'referenceLists', 'revisions', 'rosters', 'settings', 'siteAdapters', 'templates', 'vault'].sort(),
    );
  });
});

describe('schema v2 → v3 migration', () => {
  it('adds the vault table and keeps every row; encryption starts off', async () => {
    const name = uniqueName();
    const raw = new Dexie(name);
    raw.version(2).stores(SCHEMA_V2);
    const draft = {
      id: 'd1',
      formId: 'recommendation',
      formVersion: 1,
      title: '河北',
      data,
      rev: 2,
      createdAt: 1,
      updatedAt: 2,
      archived: 0,
      deletedAt: 0,
    };
    await raw.table('drafts').add(draft);
    await raw.table('revisions').add({ draftId: 'd1', rev: 1, title: '河北', data, savedAt: 1, reason: 'create' });
    raw.close();
    const db = openDb(name);
    opened.push(db);
    expect(await db.drafts.get('d1')).toEqual(draft);
    expect(await db.revisions.count()).toBe(1);
    expect(await db.vault.count()).toBe(0);
    expect(db.keyring.status()).toBe('off');
    expect(db.verno).toBe(SCHEMA_VERSION);
  });
});
