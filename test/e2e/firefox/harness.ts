/**
 * Firefox harness: Firefox ESR driven by Puppeteer over WebDriver BiDi, with the Firefox build of the extension
 * installed as a temporary add-on. Free of test-framework calls, like ../harness.ts.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { findFirefox } from '../../../scripts/platform/firefox-path';
import { GECKO_ID } from '../../../wxt.config';

/** Directory of the Firefox build for tests (local test hosts granted); set by ./global-setup.ts. */
function firefoxExtensionDir(): string {
  return process.env.GUOYOU_FIREFOX_EXTENSION_DIR ?? path.resolve('.output/e2e-firefox/firefox-mv3');
}

export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://<uuid>/`: fixed for this run through the `extensions.webextensions.uuids` pref. */
  base: string;
  /** Open an extension page (e.g. `options.html#/drafts`) in a new tab once its document has loaded. */
  openPage(pagePath: string): Promise<Page>;
  /** Firefox's tab id of a page, as the extension sees it (asked from an extension page: no service worker here). */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export async function launchFirefoxExtension(): Promise<FirefoxSession> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // Firefox 153 lets WebDriver navigate only to http(s), file and blob URLs unless the remote agent may reach
    // privileged pages; moz-extension:// pages need this.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  const installed = await browser.installExtension(firefoxExtensionDir());
  if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
  const base = `moz-extension://${uuid}/`;
  const session: FirefoxSession = {
    browser,
    base,
    async openPage(pagePath: string) {
      const page = await browser.newPage();
      const url = base + pagePath;
      // Firefox moves the tab into the extension's process, and BiDi reports the navigation's frame as detached
      // although the page loads: don't await the navigation, wait for the document instead.
      void page.goto(url).catch(() => undefined);
      for (let i = 0; i < 300; i++) {
        const ready = await page.evaluate(() => location.href + ' ' + document.readyState).catch(() => '');
        if (ready.startsWith(base) && !ready.endsWith('loading')) return page;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${url} did not load in Firefox within 30 s`);
    },
    async tabIdOf(page: Page) {
      const asker = await session.openPage('popup.html');
      try {
        const id = await asker.evaluate(async (u: string) => {
          const tabs = await (
            globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }
          ).browser.tabs.query({});
          return tabs.find((t) => t.url === u)?.id ?? -1;
        }, page.url());
        if (id < 0) throw new Error(`no tab for ${page.url()}`);
        return id;
      } finally {
        await asker.close();
      }
    },
    async close() {
      await browser.close();
    },
  };
  return session;
}
