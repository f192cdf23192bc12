/**
 * Drafts encrypted at rest (issue 13 §10). Chromium gives every file:// page one origin, so any local HTML file reads
 * the toolkit's IndexedDB: with a passphrase set it must find only ciphertext. The same for the extension's options
 * page, whose popup then says the drafts are locked instead of filling.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumArgs, findChromium } from '../../scripts/platform/chromium-path';
import { serveStatic, type StaticServer } from '../../scripts/start/static-server';
import { OptionsPage, POLL } from './pages/options';
import { launchExtension, tabIdOf, type ExtensionSession } from './harness';

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
  beforeAll(async () => {
    s = await launchExtension();
    writeFileSync(
      path.join(work, 'form.html'),
      '<!doctype html><meta charset="utf-8"><title>报送</title><label>填表人<input name="filler"></label>',
    );
    server = await serveStatic(work);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
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
});
