import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadReferenceData, parseReferenceImport } from '../reference';
import { loadOverrides, removeReferenceList, saveReferenceList } from './reference-lists';
import type { GuoyouDB } from './schema';
import { freshDb } from './test-helpers';

let db: GuoyouDB;
let cleanup: () => Promise<void>;
beforeEach(() => ({ db, cleanup } = freshDb()));
afterEach(() => cleanup());

const pilotFile = {
  id: 'pilotUniversities',
  version: '2025-test',
  source: '测试名单',
  items: [{ name: '测试大学', code: '99999', batch: 3 }],
};

describe('reference list overrides', () => {
  it('stores a validated list and feeds it to loadReferenceData', async () => {
    const parsed = parseReferenceImport(pilotFile);
    if (!parsed.ok) throw new Error(parsed.error.en);
    const row = await saveReferenceList(db, parsed.list);
    expect(row).toMatchObject({ id: 'pilotUniversities', version: '2025-test', source: '测试名单' });
    const overrides = await loadOverrides(db);
    expect(overrides.map((l) => [l.id, l.version])).toEqual([['pilotUniversities', '2025-test']]);
    const refs = await loadReferenceData(overrides);
    expect(refs.pilotUniversities.items).toEqual([{ name: '测试大学', code: '99999', batch: 3 }]);
    expect(refs.provinces.items.length).toBeGreaterThan(30); // other lists stay shipped
  });

  it('replaces a previous import of the same list, and can go back to the shipped one', async () => {
    const first = parseReferenceImport(pilotFile);
    const second = parseReferenceImport({ ...pilotFile, version: 'v2' });
    if (!first.ok || !second.ok) throw new Error('fixture invalid');
    await saveReferenceList(db, first.list);
    await saveReferenceList(db, second.list);
    expect((await loadOverrides(db)).map((l) => l.version)).toEqual(['v2']);
    await removeReferenceList(db, 'pilotUniversities');
    expect(await loadOverrides(db)).toEqual([]);
    const refs = await loadReferenceData(await loadOverrides(db));
    expect(refs.pilotUniversities.version).not.toBe('v2');
  });
});
