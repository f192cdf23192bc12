/**
 * Firefox smoke suite (issue 17 §1): the Firefox build in Firefox ESR, used as a person uses it — a draft created,
 * typed into and found again after reopening, a backup imported, a sealed and an unsealed PDF checked on the options
 * page's checker and by the upload guard on a permitted site (pdf.js in the background event page), a fixture system
 * (the GBK frameset) filled from the popup. Skipped, with the reason, where the machine has no Firefox.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_OUT, makeCorpus } from '../../../scripts/make-pdf-corpus';
import { findFirefox } from '../../../scripts/platform/firefox-path';
import { OptionsPage } from '../pages/options';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server';
import { DRAFT_IDS, degreeData, fixtureBackup } from '../../fixtures/systems/drafts';
import { expectedDegree } from '../../fixtures/systems/legacy/expect';
import { launchFirefoxExtension, type FirefoxSession } from './harness';

// The global set-up installed one where it could, and said why not where it could not.
const firefox = findFirefox();

let s: FirefoxSession;
let dir: string;
let server: FixtureServer;
// The upload fixture (test/fixtures/upload) on 127.0.0.1, a site the test build permits, as in ../pdf-upload.e2e.ts.
let uploadSite: http.Server;
let uploadBase = '';
const uploadPosts: string[] = [];
beforeAll(async () => {
  if (!firefox) return;
  await makeCorpus(DEFAULT_OUT);
  server = await startFixtureServer();
  dir = mkdtempSync(path.join(tmpdir(), 'guoyou-firefox-e2e-'));
  writeFileSync(path.join(dir, 'fixtures.json'), fixtureBackup());
  const html = readFileSync(path.resolve('test/fixtures/upload/index.html'));
  uploadSite = http.createServer((req, res) => {
    if (req.method === 'POST') uploadPosts.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => uploadSite.listen(0, '127.0.0.1', r));
  uploadBase = `http://127.0.0.1:${(uploadSite.address() as AddressInfo).port}/`;
  s = await launchFirefoxExtension();
});
afterAll(async () => {
  await s?.close();
  await server?.close();
  await new Promise((r) => uploadSite?.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!firefox)('Firefox ESR: the extension as a person uses it', () => {
  test('a new draft keeps what was typed after its tab is closed and reopened', async () => {
    const editor = await OptionsPage.open(s);
    const id = await editor.createDraft('火狐推荐表');
    await editor.type('recommendingUnit', '浙江省教育厅');
    await editor.type('filler', '陈晓');
    await editor.select('province', '浙江省');
    await editor.waitSaved();
    await editor.close();

    const reopened = await OptionsPage.openDraft(s, id);
    expect(await reopened.title()).toBe('火狐推荐表');
    expect(await reopened.value('recommendingUnit')).toBe('浙江省教育厅');
    expect(await reopened.value('filler')).toBe('陈晓');
    expect(await reopened.value('province')).toBe('浙江省');
    await reopened.goto('#/drafts');
    expect(await reopened.waitForListTitles((t) => t.includes('火狐推荐表'))).toContain('火狐推荐表');
    await reopened.close();
  });

  test('a backup file is previewed, imported, and its draft opens with its values', async () => {
    const backup = path.join(dir, 'backup.json');
    writeFileSync(
      backup,
      JSON.stringify({
        format: 'guoyou-backup',
        version: 1,
        exportedAt: '2024-08-01T08:00:00+08:00',
        app: { name: 'guoyou-form-assistant', version: '0.1.0' },
        drafts: [
          {
            id: 'firefox-imported',
            formId: 'recommendation',
            formVersion: 1,
            title: '火狐导入的草稿',
            data: { fields: { filler: '孙三', fillDate: '2024/8/1' }, groups: { schools: [] } },
            rev: 2,
            createdAt: Date.UTC(2024, 6, 30),
            updatedAt: Date.UTC(2024, 6, 31),
            archived: 0,
            deletedAt: 0,
          },
        ],
      }),
    );
    const o = await OptionsPage.open(s);
    await o.importBackup(backup);
    await o.page.waitForSelector('[data-testid="backup-preview"]');
    expect(await o.page.$eval('[data-testid="backup-preview"]', (el) => el.textContent)).toContain('新草稿 1 份');
    await o.page.click('[data-testid="backup-confirm"]');
    await o.page.waitForSelector('[data-testid="backup-done"]');
    await o.goto('#/drafts');
    expect(await o.waitForListTitles((t) => t.includes('火狐导入的草稿'))).toContain('火狐导入的草稿');
    const opened = await OptionsPage.openDraft(s, 'firefox-imported');
    expect(await opened.value('filler')).toBe('孙三');
    await opened.close();
    await o.close();
  });

  test('the PDF checker page tells a sealed scan from an unsealed one (pdf.js and its worker in the page)', async () => {
    const page = await s.openPage('options.html#/pdf');
    const input = (await page.waitForSelector('[data-pdf-input]')) as ElementHandle<HTMLInputElement>;
    const files = ['scan-sealed-1p.pdf', 'scan-unsealed-1p.pdf'];
    await input.uploadFile(...files.map((f) => path.join(DEFAULT_OUT, f)));
    await page.waitForFunction(
      (n: number) => document.querySelectorAll('[data-pdf-result]:not([data-status="checking"])').length === n,
      { timeout: 45_000, polling: 100 },
      files.length,
    );
    const statuses = await page.$$eval('[data-pdf-result]', (els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-pdf-result'), e.getAttribute('data-status')])),
    );
    expect(statuses).toEqual({ 'scan-sealed-1p.pdf': 'sealed', 'scan-unsealed-1p.pdf': 'unsealed' });
    await page.close();
  });

  test('the upload guard shows its verdict for a sealed and an unsealed PDF chosen on a permitted site', async () => {
    // The guard is registered for the permitted sites when the add-on is installed: wait for that registration
    // (asked from an extension page: there is no service worker target in Firefox).
    const asker = await s.openPage('popup.html');
    await asker.waitForFunction(
      async () =>
        (
          await (
            globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> } } }
          ).browser.scripting.getRegisteredContentScripts()
        ).some((c) => c.id === 'guoyou-upload-guard'),
      { timeout: 15_000, polling: 200 },
    );
    await asker.close();
    for (const [file, status, words] of [
      ['scan-sealed-1p.pdf', 'sealed', '已盖章'],
      ['scan-unsealed-1p.pdf', 'unsealed', '未盖章'],
    ] as const) {
      const page = await s.browser.newPage();
      await page.goto(uploadBase, { waitUntil: 'load' });
      const input = (await page.waitForSelector('#plain')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path.join(DEFAULT_OUT, file));
      const v = await guardVerdict(page, '#plain');
      expect(v.status, `${file}: ${v.text}`).toBe(status);
      expect(v.text).toContain(words);
      expect(v.text).toContain(file);
      // Warn only (the default): the file stays chosen and nothing was submitted.
      expect(await page.$eval('#plain', (el) => (el as HTMLInputElement).files?.length)).toBe(1);
      await page.close();
    }
    expect(uploadPosts).toEqual([]);
  });

  test('the popup fills a fixture system (a GBK frameset) with a draft, and submits nothing', async () => {
    const o = await OptionsPage.open(s);
    await o.importBackup(path.join(dir, 'fixtures.json'));
    await (await o.page.waitForSelector('[data-testid="backup-confirm"]'))!.click();
    await o.page.waitForSelector('[data-testid="backup-done"]');
    await o.close();

    const page = await s.browser.newPage();
    await page.goto(`${server.url}/legacy/degree.html`, { waitUntil: 'load' });
    // BiDi gives frames no names: find the form's frame by its document.
    const frame = page.frames().find((f) => f.url().endsWith('/legacy/degree-form.html'))!;
    await frame.waitForFunction(() => typeof (window as unknown as { __state?: unknown }).__state === 'function', { polling: 100 });
    const popup = await s.openPage(`popup.html?tab=${await s.tabIdOf(page)}&draft=${DRAFT_IDS.degree}`);
    await popup.waitForSelector('[data-testid="autofill-fill"]:not([disabled])', { timeout: 15_000 });
    await popup.click('[data-testid="autofill-fill"]');
    const done = await popup.waitForSelector('[data-testid="autofill-report"], [data-testid="autofill-error"]', { timeout: 30_000 });
    expect(await done!.evaluate((el) => el.getAttribute('data-testid') + ' ' + el.textContent)).toMatch(/^autofill-report/);
    expect(await done!.evaluate((el) => (el as HTMLElement).dataset.failed)).toBe('0');
    const after = await frame.evaluate(() => (window as unknown as { __state(): Record<string, string | boolean> }).__state());
    for (const [name, value] of Object.entries(expectedDegree(degreeData))) expect.soft(after[name], name).toBe(value);
    expect(server.submissions).toEqual([]);
    await popup.close();
    await page.close();
  });
});

/** The guard's verdict line after a file input, once its check has finished (as ../pdf-upload.e2e.ts reads it). */
async function guardVerdict(page: Page, selector: string): Promise<{ status: string; text: string }> {
  const handle = await page.waitForFunction(
    (sel: string) => {
      const line = document.querySelector(`${sel} + [data-guoyou-pdf-verdict] [data-status]`) as HTMLElement | null;
      return line && line.dataset.status !== 'checking' ? { status: line.dataset.status!, text: line.textContent ?? '' } : null;
    },
    { timeout: 60_000, polling: 100 },
    selector,
  );
  return (await handle.jsonValue()) as { status: string; text: string };
}
