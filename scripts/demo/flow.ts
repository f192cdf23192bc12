/**
 * The headless demo: what a newcomer would do by hand, done by puppeteer in the built extension (and the static
 * toolkit), writing screenshots and exported files into one folder. Each step is a declarative entry; a failing step
 * is reported with its reason and the others still run, so the folder always shows how far the product got.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { t, type Locale, type MessageKey } from '../../lib/i18n';
import { fillTab, importBackup, tabIdOf, type ExtensionSession } from '../../test/e2e/harness';
import { OptionsPage } from '../../test/e2e/pages/options';
import type { DemoServers } from '../start/servers';
import { watchDownloads, type DownloadWatcher } from './downloads';
import { demoPdfs } from './pdfs';
import { SAMPLE_IDS, sampleBackup } from './sample';
import { ToolkitPage } from './toolkit-page';

export interface DemoContext {
  session: ExtensionSession;
  servers: DemoServers;
  out: string;
  downloads: DownloadWatcher;
  /** Record a file the step wrote; returns its path. */
  wrote(file: string): string;
}

export interface DemoStep {
  id: string;
  title: MessageKey;
  run(ctx: DemoContext): Promise<void>;
}

export interface StepOutcome {
  id: string;
  ok: boolean;
  ms: number;
  files: string[];
  error?: string;
}

export interface DemoResult {
  out: string;
  files: string[];
  steps: StepOutcome[];
  ok: boolean;
}

const VIEWPORT = { width: 1280, height: 860 };

async function screenshot(ctx: DemoContext, page: Page, name: string, fullPage = false): Promise<void> {
  await page.bringToFront();
  await page.screenshot({ path: ctx.wrote(path.join(ctx.out, name)) as `${string}.png`, fullPage });
}

async function newPage(ctx: DemoContext, url: string): Promise<Page> {
  const page = await ctx.session.browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

export const DEMO_STEPS: DemoStep[] = [
  {
    id: 'drafts',
    title: 'toolkit.demo.drafts',
    run: (ctx) => importBackup(ctx.session, sampleBackup()),
  },
  {
    id: 'editor',
    title: 'toolkit.demo.editor',
    async run(ctx) {
      const o = await OptionsPage.openDraft(ctx.session, SAMPLE_IDS.flawed);
      await o.page.setViewport(VIEWPORT);
      // Visit a field as a user would, so the findings beside it show as well as those in the panel.
      await o.page.focus('#field-contactEmail');
      await o.page.keyboard.press('Tab');
      await o.page.waitForSelector('[data-testid="findings"] [data-rule]');
      await screenshot(ctx, o.page, 'editor.png');
      await o.close();
    },
  },
  {
    id: 'portal',
    title: 'toolkit.demo.portal',
    async run(ctx) {
      const page = await newPage(ctx, ctx.servers.portal);
      await screenshot(ctx, page, 'portal.png');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('a[data-portal="recommend-element"]')]);
      // The system is a Vue app: wait until it has mounted its form.
      await page.waitForFunction(() => typeof (window as unknown as { __state?: unknown }).__state === 'function');
      const r = await fillTab(ctx.session, page, SAMPLE_IDS.recommendation);
      await screenshot(ctx, r.popup, 'portal-fill-report.png');
      await r.popup.close();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(ctx, page, 'portal-filled.png');
      await screenshot(ctx, page, 'portal-filled-full.png', true);
      if (r.filled === 0 || r.failed > 0) throw new Error(`filled ${r.filled}, failed ${r.failed}`);
      await page.close();
    },
  },
  {
    id: 'records',
    title: 'toolkit.demo.records',
    async run(ctx) {
      const page = await newPage(ctx, `${ctx.servers.records}/table-element.html`);
      await page.setViewport({ width: 1600, height: 900 });
      await page.waitForSelector('table td');
      const tabId = await tabIdOf(ctx.session, page);
      const popup = await ctx.session.openPage(`popup.html?tab=${tabId}`);
      await popup.setViewport({ width: 480, height: 900 });
      const run = await popup.waitForSelector('[data-testid="verify-run"]:not([disabled])', { timeout: 15_000 });
      await run!.click();
      const done = await popup.waitForSelector('[data-testid="verify-result"], [data-testid="verify-error"]', { timeout: 60_000 });
      if (await done!.evaluate((el) => el.getAttribute('data-testid') === 'verify-error')) {
        throw new Error(await done!.evaluate((el) => el.textContent ?? ''));
      }
      await ctx.downloads.expect(() => popup.click('[data-testid="verify-export"]')).then((f) => ctx.wrote(f));
      await screenshot(ctx, popup, 'record-list-panel.png');
      await screenshot(ctx, page, 'record-list-findings.png');
      await popup.close();
      await page.close();
    },
  },
  {
    id: 'pdf',
    title: 'toolkit.demo.pdf',
    async run(ctx) {
      const files = await demoPdfs(ctx.out);
      for (const f of Object.values(files)) ctx.wrote(f);
      const page = await ctx.session.openPage('options.html#/pdf');
      await page.setViewport(VIEWPORT);
      for (const [kind, file] of Object.entries(files)) {
        const status = await checkPdfInPage(page, file);
        await screenshot(ctx, page, `pdf-verdict-${kind}.png`);
        if (status !== kind) throw new Error(`${path.basename(file)}: expected ${kind}, the checker said ${status}`);
      }
      await page.close();
    },
  },
  {
    id: 'upload',
    title: 'toolkit.demo.upload',
    async run(ctx) {
      const files = { unsealed: path.join(ctx.out, 'unsealed.pdf'), sealed: path.join(ctx.out, 'sealed.pdf') };
      if (!existsSync(files.sealed)) Object.assign(files, await demoPdfs(ctx.out));
      await waitForUploadGuard(ctx.session);
      for (const [kind, file] of Object.entries(files)) {
        const page = await newPage(ctx, ctx.servers.upload);
        await page.setViewport({ width: 1100, height: 340 });
        const input = await page.waitForSelector('#plain');
        await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(file);
        const status = await page.waitForFunction(
          (name: string) => {
            // The guard puts its verdict after the control (or after the control's visible wrapper).
            let anchor: Element | null = document.querySelector('#plain');
            while (anchor && !(anchor.nextElementSibling as HTMLElement | null)?.hasAttribute('data-guoyou-pdf-verdict'))
              anchor = anchor.parentElement;
            const line = anchor?.nextElementSibling?.querySelector('[data-status]') as HTMLElement | null;
            return line && line.dataset.status !== 'checking' && line.textContent?.includes(name) ? line.dataset.status : null;
          },
          { timeout: 60_000, polling: 100 },
          path.basename(file),
        );
        await screenshot(ctx, page, `portal-upload-${kind}.png`);
        const got = await status.jsonValue();
        if (got !== kind) throw new Error(`${path.basename(file)}: expected ${kind}, the upload check said ${got}`);
        await page.close();
      }
    },
  },
  {
    id: 'excel',
    title: 'toolkit.demo.excel',
    async run(ctx) {
      const o = await OptionsPage.openDraft(ctx.session, SAMPLE_IDS.recommendation);
      const button = await o.page.waitForSelector('[data-testid="excel-export"]', { timeout: 15_000 });
      ctx.wrote(await ctx.downloads.expect(() => button!.click()));
      await o.close();
    },
  },
  {
    id: 'toolkit',
    title: 'toolkit.demo.toolkit',
    async run(ctx) {
      if (!ctx.servers.toolkit) throw new Error(t('toolkit.demo.notBuilt'));
      const tk = await ToolkitPage.open(ctx.session.browser, ctx.servers.toolkit, VIEWPORT);
      await tk.importBackup(sampleBackup());
      await tk.openDraft(SAMPLE_IDS.flawed);
      await screenshot(ctx, tk.page, 'toolkit-editor.png');
      await tk.openPrint(SAMPLE_IDS.recommendation);
      await screenshot(ctx, tk.page, 'toolkit-print.png', true);
      await tk.page.pdf({
        path: ctx.wrote(path.join(ctx.out, 'recommendation-print.pdf')),
        format: 'A4',
        landscape: true,
        printBackground: true,
      });
      await tk.page.close();
    },
  },
];

/** The upload guard is registered for permitted sites once the extension has started; wait for that. */
async function waitForUploadGuard(session: ExtensionSession): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ids = (await session.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> } } })
        .chrome;
      return (await c.scripting.getRegisteredContentScripts()).map((x) => x.id);
    })) as string[];
    if (ids.length > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the upload check was not registered for the demo site');
}

/**
 * Upload one PDF to the PDF checker on the page (dashboard tab or toolkit); returns the verdict (`sealed`, `unsealed`, …).
 * Results are found by file name, so each file checked on one page needs its own name.
 */
export async function checkPdfInPage(page: Page, file: string): Promise<string> {
  const input = await page.waitForSelector('[data-pdf-input]', { timeout: 15_000 });
  const name = path.basename(file);
  await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(file);
  const result = await page.waitForSelector(`[data-pdf-result="${name}"]:not([data-status="checking"])`, { timeout: 90_000 });
  await result!.scrollIntoView();
  return result!.evaluate((el) => (el as HTMLElement).dataset.status ?? '');
}

export async function runDemo(opts: {
  session: ExtensionSession;
  servers: DemoServers;
  out: string;
  locale?: Locale;
  log?: (line: string) => void;
  steps?: DemoStep[];
}): Promise<DemoResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const files: string[] = [];
  const downloads = await watchDownloads(opts.session.browser, opts.out);
  const outcomes: StepOutcome[] = [];
  for (const step of opts.steps ?? DEMO_STEPS) {
    const title = t(step.title, undefined, opts.locale);
    log(t('toolkit.start.step', { title }, opts.locale));
    const mine: string[] = [];
    const ctx: DemoContext = {
      ...opts,
      downloads,
      wrote: (f) => {
        mine.push(f);
        files.push(f);
        return f;
      },
    };
    const started = Date.now();
    try {
      await step.run(ctx);
      outcomes.push({ id: step.id, ok: true, ms: Date.now() - started, files: mine });
    } catch (e) {
      const reason = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      log(t('toolkit.start.stepFailed', { title, reason }, opts.locale));
      outcomes.push({ id: step.id, ok: false, ms: Date.now() - started, files: mine, error: reason });
    }
  }
  const summary = path.join(opts.out, 'summary.json');
  writeFileSync(summary, JSON.stringify({ steps: outcomes, files: files.map((f) => path.relative(opts.out, f)) }, null, 2) + '\n');
  files.push(summary);
  return { out: opts.out, files, steps: outcomes, ok: outcomes.every((o) => o.ok) };
}
