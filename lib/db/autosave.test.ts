import Dexie, { type DBCore } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bilingual, FormData } from '../forms/types';
import { AutosaveController, describeSaveError, watchDraft, type AutosaveOptions } from './autosave';
import { openDb } from './db';
import { createDraft, getDraft, listDrafts, listRevisions, saveDraft } from './drafts';
import { isQuotaError } from './errors';
import type { DraftRow, GuoyouDB } from './schema';
import { freshDb, sampleData, testForm } from './test-helpers';

let db: GuoyouDB;
let name: string;
let cleanup: () => Promise<void>;
let failWrites: (() => Error) | undefined;

beforeEach(() => {
  // IndexedDB (fake-indexeddb) runs on real setImmediate; only the controller's timers and clock are faked.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(Date.UTC(2026, 10, 29, 6));
  ({ db, name, cleanup } = freshDb());
  failWrites = undefined;
  // A failing-storage switch: while set, every write to drafts/revisions rejects with the given error.
  db.use({
    stack: 'dbcore',
    name: 'test-storage-full',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (req) => (failWrites ? Promise.reject(failWrites()) : table.mutate(req)),
        };
      },
    }),
  });
});

afterEach(async () => {
  vi.useRealTimers();
  await cleanup();
});

/** Let pending IndexedDB work finish (real macrotasks; fake timers do not move). */
async function settle(rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setImmediate(r));
}

async function idle(c: AutosaveController): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await settle(5);
    if (c.state !== 'saving') return;
  }
  throw new Error('save did not finish');
}

function controller(draft: DraftRow, extra: Partial<AutosaveOptions> = {}, on = db) {
  const events = {
    saved: [] as number[],
    conflicts: [] as DraftRow[],
    errors: [] as Bilingual[],
  };
  const c = new AutosaveController({
    db: on,
    draftId: draft.id,
    baseRev: draft.rev,
    onSaved: (rev) => events.saved.push(rev),
    onConflict: (theirs) => events.conflicts.push(theirs),
    onError: (e) => events.errors.push(e),
    ...extra,
  });
  return { c, events };
}

const typed = (text: string): FormData => sampleData(text);
const stored = async (id: string, on = db) => (await getDraft(on, id))?.data.fields.unit;

describe('debounce', () => {
  it('saves 300 ms after the last keystroke, once', async () => {
    const draft = await createDraft(db, testForm);
    const { c, events } = controller(draft);
    c.edit(typed('河'));
    await vi.advanceTimersByTimeAsync(100);
    c.edit(typed('河北'));
    await vi.advanceTimersByTimeAsync(100);
    c.edit(typed('河北省'));
    expect(c.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(299);
    await settle();
    expect(await stored(draft.id)).toBe('');
    await vi.advanceTimersByTimeAsync(1);
    await idle(c);
    expect(await stored(draft.id)).toBe('河北省');
    expect(events.saved).toEqual([2]);
    expect(c.state).toBe('saved');
    expect(c.pendingData).toBeUndefined();
  });

  it('while typing continuously, every keystroke older than 1 s is stored', async () => {
    const draft = await createDraft(db, testForm);
    const { c } = controller(draft);
    const typedAt: number[] = [];
    for (let i = 1; i <= 40; i++) {
      c.edit(typed(String(i)));
      typedAt.push(Date.now());
      await vi.advanceTimersByTimeAsync(100);
      await idle(c);
      const now = Date.now();
      const mustHave = typedAt.filter((t) => now - t > 1000).length; // keystrokes older than 1 s
      expect(Number(await stored(draft.id)) || 0).toBeGreaterThanOrEqual(mustHave);
    }
    // ~ one save per 600 ms window, not one per keystroke
    const rev = (await getDraft(db, draft.id))!.rev;
    expect(rev).toBeGreaterThan(4);
    expect(rev).toBeLessThan(15);
  });

  it('keeps edits made during a save and saves them next', async () => {
    const draft = await createDraft(db, testForm);
    const { c, events } = controller(draft);
    c.edit(typed('a'));
    await vi.advanceTimersByTimeAsync(300);
    expect(c.state).toBe('saving');
    c.edit(typed('ab'));
    await idle(c);
    expect(c.pendingData).toEqual(typed('ab'));
    await vi.advanceTimersByTimeAsync(600);
    await idle(c);
    expect(await stored(draft.id)).toBe('ab');
    expect(events.saved).toEqual([2, 3]);
  });

  it('flush saves at once (pagehide)', async () => {
    const draft = await createDraft(db, testForm);
    const { c } = controller(draft);
    c.edit(typed('立即'));
    await c.flush();
    expect(await stored(draft.id)).toBe('立即');
    expect(c.state).toBe('saved');
    await c.flush(); // nothing pending: no extra rev
    expect((await getDraft(db, draft.id))?.rev).toBe(2);
  });
});

describe('conflict between two tabs', () => {
  let other: GuoyouDB;
  beforeEach(() => {
    other = openDb(name);
  });
  afterEach(() => other.close());

  async function conflicted() {
    const draft = await createDraft(db, testForm, { title: '河北' });
    const tabA = controller(draft, {}, other);
    const tabB = controller(draft);
    tabA.c.edit(typed('A'));
    await tabA.c.flush();
    tabB.c.edit(typed('B'));
    await vi.advanceTimersByTimeAsync(300);
    await idle(tabB.c);
    return { draft, tabA, tabB };
  }

  it('reports theirs, writes nothing, keeps my data and holds further edits', async () => {
    const { draft, tabB } = await conflicted();
    expect(tabB.events.conflicts.map((r) => [r.rev, r.data.fields.unit])).toEqual([[2, 'A']]);
    expect(tabB.c.state).toBe('conflict');
    expect(tabB.c.pendingData).toEqual(typed('B'));
    expect(await stored(draft.id)).toBe('A');
    tabB.c.edit(typed('B2'));
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    expect(await stored(draft.id)).toBe('A');
    expect(tabB.c.pendingData).toEqual(typed('B2'));
  });

  it('keep mine: overwrites, both versions in the history', async () => {
    const { draft, tabB } = await conflicted();
    await tabB.c.keepMine();
    expect(await stored(draft.id)).toBe('B');
    expect(tabB.c.state).toBe('saved');
    expect(tabB.c.rev).toBe(3);
    const revs = await listRevisions(db, draft.id);
    expect(revs.filter((r) => r.reason === 'conflict').map((r) => r.data.fields.unit)).toEqual(['B', 'A']);
    // Autosave goes on from the new rev.
    tabB.c.edit(typed('B3'));
    await tabB.c.flush();
    expect(await stored(draft.id)).toBe('B3');
  });

  it('take theirs: adopts their rev, my version stays restorable', async () => {
    const { draft, tabB } = await conflicted();
    const theirs = await tabB.c.takeTheirs();
    expect(theirs?.data.fields.unit).toBe('A');
    expect(tabB.c.rev).toBe(2);
    expect(tabB.c.pendingData).toBeUndefined();
    expect(await stored(draft.id)).toBe('A');
    const revs = await listRevisions(db, draft.id);
    expect(revs.some((r) => r.reason === 'conflict' && r.data.fields.unit === 'B')).toBe(true);
    tabB.c.edit(typed('A+B'));
    await tabB.c.flush();
    expect(await stored(draft.id)).toBe('A+B');
  });

  it('keep both: my version becomes a copy, this draft keeps theirs', async () => {
    const { draft, tabB } = await conflicted();
    const copy = await tabB.c.keepBoth();
    expect(copy).toMatchObject({ title: '河北（我的版本）', data: typed('B') });
    expect(await stored(draft.id)).toBe('A');
    expect((await listDrafts(db)).length).toBe(2);
    expect(tabB.c.state).toBe('saved');
  });

  it('an unresolved conflict is stashed as a revision on flush, once', async () => {
    const { draft, tabB } = await conflicted();
    await tabB.c.flush();
    await tabB.c.flush();
    expect(await stored(draft.id)).toBe('A');
    const stash = (await listRevisions(db, draft.id)).filter((r) => r.reason === 'conflict');
    expect(stash.map((r) => r.data.fields.unit)).toEqual(['B']);
  });

  it('remoteChanged: reload when nothing is unsaved, conflict when something is', async () => {
    const draft = await createDraft(db, testForm);
    const { c, events } = controller(draft);
    const r2 = await saveDraft(other, draft.id, typed('A'), 1);
    expect(c.remoteChanged(await getDraft(db, draft.id))).toBe('reload');
    expect(c.rev).toBe(r2.ok ? r2.rev : -1);
    expect(c.remoteChanged(await getDraft(db, draft.id))).toBe('none');
    c.edit(typed('mine'));
    await saveDraft(other, draft.id, typed('A2'), 2);
    expect(c.remoteChanged(await getDraft(db, draft.id))).toBe('conflict');
    expect(events.conflicts).toHaveLength(1);
    expect(c.pendingData).toEqual(typed('mine'));
  });

  it('watchDraft notices a save made through another connection', async () => {
    vi.useRealTimers();
    const draft = await createDraft(db, testForm);
    const seen: Array<number | undefined> = [];
    const stop = watchDraft(db, draft.id, (row) => seen.push(row?.rev));
    await vi.waitFor(() => expect(seen).toEqual([1]));
    await saveDraft(other, draft.id, typed('elsewhere'), 1);
    await vi.waitFor(() => expect(seen).toEqual([1, 2]));
    stop();
    await saveDraft(other, draft.id, typed('after stop'), 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([1, 2]);
  });
});

describe('storage full', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const wrapped = () => new Dexie.AbortError('Transaction aborted', quota());

  it.each([
    { name: 'QuotaExceededError', error: quota },
    { name: 'AbortError wrapping it (e.inner)', error: wrapped },
  ])('$name: reports it, keeps the data, retries on the next edit', async ({ error }) => {
    const draft = await createDraft(db, testForm);
    const { c, events } = controller(draft);
    failWrites = error;
    c.edit(typed('不能丢'));
    await vi.advanceTimersByTimeAsync(300);
    await idle(c);
    expect(events.errors).toHaveLength(1);
    expect(events.errors[0]?.zh).toContain('存储空间已满');
    expect(events.errors[0]?.en).toContain('storage is full');
    expect(c.state).toBe('error');
    expect(c.pendingData).toEqual(typed('不能丢'));
    expect(await stored(draft.id)).toBe('');
    // No retry loop on its own…
    await vi.advanceTimersByTimeAsync(5000);
    await settle();
    expect(events.errors).toHaveLength(1);
    // …the next edit retries, with the latest data.
    failWrites = undefined;
    c.edit(typed('不能丢！'));
    await vi.advanceTimersByTimeAsync(300);
    await idle(c);
    expect(await stored(draft.id)).toBe('不能丢！');
    expect(c.state).toBe('saved');
    expect(events.saved).toEqual([2]);
  });

  it('flush retries too, and a failed flush keeps the data', async () => {
    const draft = await createDraft(db, testForm);
    const { c, events } = controller(draft);
    failWrites = quota;
    c.edit(typed('x'));
    await c.flush();
    expect(events.errors).toHaveLength(1);
    expect(c.pendingData).toEqual(typed('x'));
    failWrites = undefined;
    await c.flush();
    expect(await stored(draft.id)).toBe('x');
  });

  it('keep mine failing for lack of space keeps the conflict open', async () => {
    const other = openDb(name);
    try {
      const draft = await createDraft(db, testForm);
      const { c, events } = controller(draft);
      await saveDraft(other, draft.id, typed('A'), 1);
      c.edit(typed('B'));
      await c.flush();
      expect(c.state).toBe('conflict');
      failWrites = wrapped;
      await c.keepMine();
      expect(events.errors[0]?.zh).toContain('存储空间已满');
      expect(c.pendingData).toEqual(typed('B'));
      failWrites = undefined;
      await c.keepMine();
      expect(await stored(draft.id)).toBe('B');
    } finally {
      other.close();
    }
  });
});

describe('error classification', () => {
  it.each([
    { error: new DOMException('q', 'QuotaExceededError'), quota: true },
    { error: { name: 'AbortError', inner: { name: 'QuotaExceededError' } }, quota: true },
    { error: { name: 'DexieError', inner: { name: 'AbortError', inner: { name: 'QuotaExceededError' } } }, quota: true },
    { error: { name: 'AbortError', inner: { name: 'ConstraintError' } }, quota: false },
    { error: new Error('boom'), quota: false },
    { error: null, quota: false },
  ])('isQuotaError($error) = $quota', ({ error, quota }) => {
    expect(isQuotaError(error)).toBe(quota);
  });

  it('describes other failures without a stack or the library’s own text (issue 13 §13)', () => {
    const msg = describeSaveError(new TypeError('x is not a function'));
    expect(msg.zh).toContain('保存失败');
    expect(msg.zh + msg.en).not.toContain('x is not a function');
    expect(describeSaveError(Object.assign(new Error('disk said no'), { name: 'UnknownError' })).en).toContain('(UnknownError)');
    expect(msg.en).not.toContain('    at ');
  });
});
