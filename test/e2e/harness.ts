/**
 * E2E harness: real Chromium with the built extension loaded. See test/README.md.
 * Other suites import from here; keep it free of test-framework calls.
 */
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { findChromium, chromiumArgs } from '../../scripts/platform/chromium-path';
import { utf8LocaleEnv } from '../../scripts/platform/locale';

/** Directory of the extension built for tests (with local test hosts granted); set by global-setup. */
export function extensionDir(): string {
  return process.env.GUOYOU_EXTENSION_DIR ?? path.resolve('.output/e2e/chrome-mv3');
}

export interface ExtensionSession {
  browser: Browser;
  extensionId: string;
  worker: WebWorker;
  userDataDir: string;
  /** Open an extension page (e.g. `options.html#/drafts`) in a new tab. */
  openPage(pagePath: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (to survive a browser restart). */
  userDataDir?: string;
  headless?: boolean;
  /** Load another build than the e2e one (e.g. the published build). */
  extensionDir?: string;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<ExtensionSession> {
  const dir = opts.extensionDir ?? extensionDir();
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'guoyou-profile-'));
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    pipe: true,
    enableExtensions: [dir],
    userDataDir,
    // No smooth scrolling: puppeteer clicks where an element was a moment before, and a page still scrolling moves it.
    args: [...chromiumArgs(), '--force-prefers-reduced-motion'],
    // A bare CI shell has no UTF-8 locale, and Chromium then saves downloads with Chinese names as "download".
    env: { ...process.env, ...utf8LocaleEnv() },
  });
  // Puppeteer does not await the extension install: wait for its service worker, then for its top-level code.
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), {
    timeout: 30_000,
  });
  const worker = (await target.worker())!;
  const extensionId = new URL(target.url()).host;
  for (let i = 0; i < 100; i++) {
    const ready = await worker
      .evaluate(() => !!(globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id)
      .catch(() => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    browser,
    extensionId,
    worker,
    userDataDir,
    async openPage(pagePath: string) {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pagePath}`, { waitUntil: 'domcontentloaded' });
      return page;
    },
    async close() {
      await browser.close();
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export {
  importBackup,
  tabIdOf,
  openPopupFor,
  fillTab,
  undoTab,
  undoLeft,
  setTeachMode,
  teachControl,
  readFindings,
  type FillResult,
} from './harness/autofill';
export { verify, openVerifyPopup, importRoster, overlayState, type VerifyRun, type VerifyFinding } from './harness/verify';
export { startFixtureSession, useFixtureSession, type FixtureSession } from './harness/fixture-session';
