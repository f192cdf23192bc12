/**
 * Page object for the static toolkit (dist/toolkit), opened in any tab — served or from file://. The toolkit is the
 * options page's UI, so the selectors are the editor's and the dashboard's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page, Viewport } from 'puppeteer';

export class ToolkitPage {
  constructor(readonly page: Page) {}

  static async open(browser: Browser, url: string, viewport: Viewport = { width: 1280, height: 860 }): Promise<ToolkitPage> {
    const page = await browser.newPage();
    await page.setViewport(viewport);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('.app-bar', { timeout: 15_000 });
    return new ToolkitPage(page);
  }

  async goto(hash: string): Promise<void> {
    await this.page.evaluate((h) => (location.hash = h), hash);
  }

  /** Import a backup (JSON text) through the settings tab, confirming the preview. */
  async importBackup(json: string): Promise<void> {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'guoyou-toolkit-')), 'backup.json');
    writeFileSync(file, json);
    await this.goto('#/settings');
    const input = await this.page.waitForSelector('[data-testid="backup-file"]', { timeout: 15_000 });
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(file);
    const confirm = await this.page.waitForSelector('[data-testid="backup-confirm"], [data-testid="backup-error"]', { timeout: 15_000 });
    if (await confirm!.evaluate((el) => el.getAttribute('data-testid') === 'backup-error')) {
      throw new Error(`backup refused: ${await confirm!.evaluate((el) => el.textContent)}`);
    }
    await confirm!.click();
    await this.page.waitForSelector('[data-testid="backup-done"]', { timeout: 15_000 });
  }

  async openDraft(draftId: string): Promise<void> {
    await this.goto(`#/draft/${encodeURIComponent(draftId)}`);
    await this.page.waitForSelector(`[data-testid="editor"][data-draft-id="${draftId}"]`, { timeout: 15_000 });
  }

  async openPrint(draftId: string): Promise<void> {
    await this.goto(`#/print/${encodeURIComponent(draftId)}`);
    await this.page.waitForSelector(`[data-testid="print-view"][data-draft-id="${draftId}"]`, { timeout: 15_000 });
  }
}
