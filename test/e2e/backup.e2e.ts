import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchExtension, type ExtensionSession } from './harness';
import { OptionsPage, POLL } from './pages/options';
import { watchDownloads } from '../../scripts/demo/downloads';

let s: ExtensionSession;
let dir: string;
beforeAll(async () => {
  s = await launchExtension();
  dir = mkdtempSync(path.join(tmpdir(), 'guoyou-backup-e2e-'));
});
afterAll(() => s?.close());

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const draft = (id: string, title: string, filler: string) => ({
  id,
  formId: 'recommendation',
  formVersion: 1,
  title,
  // A date as spreadsheets write it: the editor must show it (as text) rather than an empty date picker.
  data: { fields: { filler, fillDate: '2024/8/1' }, groups: { schools: [] } },
  rev: 3,
  createdAt: Date.UTC(2024, 6, 30),
  updatedAt: Date.UTC(2024, 6, 31),
  archived: 0,
  deletedAt: 0,
});

const validBackup = {
  format: 'guoyou-backup',
  version: 1,
  exportedAt: '2024-08-01T08:00:00+08:00',
  app: { name: 'guoyou-form-assistant', version: '0.1.0' },
  drafts: [draft('imported-1', '导入的草稿甲', '赵一'), draft('imported-2', '导入的草稿乙', '钱二')],
};

test('a malformed backup is refused with a clear Chinese message; the list is unchanged', async () => {
  const o = await OptionsPage.open(s);
  await o.createDraft('备份前已有的草稿');
  await o.goto('#/drafts');
  const before = await o.waitForListTitles((t) => t.includes('备份前已有的草稿'));

  const cases: Array<[string, string, string]> = [
    ['not-json.json', '{"format": "guoyou-backup", "drafts": [', 'JSON'],
    ['not-backup.json', JSON.stringify({ hello: 'world' }), 'guoyou-backup'],
    ['bad-shape.json', JSON.stringify({ ...validBackup, drafts: [{ ...draft('x', 'y', 'z'), rev: 'three' }] }), '格式不正确'],
  ];
  for (const [name, text, mentions] of cases) {
    await o.importBackup(file(name, text));
    // The refusal of this file, not the previous one's still on screen.
    const error = `[data-testid="backup-error"][data-file="${name}"]`;
    await o.page.waitForSelector(error);
    const message = await o.page.$eval(error, (el) => el.textContent ?? '');
    expect(message, name).toContain(mentions);
    expect(message, name).toContain('数据库未作任何改动');
    expect(message, name).not.toMatch(/\n\s+at /); // never a stack trace
    expect(await o.page.$('[data-testid="backup-preview"]')).toBeNull();
  }
  await o.goto('#/drafts');
  expect(await o.waitForListTitles((t) => t.length === before.length)).toEqual(before);
  await o.close();
});

test('a valid backup shows a preview, then its drafts appear', async () => {
  const o = await OptionsPage.open(s);
  await o.importBackup(file('valid.json', JSON.stringify(validBackup)));
  await o.page.waitForSelector('[data-testid="backup-preview"]');
  expect(await o.page.$eval('[data-testid="backup-preview"]', (el) => el.textContent)).toContain('新草稿 2 份');
  await o.page.click('[data-testid="backup-confirm"]');
  await o.page.waitForSelector('[data-testid="backup-done"]');
  await o.goto('#/drafts');
  const titles = await o.waitForListTitles((t) => t.includes('导入的草稿甲') && t.includes('导入的草稿乙'));
  expect(titles).toEqual(expect.arrayContaining(['导入的草稿甲', '导入的草稿乙']));
  const opened = await OptionsPage.openDraft(s, 'imported-2');
  expect(await opened.value('filler')).toBe('钱二');
  expect(await opened.value('fillDate')).toBe('2024/8/1');
  await opened.close();
  await o.close();
});

test('the language switch shows English everywhere and is remembered', async () => {
  const o = await OptionsPage.open(s);
  await o.page.click('[data-testid="language-switch"]');
  await o.page.waitForFunction(() => document.documentElement.lang === 'en', POLL);
  const nav = await o.page.$$eval('.tabs a', (els) => els.map((e) => e.textContent));
  expect(nav).toContain('Drafts');
  expect(await o.page.$eval('h1', (el) => el.textContent)).toBe('My drafts');

  // Another page (the editor of an imported draft) opens in English without asking again.
  const editor = await OptionsPage.openDraft(s, 'imported-1');
  await editor.page.waitForFunction(() => document.documentElement.lang === 'en', POLL);
  expect(await editor.page.$eval('label[for="field-filler"]', (el) => el.textContent)).toContain('Filled in by');
  expect(await editor.page.$eval('[data-testid="findings"] h2', (el) => el.textContent)).toBe('Findings');

  // Switch back for the other specs sharing nothing but habits.
  await editor.page.click('[data-testid="language-switch"]');
  await editor.page.waitForFunction(() => document.documentElement.lang === 'zh-CN', POLL);
  await o.page.waitForFunction(() => document.documentElement.lang === 'zh-CN', POLL);
  await editor.close();
  await o.close();
});

test('a reference list with a wrong shape is refused whole; a valid one replaces the shipped list until restored', async () => {
  const o = await OptionsPage.open(s, '#/reference');
  const count = (id: string) => o.page.$eval(`tr[data-list="${id}"] td:nth-of-type(2)`, (el) => el.textContent ?? '');
  await o.page.waitForSelector('tr[data-list="doubleFirstClass"]');
  const shipped = await count('doubleFirstClass');
  const upload = async (name: string, json: unknown) => {
    const input = await o.page.waitForSelector('[data-testid="reference-file"]');
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(
      file(name, typeof json === 'string' ? json : JSON.stringify(json)),
    );
  };

  await upload('bad-item.json', {
    id: 'doubleFirstClass',
    version: '2025',
    source: '测试',
    items: [
      { name: '北京大学', code: '10001' },
      { name: '', code: 'x' },
    ],
  });
  await o.page.waitForSelector('[data-testid="reference-error"]');
  expect(await o.page.$eval('[data-testid="reference-error"]', (el) => el.textContent)).toContain('第 2 项');
  await upload('not-json.json', '{ nope');
  await o.page.waitForFunction(() => document.querySelector('[data-testid="reference-error"]')?.textContent?.includes('JSON'), POLL);
  expect(await count('doubleFirstClass')).toBe(shipped);

  await upload('good.json', {
    id: 'doubleFirstClass',
    version: '2025-test',
    source: '测试名单',
    items: [
      { name: '北京大学', code: '10001' },
      { name: '清华大学', code: '10003' },
    ],
  });
  await o.page.waitForSelector('[data-testid="reference-preview"] .btn-primary');
  await o.page.click('[data-testid="reference-preview"] .btn-primary');
  await o.page.waitForFunction(
    () => document.querySelector('tr[data-list="doubleFirstClass"] td:nth-of-type(2)')?.textContent === '2',
    POLL,
  );
  expect(await o.page.$eval('tr[data-list="doubleFirstClass"] td:nth-of-type(1)', (el) => el.textContent)).toBe('2025-test');

  await o.page.click('tr[data-list="doubleFirstClass"] .link-btn');
  await o.page.waitForFunction(
    (n) => document.querySelector('tr[data-list="doubleFirstClass"] td:nth-of-type(2)')?.textContent === n,
    POLL,
    shipped,
  );
  await o.close();
});

test('export then import on a fresh profile brings every draft across, with its values', async () => {
  const downloads = await watchDownloads(s.browser, dir);
  const o = await OptionsPage.open(s);
  const id = await o.createDraft('搬家的草稿');
  await o.type('filler', '孙三');
  await o.waitSaved();
  await o.goto('#/drafts');
  const titles = await o.waitForListTitles((t) => t.includes('搬家的草稿'));
  await o.goto('#/settings');
  await o.page.waitForSelector('[data-testid="backup-export"]');
  const saved = await downloads.expect(() => o.page.click('[data-testid="backup-export"]'));
  const backup = JSON.parse(readFileSync(saved, 'utf8')) as { format: string; drafts: Array<{ id: string; revisions?: unknown[] }> };
  expect(backup.format).toBe('guoyou-backup');
  expect(backup.drafts.find((d) => d.id === id)?.revisions?.length).toBeGreaterThan(0);
  await o.close();

  const other = await launchExtension();
  try {
    const fresh = await OptionsPage.open(other);
    expect(await fresh.listTitles()).toEqual([]);
    await fresh.importBackup(saved);
    await fresh.page.waitForSelector('[data-testid="backup-confirm"]');
    await fresh.page.click('[data-testid="backup-confirm"]');
    await fresh.page.waitForSelector('[data-testid="backup-done"]');
    await fresh.goto('#/drafts');
    expect((await fresh.waitForListTitles((t) => t.length === titles.length)).sort()).toEqual([...titles].sort());
    const moved = await OptionsPage.openDraft(other, id);
    expect(await moved.value('filler')).toBe('孙三');
  } finally {
    await other.close();
  }
});

test('a passphrase-protected backup holds only ciphertext; import asks for the passphrase, refuses a wrong one, restores with the right one', async () => {
  const own = mkdtempSync(path.join(tmpdir(), 'guoyou-sealed-e2e-'));
  const downloads = await watchDownloads(s.browser, own);
  const o = await OptionsPage.open(s);
  const id = await o.createDraft('加密备份的草稿');
  await o.type('filler', '周五 11010519491231002X');
  await o.waitSaved();
  await o.goto('#/settings');
  await o.page.waitForSelector('[data-testid="backup-protect"]');
  await o.page.click('[data-testid="backup-protect"]');
  await o.page.type('[data-testid="backup-export-passphrase"]', '正确的口令 2024');
  await o.page.type('[data-testid="backup-export-repeat"]', '正确的口令 2024');
  const saved = await downloads.expect(() => o.page.click('[data-testid="backup-export-submit"]'));
  const text = readFileSync(saved, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'guoyou-backup-encrypted', envelope: { alg: 'AES-GCM', iter: 600_000 } });
  expect(text).not.toMatch(/周五|11010519491231002X|加密备份的草稿/);

  // Change the draft, so the import visibly brings the backed-up version back.
  const editor = await OptionsPage.openDraft(s, id);
  await editor.type('filler', ' 改过了');
  await editor.waitSaved();
  await editor.close();

  await o.importBackup(saved);
  await o.page.waitForSelector('[data-testid="backup-ask"]');
  await o.page.type('[data-testid="backup-import-passphrase"]', '错误的口令');
  await o.page.click('[data-testid="backup-import-submit"]');
  await o.page.waitForSelector('[data-testid="backup-ask"] [data-testid="backup-error"]');
  expect(await o.page.$eval('[data-testid="backup-error"]', (el) => el.textContent)).toContain('口令不对');
  expect(await o.page.$('[data-testid="backup-preview"]')).toBeNull();

  await o.page.type('[data-testid="backup-import-passphrase"]', '正确的口令 2024');
  await o.page.click('[data-testid="backup-import-submit"]');
  await o.page.waitForSelector('[data-testid="backup-preview"]');
  expect(await o.page.$eval('[data-testid="backup-preview"]', (el) => el.textContent)).toContain('有变化 1 份');
  await o.page.click('[data-testid="backup-confirm"]');
  await o.page.waitForSelector('[data-testid="backup-done"]');
  const restored = await OptionsPage.openDraft(s, id);
  expect(await restored.value('filler')).toBe('周五 11010519491231002X');
  await restored.close();
  await o.close();
});
