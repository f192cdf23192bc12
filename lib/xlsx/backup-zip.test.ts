import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { applyImport, exportBackup, openBackup, previewImport } from '../backup/backup';
import { sealBackupJson, sealBackupZip } from '../backup/sealed';
import { createDraft, listDrafts } from '../db/drafts';
import { freshDb } from '../db/test-helpers';
import { degreeRecord, recommendationDraft } from '../../test/fixtures/xlsx/samples';
import { attempt } from './errors';
import { buildBackupZip, defaultLimits, importSpreadsheet, readBackupFile, zipReader } from '.';
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

describe('passphrase-protected backup zip (.gyenc)', () => {
  const FAST = 1_000;
  const PASS = '备份口令 2024';
  async function sealedZip(): Promise<{ file: string; id: string; idNumber: string }> {
    const source = db();
    const data = degreeRecord(3);
    const d = await createDraft(source, 'degreeRecord', { title: '王小明 学位信息', data });
    const zip = await buildBackupZip(await exportBackup(source, { includeRevisions: true }));
    return { file: await sealBackupZip(zip, PASS, FAST), id: d.id, idNumber: String(data.fields.idNumber) };
  }

  it('holds only ciphertext: not a zip, no ID number, name or title, no workbook', async () => {
    const { file, idNumber } = await sealedZip();
    const bytes = strToU8(file);
    expect(() => unzipSync(bytes)).toThrow();
    expect(file).not.toContain(idNumber);
    expect(file).not.toMatch(/王小明|学位信息|backup\.json|\.xlsx/);
    expect(JSON.parse(file)).toMatchObject({ format: 'guoyou-backup-encrypted', version: 1, content: 'zip', envelope: { alg: 'AES-GCM' } });
  });

  it('import asks for the passphrase, refuses a wrong one writing nothing, and restores with the right one', async () => {
    const { file, id, idNumber } = await sealedZip();
    const target = db();
    const text = readBackupFile(strToU8(file));
    const asked = await previewImport(target, text, { readZip: zipReader });
    expect(asked).toMatchObject({ ok: false, needsPassphrase: true });
    const wrong = await previewImport(target, text, { readZip: zipReader, passphrase: '备份口令 2025' });
    expect(wrong).toMatchObject({ ok: false, needsPassphrase: true });
    expect(!wrong.ok && wrong.error.zh).toContain('口令不对');
    expect(await target.drafts.count()).toBe(0);

    const right = await previewImport(target, text, { readZip: zipReader, passphrase: PASS });
    if (!right.ok) throw new Error(right.error.en);
    expect(right.plan.new.map((d) => d.id)).toEqual([id]);
    expect((await applyImport(target, right.plan)).ok).toBe(true);
    expect((await listDrafts(target))[0]?.data.fields.idNumber).toBe(idNumber);
  });

  it('the JSON backup import (no zip reader) says where to import it, without asking for the passphrase', async () => {
    const { file } = await sealedZip();
    const r = await openBackup(file, PASS);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.needsPassphrase).toBeFalsy();
    expect(!r.ok && r.error.zh).toContain('管理员备份（zip）');
  });

  it('a zip envelope relabelled as JSON does not open (the envelope is bound to its content)', async () => {
    const outer = JSON.parse((await sealedZip()).file) as Record<string, unknown>;
    const { content: _content, ...relabelled } = outer;
    const r = await openBackup(relabelled, PASS, { readZip: zipReader });
    expect(r).toMatchObject({ ok: false, needsPassphrase: true });
    expect(!r.ok && r.error.zh).toContain('口令不对');
  });

  it.each([
    ['a sealed truncated zip', async () => (await buildBackupZip(await exportBackup(db()))).subarray(0, 40), /不完整或已损坏/],
    ['a sealed zip bomb', () => zipSync({ 'backup.json': new Uint8Array(16 * 1024 * 1024) }), /压缩炸弹/],
    ['sealed bytes that are no zip', () => strToU8('{"format":"guoyou-backup"}'), /已损坏或不完整/],
  ])('%s is refused after the right passphrase, with the zip checks, writing nothing', async (_name, make, zh) => {
    const target = db();
    const file = await sealBackupZip(await make(), PASS, FAST);
    const r = await previewImport(target, readBackupFile(strToU8(file)), { readZip: zipReader, passphrase: PASS });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.needsPassphrase).toBeFalsy();
    expect(!r.ok && r.error.zh).toMatch(zh);
    expect(await target.drafts.count()).toBe(0);
  });

  it('a protected JSON backup opens in the same import', async () => {
    const source = db();
    await createDraft(source, 'degreeRecord', { title: 'json', data: degreeRecord(1) });
    const file = await sealBackupJson(JSON.stringify(await exportBackup(source)), PASS, FAST);
    const r = await previewImport(db(), readBackupFile(strToU8(file)), { readZip: zipReader, passphrase: PASS });
    expect(r.ok && r.plan.new.map((d) => d.title)).toEqual(['json']);
  });

  it('a protected file may be larger than the zip limit by its base64, a plain JSON may not', () => {
    const limits = { ...defaultLimits, maxFileBytes: 3000 };
    const sealed = JSON.stringify({ format: 'guoyou-backup-encrypted', version: 1, content: 'zip', envelope: { ct: 'A'.repeat(3900) } });
    expect(readBackupFile(strToU8(sealed), limits)).toBe(sealed);
    const plain = JSON.stringify({ format: 'guoyou-backup', pad: 'A'.repeat(3900) });
    expect(() => readBackupFile(strToU8(plain), limits)).toThrow(/too large|MB/);
    const huge = JSON.stringify({ format: 'guoyou-backup-encrypted', envelope: { ct: 'A'.repeat(9000) } });
    expect(() => readBackupFile(strToU8(huge), limits)).toThrow(/too large|MB/);
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
