import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { applyImport, exportBackup, previewImport } from '../backup/backup';
import { createDraft, listDrafts } from '../db/drafts';
import { freshDb } from '../db/test-helpers';
import { degreeRecord, recommendationDraft } from '../../test/fixtures/xlsx/samples';
import { attempt } from './errors';
import { buildBackupZip, importSpreadsheet, readBackupFile } from '.';
import { getTemplate, saveImportedDrafts, saveTemplate } from './store';

const cleanups: Array<() => Promise<void>> = [];
function db() {
  const f = freshDb();
  cleanups.push(f.cleanup);
  return f.db;
}
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('admin backup zip', () => {
  it('holds backup.json and one readable workbook per draft, and restores through previewImport/applyImport', async () => {
    const source = db();
    const rec = await createDraft(source, 'recommendation', { title: '北京市推荐表', data: recommendationDraft(5) });
    const deg = await createDraft(source, 'degreeRecord', { title: '王小明 学位信息', data: degreeRecord(1) });
    const zip = await buildBackupZip(await exportBackup(source));

    const names = Object.keys(unzipSync(zip)).sort();
    expect(names).toEqual(
      ['backup.json', `xlsx/北京市推荐表-${rec.id.slice(0, 8)}.xlsx`, `xlsx/王小明 学位信息-${deg.id.slice(0, 8)}.xlsx`].sort(),
    );
    const book = unzipSync(zip)[`xlsx/北京市推荐表-${rec.id.slice(0, 8)}.xlsx`]!;
    const readable = await importSpreadsheet(book, 'x.xlsx', { check: () => [] });
    expect(readable.ok && readable.report.drafts[0]!.data).toEqual(recommendationDraft(5));

    const target = db();
    const preview = await previewImport(target, readBackupFile(zip));
    if (!preview.ok) throw new Error(preview.error.en);
    expect(preview.plan.new.map((d) => d.title).sort()).toEqual(['北京市推荐表', '王小明 学位信息']);
    const applied = await applyImport(target, preview.plan);
    expect(applied.ok).toBe(true);
    const restored = await listDrafts(target);
    expect(restored.find((d) => d.id === rec.id)?.data).toEqual(recommendationDraft(5));
  });

  it.each([
    ['a zip without backup.json', () => zipSync({ 'notes.txt': strToU8('x') }), /没有备份文件 backup\.json/],
    ['a truncated zip', async () => (await buildBackupZip(await exportBackup(db()))).subarray(0, 40), /不完整或已损坏/],
    ['a zip bomb', () => zipSync({ 'backup.json': new Uint8Array(16 * 1024 * 1024) }), /压缩炸弹/],
  ])('refuses %s and leaves the database unchanged', async (_name, make, zh) => {
    const target = db();
    await createDraft(target, 'degreeRecord', { title: 'keep me' });
    const bytes = await make();
    const r = await attempt(() => ({ json: readBackupFile(bytes) }));
    expect(!r.ok && r.error.zh).toMatch(zh);
    expect((await listDrafts(target)).map((d) => d.title)).toEqual(['keep me']);
  });

  it('a plain JSON backup file is read as text', () => {
    expect(readBackupFile(strToU8('{"format":"guoyou-backup"}'))).toBe('{"format":"guoyou-backup"}');
  });
});

describe('store', () => {
  it('creates every imported draft or none', async () => {
    const target = db();
    const ok = await saveImportedDrafts(target, {
      drafts: [{ formId: 'degreeRecord', title: 'a', data: degreeRecord(1) }],
      skippedRows: [],
    });
    expect(ok).toHaveLength(1);
    await expect(
      saveImportedDrafts(target, {
        drafts: [
          { formId: 'degreeRecord', title: 'b', data: degreeRecord(2) },
          { formId: 'no-such-form', title: 'c', data: degreeRecord(3) },
        ],
        skippedRows: [],
      }),
    ).rejects.toThrow();
    expect((await listDrafts(target)).map((d) => d.title)).toEqual(['a']);
  });

  it('keeps one template per form, the latest replacing the earlier', async () => {
    const target = db();
    await saveTemplate(target, 'recommendation', 'old.xlsx', new Uint8Array([1]));
    await saveTemplate(target, 'recommendation', '官方模板.xlsx', new Uint8Array([1, 2, 3]));
    const t = await getTemplate(target, 'recommendation');
    expect(t?.name).toBe('官方模板.xlsx');
    expect(new Uint8Array(t!.bytes)).toEqual(new Uint8Array([1, 2, 3]));
  });
});
