/**
 * Drafts encrypted at rest (issue 13 §10). Chromium gives every file:// page one origin, so any local HTML file reads
 * the toolkit's IndexedDB: with a passphrase set it must find only ciphertext. The same for the extension's options
 * page, whose popup then says the drafts are locked instead of filling.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { chromiumArgs, findChromium } from '../../scripts/platform/chromium-path';
import { serveStatic, type StaticServer } from '../../scripts/start/static-server';
import { watchDownloads, type DownloadWatcher } from '../../scripts/demo/downloads';
import { startVerifyFixtures, rosterFor, type FixtureServer } from '../fixtures/verify';
import { OptionsPage, POLL } from './pages/options';
import { importRoster, launchExtension, tabIdOf, verify, type ExtensionSession } from './harness';

const outDir = path.resolve(process.env.GUOYOU_E2E_OUT ?? '.output/e2e', 'toolkit');
const work = mkdtempSync(path.join(tmpdir(), 'guoyou-vault-e2e-'));
const NAME = '赵六';
const ID = '11010519491231002X';
const TITLE = '加密的推荐表';
const PASSPHRASE = '只有我知道的口令';

/** Every object store of the `guoyou` database, read with the bare IndexedDB API from whatever page this runs in. */
function dumpIndexedDb(page: Page): Promise<{ names: string[]; dump: string }> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    if (!names.includes('guoyou')) return { names, dump: '' };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('guoyou');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const store of Array.from(db.objectStoreNames)) {
      out[store] = await new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    }
    db.close();
    return { names, dump: JSON.stringify(out) };
  });
}

async function turnOn(o: OptionsPage): Promise<void> {
  await o.goto('#/settings');
  await o.page.waitForSelector('[data-testid="vault-on-passphrase"]');
  await o.page.type('[data-testid="vault-on-passphrase"]', PASSPHRASE);
  await o.page.type('[data-testid="vault-on-repeat"]', PASSPHRASE);
  await o.page.click('[data-testid="vault-on-submit"]');
  await o.page.waitForFunction(() => document.querySelector('[data-testid="vault-message"]')?.textContent?.includes('已加密'), POLL);
}

async function typeDraft(o: OptionsPage): Promise<string> {
  const id = await o.createDraft(TITLE);
  await o.type('filler', `${NAME} ${ID}`);
  await o.waitSaved();
  return id;
}

async function unlock(page: Page, passphrase: string): Promise<void> {
  await page.waitForSelector('[data-testid="unlock-passphrase"]');
  await page.type('[data-testid="unlock-passphrase"]', passphrase);
  await page.click('[data-testid="unlock-submit"]');
}

function expectCiphertextOnly(dump: string): void {
  expect(dump).toContain('"sealed"');
  expect(dump).toContain('AES-GCM');
  expect(dump).not.toContain(NAME);
  expect(dump).not.toContain(ID);
  expect(dump).not.toContain(TITLE);
}

/** Export the Excel tab's admin backup, protected (the default while drafts are encrypted): the saved file's path. */
async function exportProtectedExcelBackup(page: Page, downloads: DownloadWatcher, passphrase: string): Promise<string> {
  await page.waitForSelector('[data-testid="excel-backup-protect"]');
  expect(await page.$eval('[data-testid="excel-backup-protect"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
  // Protected, there is no plain export button, and the card says the file opens only here.
  expect(await page.$('[data-testid="excel-backup-export"]')).toBeNull();
  expect(await page.$eval('[data-testid="excel-backup-sealed-note"]', (el) => el.textContent)).toContain('只能在本扩展或离线工具包');
  await page.type('[data-testid="excel-backup-export-passphrase"]', passphrase);
  await page.type('[data-testid="excel-backup-export-repeat"]', passphrase);
  const saved = await downloads.expect(() => page.click('[data-testid="excel-backup-export-submit"]'));
  expect(path.basename(saved)).toMatch(/^guoyou-backup-\d{8}-\d{4}\.gyenc$/);
  return saved;
}

/** A protected Excel backup holds only ciphertext: no zip to open, no name, ID number, title or workbook name. */
function expectSealedExcelBackup(file: string): void {
  const bytes = new Uint8Array(readFileSync(file));
  expect(() => unzipSync(bytes)).toThrow();
  const text = new TextDecoder().decode(bytes);
  expect(JSON.parse(text)).toMatchObject({ format: 'guoyou-backup-encrypted', content: 'zip', envelope: { alg: 'AES-GCM' } });
  for (const plain of [NAME, ID, TITLE, 'backup.json', '.xlsx']) expect(text).not.toContain(plain);
}

describe('static toolkit opened from file://', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!(process.env.GUOYOU_SKIP_BUILD === '1' && existsSync(path.join(outDir, 'index.html')))) {
      const r = spawnSync(
        process.execPath,
        [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.toolkit.config.ts'],
        {
          stdio: 'inherit',
          env: { ...process.env, GUOYOU_TOOLKIT_OUT: outDir },
        },
      );
      if (r.status !== 0) throw new Error('toolkit build failed');
    }
    browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, pipe: true, args: chromiumArgs() });
  });
  afterAll(() => browser?.close());

  test('another local HTML file reads only ciphertext; a reload asks for the passphrase, which shows the draft', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(outDir, 'index.html')).href, { waitUntil: 'load' });
    await page.waitForSelector('.app-bar');
    const o = new OptionsPage(page, undefined as unknown as ExtensionSession);
    await turnOn(o);
    const id = await typeDraft(o);

    // The toolkit's Excel tab is the extension's: its admin backup leaves protected too.
    await o.goto('#/import');
    expectSealedExcelBackup(await exportProtectedExcelBackup(page, await watchDownloads(browser, work), PASSPHRASE));

    // An unrelated local page, as a "通知.html" from Downloads would be: same origin, same IndexedDB.
    const notice = path.join(work, '通知.html');
    writeFileSync(notice, '<!doctype html><meta charset="utf-8"><title>通知</title><p>关于报送材料的通知</p>');
    const other = await browser.newPage();
    await other.goto(pathToFileURL(notice).href, { waitUntil: 'load' });
    const { names, dump } = await dumpIndexedDb(other);
    expect(names).toContain('guoyou');
    expect(dump).toContain(id);
    expectCiphertextOnly(dump);
    await other.close();

    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('[data-testid="unlock"]');
    expect(await page.$('[data-testid="draft-list"], [data-testid="editor"]')).toBeNull();
    await unlock(page, '不对的口令');
    await page.waitForSelector('[data-testid="unlock-error"]');
    expect(await page.$eval('[data-testid="unlock-error"]', (el) => el.textContent)).toContain('口令不对');
    await unlock(page, PASSPHRASE);
    await o.goto(`#/draft/${id}`);
    await o.waitForEditor();
    expect(await o.value('filler')).toBe(`${NAME} ${ID}`);

    // Change the passphrase (current one first), then turn encryption off: the other page reads plain rows again.
    await o.goto('#/settings');
    await page.waitForSelector('[data-testid="vault-change"]');
    expect(await page.$eval('[data-testid="backup-protect"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await page.click('[data-testid="vault-change"]');
    await page.type('[data-testid="vault-current-passphrase"]', PASSPHRASE);
    await page.click('[data-testid="vault-current-submit"]');
    await page.type('[data-testid="vault-new-passphrase"]', '新的口令 2025');
    await page.type('[data-testid="vault-new-repeat"]', '新的口令 2025');
    await page.click('[data-testid="vault-new-submit"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="vault-message"]')?.textContent?.includes('口令已更换'), POLL);
    await page.click('[data-testid="vault-off"]');
    await page.type('[data-testid="vault-current-passphrase"]', PASSPHRASE);
    await page.click('[data-testid="vault-current-submit"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="vault-message"]')?.textContent?.includes('口令不对'), POLL);
    await page.type('[data-testid="vault-current-passphrase"]', '新的口令 2025');
    await page.click('[data-testid="vault-current-submit"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="vault-message"]')?.textContent?.includes('已取消加密'), POLL);
    const again = await browser.newPage();
    await again.goto(pathToFileURL(notice).href, { waitUntil: 'load' });
    const plain = (await dumpIndexedDb(again)).dump;
    expect(plain).toContain(ID);
    expect(plain).not.toContain('"sealed"');
    await again.close();
    await page.close();
  });
});

describe('extension', () => {
  let s: ExtensionSession;
  let server: StaticServer;
  let fixtures: FixtureServer;
  let downloads: DownloadWatcher;
  beforeAll(async () => {
    [s, fixtures] = await Promise.all([launchExtension(), startVerifyFixtures()]);
    downloads = await watchDownloads(s.browser, work);
    writeFileSync(
      path.join(work, 'form.html'),
      '<!doctype html><meta charset="utf-8"><title>报送</title><label>填表人<input name="filler"></label>',
    );
    server = await serveStatic(work);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
    await fixtures?.close();
  });

  test('the options page stores only ciphertext; locked, the popup says so instead of listing or filling', async () => {
    const o = await OptionsPage.open(s, '#/settings');
    await turnOn(o);
    const id = await typeDraft(o);
    expectCiphertextOnly((await dumpIndexedDb(o.page)).dump);

    // Another extension page of the same browser session is unlocked already (chrome.storage.session).
    const second = await OptionsPage.openDraft(s, id);
    expect(await second.value('filler')).toBe(`${NAME} ${ID}`);
    await second.close();

    await o.goto('#/settings');
    await o.page.waitForSelector('[data-testid="vault-lock"]');
    await Promise.all([o.page.waitForNavigation(), o.page.click('[data-testid="vault-lock"]')]);
    await o.page.waitForSelector('[data-testid="unlock"]');

    const target = await s.browser.newPage();
    await target.goto(`${server.url}/form.html`, { waitUntil: 'load' });
    const popup = await s.openPage(`popup.html?tab=${await tabIdOf(s, target)}&draft=${id}`);
    await popup.waitForSelector('[data-testid="popup-locked"]');
    expect(await popup.$eval('[data-testid="popup-locked"]', (el) => el.textContent)).toContain('草稿已加锁，请先在选项页解锁');
    expect(await popup.$('.recent-title')).toBeNull();
    await popup.click('[data-testid="autofill-fill"]');
    await popup.waitForSelector('[data-testid="autofill-error"]');
    expect(await popup.$eval('[data-testid="autofill-error"]', (el) => el.textContent)).toContain('草稿已加锁，请先在选项页解锁');
    expect(await target.$eval('input[name="filler"]', (el) => (el as HTMLInputElement).value)).toBe('');
    await popup.close();

    // Background tabs get no animation frames, and puppeteer's waits poll on them.
    await o.page.bringToFront();
    await unlock(o.page, PASSPHRASE);
    await o.page.waitForSelector('[data-testid="vault-status"]');
    const after = await s.openPage('popup.html');
    await after.bringToFront();
    await after.waitForSelector('.recent-title');
    expect(await after.$$eval('.recent-title', (els) => els.map((e) => e.textContent))).toContain(TITLE);
    await after.close();
    await target.close();
    await o.close();
  });

  // The tests below run after the one above: encryption on, unlocked in this browser session.

  test('a protected Excel backup zip holds only ciphertext; another browser restores it only with its passphrase', async () => {
    const o = await OptionsPage.open(s, '#/drafts');
    const id = await typeDraft(o);
    await o.goto('#/import');
    const saved = await exportProtectedExcelBackup(o.page, downloads, '备份用的口令 2024');
    expectSealedExcelBackup(saved);
    await o.close();

    // Another computer: a fresh profile, nothing stored, encryption off.
    const other = await launchExtension();
    try {
      const p = await OptionsPage.open(other, '#/import');
      const input = await p.page.waitForSelector('[data-testid="excel-backup-file"]');
      await (input as unknown as { uploadFile(f: string): Promise<void> }).uploadFile(saved);
      await p.page.waitForSelector('[data-testid="excel-backup-ask"]');
      await p.page.type('[data-testid="excel-backup-import-passphrase"]', '不对的口令');
      await p.page.click('[data-testid="excel-backup-import-submit"]');
      await p.page.waitForFunction(
        () =>
          document.querySelector('[data-testid="excel-backup-ask"] [data-testid="excel-backup-error"]')?.textContent?.includes('口令不对'),
        POLL,
      );
      expect(await p.page.$('[data-testid="excel-backup-preview"]')).toBeNull();
      const untouched = await dumpIndexedDb(p.page);
      expect(untouched.dump).not.toContain(ID);
      expect(untouched.dump).not.toContain(id);

      await p.page.type('[data-testid="excel-backup-import-passphrase"]', '备份用的口令 2024');
      await p.page.click('[data-testid="excel-backup-import-submit"]');
      await p.page.waitForSelector('[data-testid="excel-backup-preview"]');
      expect(await p.page.$eval('[data-testid="excel-backup-preview"]', (el) => el.textContent)).toMatch(/新增 [1-9]/);
      await p.page.click('[data-testid="excel-backup-confirm"]');
      await p.page.waitForSelector('[data-testid="excel-backup-done"]');
      await p.close();
      const restored = await OptionsPage.openDraft(other, id);
      expect(await restored.value('filler')).toBe(`${NAME} ${ID}`);
      await restored.close();
    } finally {
      await other.close();
    }
  });

  test('a roster is stored as ciphertext while encryption is on; verify still reports its differences, and stops when locked', async () => {
    const table = fixtures.pages.find((x) => x.path === '/table-plain.html')!;
    const roster = rosterFor(table);
    const students = (JSON.parse(roster.json) as { students: Array<Record<string, string>> }).students;
    const imported = await importRoster(s, '2024届名册.json', roster.json);
    expect(imported).toMatchObject({ ok: true, text: expect.stringContaining('2024届名册') });

    // What another reader of the extension's IndexedDB sees: the roster's name, no student's number, name or ID.
    const o = await OptionsPage.open(s, '#/settings');
    const { dump } = await dumpIndexedDb(o.page);
    const rows = (JSON.parse(dump) as { rosters: Array<Record<string, unknown>> }).rosters;
    expect(rows).toHaveLength(students.length);
    for (const row of rows) {
      expect(row.rosterId).toBe('2024届名册');
      expect(Object.keys(row).sort()).toEqual(['id', 'rosterId', 'sealed']);
    }
    const rawRosters = JSON.stringify(rows);
    for (const st of students) {
      for (const v of [st['学号'], st['证件号码'], st['姓名']]) if (v) expect(rawRosters).not.toContain(v);
    }
    await o.close();

    const page = await s.browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(fixtures.url + table.path, { waitUntil: 'load' });
    const run = await verify(s, page);
    try {
      const mismatches = run.findings.filter((f) => f.ruleId === 'roster.mismatch');
      expect(mismatches).toHaveLength(roster.expected.length);
      for (const e of roster.expected) expect(mismatches.some((f) => f.row === e.row && f.fields.includes(e.field))).toBe(true);
      expect(await run.popup.$eval('[data-testid="verify-result"]', (el) => el.textContent)).toMatch(/名册比对：\d+\/300/);
    } finally {
      await run.popup.close();
    }

    // Locked, verifying stops and says why, rather than checking the page without the roster.
    const settings = await OptionsPage.open(s, '#/settings');
    await settings.page.waitForSelector('[data-testid="vault-lock"]');
    await Promise.all([settings.page.waitForNavigation(), settings.page.click('[data-testid="vault-lock"]')]);
    await settings.page.waitForSelector('[data-testid="unlock"]');
    await expect(verify(s, page)).rejects.toThrow('名册已用口令加密，当前已加锁');
    await settings.page.bringToFront();
    await unlock(settings.page, PASSPHRASE);
    await settings.page.waitForSelector('[data-testid="vault-status"]');
    await settings.close();
    await page.close();
  });
});
