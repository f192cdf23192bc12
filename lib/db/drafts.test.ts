import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getForm } from '../forms';
import { openDb } from './db';
import {
  archiveDraft,
  createDraft,
  deleteDraft,
  duplicateDraft,
  forceSaveDraft,
  getDraft,
  listDrafts,
  listRevisions,
  purgeDeleted,
  renameDraft,
  restoreRevision,
  saveDraft,
  stashRevision,
  unarchiveDraft,
  undoDeleteDraft,
  type RevisionPolicy,
} from './drafts';
import { DbError } from './errors';
import type { GuoyouDB } from './schema';
import { freshDb, sampleData, testForm } from './test-helpers';

let db: GuoyouDB;
let name: string;
let cleanup: () => Promise<void>;
const T0 = Date.UTC(2026, 10, 29, 6, 0, 0);

beforeEach(() => {
  // Only Date is faked: fake-indexeddb schedules its work with real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  ({ db, name, cleanup } = freshDb());
});

afterEach(async () => {
  vi.useRealTimers();
  await cleanup();
});

const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('createDraft / getDraft', () => {
  it('creates an empty draft of the form with a create snapshot', async () => {
    const draft = await createDraft(db, testForm, { title: '  河北省推荐  ' });
    expect(draft).toMatchObject({
      formId: 'testForm',
      formVersion: 2,
      title: '河北省推荐',
      rev: 1,
      createdAt: T0,
      updatedAt: T0,
      archived: 0,
      deletedAt: 0,
    });
    expect(Object.values(draft.data.fields).every((v) => v === '')).toBe(true);
    expect(Object.keys(draft.data.fields).sort()).toEqual(['phone', 'unit']);
    expect(draft.data.groups.schools).toEqual([
      { schoolName: '', stage: '' },
      { schoolName: '', stage: '' },
    ]);
    expect(await getDraft(db, draft.id)).toEqual(draft);
    const revs = await listRevisions(db, draft.id);
    expect(revs.map((r) => [r.rev, r.reason])).toEqual([[1, 'create']]);
  });

  it('gives an untitled draft a default title and unique ids', async () => {
    const a = await createDraft(db, testForm);
    const b = await createDraft(db, testForm, { title: '   ' });
    expect(a.title).toBe('未命名草稿');
    expect(b.title).toBe('未命名草稿');
    expect(a.id).not.toBe(b.id);
  });

  it('creates by form id from the form registry, and refuses an unknown one', async () => {
    const draft = await createDraft(db, 'recommendation');
    expect(draft.formId).toBe('recommendation');
    expect(draft.formVersion).toBe(getForm('recommendation')?.version);
    const err = await createDraft(db, 'noSuchForm').catch((e: unknown) => e);
    expect((err as DbError).bilingual.zh).toContain('noSuchForm');
    expect(await listDrafts(db)).toHaveLength(1);
  });

  it('returns undefined for an unknown id', async () => {
    expect(await getDraft(db, 'nope')).toBeUndefined();
  });
});

describe('listDrafts', () => {
  beforeEach(async () => {
    const a = await createDraft(db, testForm, { title: '河北省', data: sampleData('河北省教育厅', ['石家庄市第一中学']) });
    advance(1000);
    const b = await createDraft(db, testForm, { title: 'Shanxi', data: sampleData('山西省教育厅', ['太原五中']) });
    advance(1000);
    await createDraft(db, { ...testForm, id: 'otherForm' }, { title: '学位记录', data: sampleData('ABC University') });
    advance(1000);
    const archived = await createDraft(db, testForm, { title: '旧的河北', data: sampleData('河北省教育厅') });
    await archiveDraft(db, archived.id);
    const deleted = await createDraft(db, testForm, { title: '已删除的河北' });
    await deleteDraft(db, deleted.id);
    void a;
    void b;
  });

  const titles = async (opts: Parameters<typeof listDrafts>[1]) => (await listDrafts(db, opts)).map((d) => d.title);

  it.each([
    { name: 'all live, newest first', opts: {}, expected: ['学位记录', 'Shanxi', '河北省'] },
    { name: 'by form', opts: { formId: 'testForm' }, expected: ['Shanxi', '河北省'] },
    { name: 'with archived', opts: { includeArchived: true }, expected: ['旧的河北', '学位记录', 'Shanxi', '河北省'] },
    { name: 'search in title', opts: { search: '河北' }, expected: ['河北省'] },
    { name: 'search in a field value', opts: { search: '山西省' }, expected: ['Shanxi'] },
    { name: 'search in a group row', opts: { search: '太原五中' }, expected: ['Shanxi'] },
    { name: 'search is case-insensitive', opts: { search: 'shanxi' }, expected: ['Shanxi'] },
    { name: 'search folds full-width letters', opts: { search: 'ａｂｃ' }, expected: ['学位记录'] },
    { name: 'all words must match', opts: { search: '河北 太原' }, expected: [] },
    { name: 'search includes archived on request', opts: { search: '河北', includeArchived: true }, expected: ['旧的河北', '河北省'] },
    { name: 'trash', opts: { deleted: true }, expected: ['已删除的河北'] },
  ])('$name', async ({ opts, expected }) => {
    expect(await titles(opts)).toEqual(expected);
  });
});

describe('saveDraft', () => {
  it('saves on the current rev and bumps it', async () => {
    const d = await createDraft(db, testForm);
    advance(500);
    const r = await saveDraft(db, d.id, sampleData('河北'), 1);
    expect(r).toEqual({ ok: true, rev: 2 });
    expect(await getDraft(db, d.id)).toMatchObject({ rev: 2, updatedAt: T0 + 500, data: sampleData('河北') });
  });

  it('refuses a save based on an older rev, writes nothing, and returns theirs', async () => {
    const d = await createDraft(db, testForm);
    await saveDraft(db, d.id, sampleData('tab A'), 1);
    const r = await saveDraft(db, d.id, sampleData('tab B'), 1);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.conflict.theirs).toMatchObject({ rev: 2, data: sampleData('tab A') });
    expect((await getDraft(db, d.id))?.data).toEqual(sampleData('tab A'));
  });

  it('detects the conflict between two tabs (two Dexie instances on one database)', async () => {
    const tabA = db;
    const tabB = openDb(name);
    try {
      const d = await createDraft(tabA, testForm);
      const opened = await getDraft(tabB, d.id);
      expect(opened?.rev).toBe(1);
      expect(await saveDraft(tabA, d.id, sampleData('from A'), 1)).toEqual({ ok: true, rev: 2 });
      const fromB = await saveDraft(tabB, d.id, sampleData('from B'), opened!.rev);
      expect(fromB).toMatchObject({ ok: false, conflict: { theirs: { rev: 2, data: sampleData('from A') } } });
      // Both tabs racing on the same base rev: exactly one wins.
      const results = await Promise.all([saveDraft(tabA, d.id, sampleData('A2'), 2), saveDraft(tabB, d.id, sampleData('B2'), 2)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect((await getDraft(tabA, d.id))?.rev).toBe(3);
    } finally {
      tabB.close();
    }
  });

  it('throws a bilingual error when the draft is gone', async () => {
    const err = await saveDraft(db, 'missing', sampleData('x'), 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).bilingual.zh).toContain('找不到');
  });

  it('snapshots at most once per interval during autosaves', async () => {
    const d = await createDraft(db, testForm);
    let rev = 1;
    for (let i = 0; i < 10; i++) {
      advance(15_000); // 10 saves over 150 s
      const r = await saveDraft(db, d.id, sampleData(`v${i}`), rev);
      if (!r.ok) throw new Error('unexpected conflict');
      rev = r.rev;
    }
    const revs = await listRevisions(db, d.id);
    // create at 0 s; autosaves at 60 s, 120 s.
    expect(revs.map((r) => [r.reason, r.savedAt - T0])).toEqual([
      ['autosave', 120_000],
      ['autosave', 60_000],
      ['create', 0],
    ]);
    expect(revs[0]?.data).toEqual(sampleData('v7'));
  });

  it('keeps at most maxPerDraft snapshots, dropping the oldest', async () => {
    const policy: RevisionPolicy = { autosaveIntervalMs: 0, maxPerDraft: 5 };
    const d = await createDraft(db, testForm, { policy });
    for (let rev = 1; rev <= 9; rev++) await saveDraft(db, d.id, sampleData(`v${rev}`), rev, policy);
    const revs = await listRevisions(db, d.id);
    expect(revs.map((r) => r.rev)).toEqual([10, 9, 8, 7, 6]);
  });
});

describe('forceSaveDraft', () => {
  it('overwrites theirs and keeps both versions as conflict revisions', async () => {
    const d = await createDraft(db, testForm);
    await saveDraft(db, d.id, sampleData('theirs'), 1); // within 60 s: no snapshot of "theirs" yet
    const r = await forceSaveDraft(db, d.id, sampleData('mine'));
    expect(r).toEqual({ rev: 3 });
    expect((await getDraft(db, d.id))?.data).toEqual(sampleData('mine'));
    const revs = await listRevisions(db, d.id);
    expect(revs.map((x) => [x.rev, x.reason, x.data.fields.unit])).toEqual([
      [3, 'conflict', 'mine'],
      [2, 'conflict', 'theirs'],
      [1, 'create', ''],
    ]);
  });
});

describe('rename, duplicate, archive, delete', () => {
  it('renames without bumping the rev', async () => {
    const d = await createDraft(db, testForm, { title: 'old' });
    advance(10);
    await renameDraft(db, d.id, ' 新名称 ');
    expect(await getDraft(db, d.id)).toMatchObject({ title: '新名称', rev: 1, updatedAt: T0 + 10 });
    await expect(saveDraft(db, d.id, sampleData('x'), 1)).resolves.toMatchObject({ ok: true });
    await expect(renameDraft(db, 'missing', 'x')).rejects.toBeInstanceOf(DbError);
  });

  it('duplicates as an independent draft with its own history', async () => {
    const d = await createDraft(db, testForm, { title: '河北', data: sampleData('河北', ['一中']) });
    await archiveDraft(db, d.id);
    const copy = await duplicateDraft(db, d.id);
    expect(copy).toMatchObject({ title: '河北（副本）', rev: 1, archived: 0, data: sampleData('河北', ['一中']) });
    expect(copy.id).not.toBe(d.id);
    expect((await listRevisions(db, copy.id)).map((r) => r.reason)).toEqual(['duplicate']);
    await saveDraft(db, copy.id, sampleData('changed'), 1);
    expect((await getDraft(db, d.id))?.data).toEqual(sampleData('河北', ['一中']));
  });

  it('duplicates with replacement data and title (keep both after a conflict)', async () => {
    const d = await createDraft(db, testForm, { title: 'T' });
    const copy = await duplicateDraft(db, d.id, { data: sampleData('mine'), title: 'T (mine)' });
    expect(copy).toMatchObject({ title: 'T (mine)', data: sampleData('mine') });
  });

  it('archives and unarchives', async () => {
    const d = await createDraft(db, testForm);
    await archiveDraft(db, d.id);
    expect(await listDrafts(db)).toEqual([]);
    await unarchiveDraft(db, d.id);
    expect((await listDrafts(db)).map((x) => x.id)).toEqual([d.id]);
    await expect(archiveDraft(db, 'missing')).rejects.toBeInstanceOf(DbError);
  });

  it('soft-deletes, undoes, and purges only what was deleted long enough ago', async () => {
    const a = await createDraft(db, testForm, { title: 'a' });
    const b = await createDraft(db, testForm, { title: 'b' });
    const c = await createDraft(db, testForm, { title: 'c' });
    await deleteDraft(db, a.id);
    await deleteDraft(db, b.id);
    expect((await listDrafts(db)).map((x) => x.title)).toEqual(['c']);
    await undoDeleteDraft(db, b.id);
    expect((await listDrafts(db)).map((x) => x.title).sort()).toEqual(['b', 'c']);
    advance(10_000);
    await deleteDraft(db, c.id);
    expect(await purgeDeleted(db, T0 + 5_000)).toBe(1); // a only; c was deleted after the cutoff
    expect(await getDraft(db, a.id)).toBeUndefined();
    expect(await listRevisions(db, a.id)).toEqual([]);
    expect(await getDraft(db, c.id)).toBeDefined();
    expect(await listRevisions(db, b.id)).toHaveLength(1);
    expect(await purgeDeleted(db, T0 + 5_000)).toBe(0);
  });
});

describe('restoreRevision', () => {
  it('makes an old revision current as a new rev and keeps the replaced state', async () => {
    const d = await createDraft(db, testForm, { title: 'v1', data: sampleData('one') });
    const [created] = await listRevisions(db, d.id);
    advance(1000);
    await renameDraft(db, d.id, 'v2');
    await saveDraft(db, d.id, sampleData('two'), 1); // no snapshot (within 60 s)
    const r = await restoreRevision(db, d.id, created!.id!);
    expect(r.rev).toBe(3);
    expect(await getDraft(db, d.id)).toMatchObject({ rev: 3, title: 'v1', data: sampleData('one') });
    const revs = await listRevisions(db, d.id);
    expect(revs.map((x) => [x.rev, x.reason, x.data.fields.unit])).toEqual([
      [3, 'restore', 'one'],
      [2, 'autosave', 'two'],
      [1, 'create', 'one'],
    ]);
  });

  it("refuses another draft's revision", async () => {
    const a = await createDraft(db, testForm);
    const b = await createDraft(db, testForm);
    const [revB] = await listRevisions(db, b.id);
    const err = await restoreRevision(db, a.id, revB!.id!).catch((e: unknown) => e);
    expect((err as DbError).bilingual.en).toContain('revision');
    expect((await getDraft(db, a.id))?.rev).toBe(1);
  });
});

describe('stashRevision', () => {
  it('records a version as a conflict revision without touching the draft', async () => {
    const d = await createDraft(db, testForm, { data: sampleData('current') });
    await stashRevision(db, d.id, sampleData('not chosen'), 1);
    expect(await getDraft(db, d.id)).toMatchObject({ rev: 1, data: sampleData('current') });
    const revs = await listRevisions(db, d.id);
    expect(revs.map((r) => [r.rev, r.reason, r.data.fields.unit])).toEqual([
      [1, 'conflict', 'not chosen'],
      [1, 'create', 'current'],
    ]);
    await expect(stashRevision(db, 'missing', sampleData('x'), 1)).rejects.toBeInstanceOf(DbError);
  });
});
