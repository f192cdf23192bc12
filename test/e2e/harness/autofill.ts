/**
 * Harness helpers for autofill and friends: load a backup as a user would (dashboard import), fill a tab with a draft
 * the way the popup does (the popup page opened as a tab with `?tab=&draft=`), undo, teach, read findings.
 * Free of test-framework calls; other suites import them from test/e2e/harness.ts.
 */
import type { Page } from 'puppeteer';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExtensionSession } from '../harness';
import type { FillReport } from '../../../lib/autofill/types';

/** Import a backup (JSON text) through the dashboard's settings page: choose the file, confirm the preview. */
export async function importBackup(session: ExtensionSession, json: string): Promise<void> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'guoyou-backup-')), 'backup.json');
  writeFileSync(file, json);
  const page = await session.openPage('options.html#/settings');
  try {
    const input = await page.waitForSelector('[data-testid="backup-file"]', { timeout: 15_000 });
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(file);
    const confirm = await page.waitForSelector('[data-testid="backup-confirm"], [data-testid="backup-error"]', { timeout: 15_000 });
    if (await confirm!.evaluate((el) => el.getAttribute('data-testid') === 'backup-error')) {
      throw new Error(`backup refused: ${await confirm!.evaluate((el) => el.textContent)}`);
    }
    await confirm!.click();
    await page.waitForSelector('[data-testid="backup-done"]', { timeout: 15_000 });
  } finally {
    await page.close();
  }
}

/** The extension's tab id of a puppeteer page (looked up by URL from the service worker). */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const url = page.url();
  const id = await session.worker.evaluate(async (u: string) => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).chrome;
    const tabs = await c.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

/** Open the popup as a tab aimed at `target` with `draftId` as the draft. */
export async function openPopupFor(session: ExtensionSession, target: Page, draftId: string): Promise<Page> {
  const tabId = await tabIdOf(session, target);
  const popup = await session.openPage(`popup.html?tab=${tabId}&draft=${encodeURIComponent(draftId)}`);
  await popup.waitForSelector('[data-testid="autofill-fill"]:not([disabled])', { timeout: 15_000 });
  return popup;
}

export interface FillResult {
  report: FillReport['results'];
  filled: number;
  skipped: number;
  failed: number;
  popup: Page;
}

/** Fill `target` with a draft exactly as the popup does (click "填写到当前页面"); returns the report shown. */
export async function fillTab(session: ExtensionSession, target: Page, draftId: string, popup?: Page): Promise<FillResult> {
  const p = popup ?? (await openPopupFor(session, target, draftId));
  // Background tabs get no animation frames, and puppeteer's waits poll on them.
  await p.bringToFront();
  await p.click('[data-testid="autofill-fill"]');
  const done = await p.waitForSelector('[data-testid="autofill-report"], [data-testid="autofill-error"]', { timeout: 60_000 });
  if (await done!.evaluate((el) => el.getAttribute('data-testid') === 'autofill-error')) {
    throw new Error(`fill failed: ${await done!.evaluate((el) => el.textContent)}`);
  }
  const data = await p.$eval('[data-testid="autofill-report"]', (el) => {
    const e = el as HTMLElement;
    const rows = Array.from(e.querySelectorAll<HTMLTableRowElement>('tr[data-path]')).map((tr) => ({
      path: tr.dataset.path!,
      label: tr.cells[0]?.textContent ?? '',
      status: tr.dataset.status as 'filled' | 'skipped' | 'failed',
      reason: tr.dataset.reason as FillReport['results'][number]['reason'],
      value: tr.cells[2]?.textContent ?? '',
      ...(tr.title ? { detail: tr.title } : {}),
    }));
    return { filled: Number(e.dataset.filled), skipped: Number(e.dataset.skipped), failed: Number(e.dataset.failed), rows };
  });
  return { report: data.rows, filled: data.filled, skipped: data.skipped, failed: data.failed, popup: p };
}

/** Click "撤销填写" in the popup; returns the status line. */
export async function undoTab(popup: Page): Promise<string> {
  await popup.bringToFront();
  await popup.click('[data-testid="autofill-undo"]');
  try {
    const msg = await popup.waitForSelector('[data-testid="autofill-message"], [data-testid="autofill-error"]', { timeout: 30_000 });
    return await msg!.evaluate((el) => el.textContent ?? '');
  } catch (e) {
    throw new Error(
      `undo did not finish; the popup shows: ${await popup.$eval('[data-testid="autofill-panel"]', (el) => el.textContent)}`,
      { cause: e },
    );
  }
}

/** After undo: the fields the popup says undo left as filled, with why (`noWay`: a person has no way to empty it). */
export async function undoLeft(popup: Page): Promise<Array<{ path: string; reason: string }>> {
  return popup.$$eval('[data-testid="autofill-undo-left"] li', (lis) =>
    lis.map((li) => ({ path: (li as HTMLElement).dataset.path ?? '', reason: (li as HTMLElement).dataset.reason ?? '' })),
  );
}

/** Turn teach mode on or off from the popup. */
export async function setTeachMode(popup: Page, enabled: boolean): Promise<void> {
  await popup.bringToFront();
  const box = await popup.waitForSelector('[data-testid="autofill-teach"]');
  const checked = await box!.evaluate((el) => (el as HTMLInputElement).checked);
  if (checked !== enabled) await box!.click();
  // The box ticks at once; the page is in teach mode only once the popup says so (its help line appears when every
  // frame has answered). A user reads that line before clicking in the page, and so does this helper.
  await popup.waitForFunction(
    (want: boolean) => Boolean(document.querySelector('[data-testid="autofill-teaching"]')) === want,
    { polling: 50, timeout: 30_000 },
    enabled,
  );
}

/**
 * Teach one control: click it, wait for the chooser to take the keyboard (the focus moves into the extension's
 * overlay), type the field's name and press Enter. Typing before the chooser is there would type into the page.
 */
export async function teachControl(page: Page, selector: string, field: string): Promise<void> {
  await page.click(selector);
  await page.waitForFunction(() => document.activeElement?.localName === 'guoyou-overlay', { polling: 50, timeout: 30_000 });
  await page.keyboard.type(field);
  await page.keyboard.press('Enter');
  // Then the overlay says "已记住：…" once the choice is saved (its closed shadow root is read as a screen reader would).
  for (const end = Date.now() + 30_000; !(await screenText(page)).includes('已记住');) {
    if (Date.now() > end) throw new Error(`teaching ${selector} was not confirmed; the page shows: ${await screenText(page)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The text a screen reader finds on the page, closed shadow roots included. */
async function screenText(page: Page): Promise<string> {
  const names: string[] = [];
  const walk = (n: { name?: string; children?: unknown[] } | null) => {
    if (!n) return;
    if (n.name) names.push(n.name);
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  walk(await page.accessibility.snapshot({ interestingOnly: false }));
  return names.join('\n');
}

/** The findings the editor shows for a draft: rule id and text, in the panel's order. */
export async function readFindings(session: ExtensionSession, draftId: string): Promise<Array<{ ruleId: string; text: string }>> {
  const page = await session.openPage(`options.html#/draft/${encodeURIComponent(draftId)}`);
  try {
    await page.waitForSelector('[data-testid="findings"][aria-busy="false"]', { timeout: 15_000 });
    return await page.$$eval('[data-testid="findings"] [data-rule]', (els) =>
      els.map((el) => ({ ruleId: (el as HTMLElement).dataset.rule ?? '', text: el.textContent ?? '' })),
    );
  } finally {
    await page.close();
  }
}
