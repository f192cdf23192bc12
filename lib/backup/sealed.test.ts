import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDraft, listDrafts } from '../db/drafts';
import type { GuoyouDB } from '../db/schema';
import { freshDb, sampleData, testForm } from '../db/test-helpers';
import { t } from '../i18n';
import { applyImport, backupToJson, exportBackup, openBackup, parseBackup, previewImport } from './backup';
import { sealBackupJson } from './sealed';

const cleanups: Array<() => Promise<void>> = [];
function db(): GuoyouDB {
  const fresh = freshDb();
  cleanups.push(fresh.cleanup);
  return fresh.db;
}
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const FAST = 1_000;
const ID = '11010519491231002X';

async function protectedBackup(passphrase: string): Promise<string> {
  const source = db();
  await createDraft(source, testForm, { title: '张三的推荐', data: sampleData(`张三 ${ID}`, ['石家庄市第一中学']) });
  return sealBackupJson(backupToJson(await exportBackup(source, { includeRevisions: true })), passphrase, FAST);
}

describe('passphrase-protected backups', () => {
  it('hold no plaintext: no name, no ID number, no title', async () => {
    const file = await protectedBackup('口令 1234');
    expect(file).not.toMatch(/张三|11010519491231002X|石家庄/);
    expect(JSON.parse(file)).toMatchObject({ format: 'guoyou-backup-encrypted', version: 1, envelope: { v: 1, alg: 'AES-GCM' } });
  });

  it('import asks for the passphrase, refuses a wrong one writing nothing, and restores with the right one', async () => {
    const file = await protectedBackup('口令 1234');
    const target = db();
    const asked = await previewImport(target, new TextEncoder().encode(file));
    expect(asked).toMatchObject({ ok: false, needsPassphrase: true });
    expect(!asked.ok && asked.error.zh).toBe(t('vault.backup.needsPassphrase', {}, 'zh-CN'));
    expect(parseBackup(file)).toMatchObject({ ok: false, needsPassphrase: true });

    const wrong = await previewImport(target, file, { passphrase: '口令 12345' });
    expect(wrong).toMatchObject({ ok: false, needsPassphrase: true });
    expect(!wrong.ok && wrong.error.zh).toContain('口令不对');
    expect(await target.drafts.count()).toBe(0);

    const right = await previewImport(target, file, { passphrase: '口令 1234' });
    if (!right.ok) throw new Error(right.error.en);
    expect(right.plan.new.map((d) => d.title)).toEqual(['张三的推荐']);
    expect((await applyImport(target, right.plan)).ok).toBe(true);
    const [draft] = await listDrafts(target);
    expect(draft?.data.fields.unit).toBe(`张三 ${ID}`);
  });

  it.each([
    ['a damaged envelope', (o: Record<string, unknown>) => ({ ...o, envelope: { v: 1 } }), /损坏/],
    ['a newer container version', (o: Record<string, unknown>) => ({ ...o, version: 9 }), /格式版本为 9/],
  ])('%s is refused with a clear message', async (_label, change, message) => {
    const file = JSON.parse(await protectedBackup('p'));
    const r = await openBackup(change(file), 'p');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.zh).toMatch(message);
  });

  it('a plain backup opens with or without a passphrase', async () => {
    const source = db();
    await createDraft(source, testForm, { title: 'plain' });
    const json = backupToJson(await exportBackup(source));
    expect((await openBackup(json)).ok).toBe(true);
    expect((await openBackup(json, 'ignored')).ok).toBe(true);
  });
});

describe('FORMAT.md', () => {
  it('has a protected example that opens with its documented passphrase', async () => {
    const doc = readFileSync(new URL('./FORMAT.md', import.meta.url), 'utf8');
    const example = /```jsonc\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toContain('guoyou-backup-encrypted');
    expect(await openBackup(example, '示例口令 2024')).toMatchObject({ ok: true, backup: { drafts: [] } });
    expect(await openBackup(example, '示例口令 2025')).toMatchObject({ ok: false, needsPassphrase: true });
  });
});
