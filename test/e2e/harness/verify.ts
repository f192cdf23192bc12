/**
 * Harness helper for the verify area: verify a tab exactly as a user does (the popup opened as a tab aimed at the
 * page, "校验当前页面" clicked) and return the findings the popup lists, plus what the in-page overlay shows.
 * Free of test-framework calls; re-exported from test/e2e/harness.ts.
 */
import type { Page } from 'puppeteer';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExtensionSession } from '../harness';
import { tabIdOf } from './autofill';

export interface VerifyFinding {
  ruleId: string;
  severity: 'error' | 'warning';
  /** 0-based data row (table records); 0 for a single record. */
  row: number;
  fields: string[];
  source: 'form' | 'view' | 'table';
  table: number | null;
  frame: number;
  text: string;
}

export interface VerifyRun {
  records: number;
  errors: number;
  warnings: number;
  findings: VerifyFinding[];
  /** The popup page (still open: export, clear, or verify again from it). */
  popup: Page;
}

/** Open the popup as a tab aimed at `target`. */
export async function openVerifyPopup(session: ExtensionSession, target: Page): Promise<Page> {
  const tabId = await tabIdOf(session, target);
  const popup = await session.openPage(`popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="verify-run"]:not([disabled])', { timeout: 15_000 });
  return popup;
}

/** Verify the page shown in `target`; returns the findings listed in the popup. Throws with the shown error on failure. */
export async function verify(session: ExtensionSession, target: Page, popup?: Page): Promise<VerifyRun> {
  const p = popup ?? (await openVerifyPopup(session, target));
  // A background tab is throttled (no animation frames): bring the popup tab to the front, as a user's click does.
  await p.bringToFront();
  await p.click('[data-testid="verify-run"]');
  const done = await p.waitForSelector('[data-testid="verify-result"], [data-testid="verify-error"]', { timeout: 60_000 });
  if (await done!.evaluate((el) => el.getAttribute('data-testid') === 'verify-error')) {
    throw new Error(`verify failed: ${await done!.evaluate((el) => el.textContent)}`);
  }
  const data = await p.$eval('[data-testid="verify-result"]', (el) => {
    const e = el as HTMLElement;
    const findings = Array.from(e.querySelectorAll<HTMLElement>('tr[data-rule]')).map((tr) => ({
      ruleId: tr.dataset.rule!,
      severity: tr.dataset.severity as 'error' | 'warning',
      row: Number(tr.dataset.row),
      fields: (tr.dataset.fields ?? '').split(' ').filter(Boolean),
      source: tr.dataset.source as 'form' | 'view' | 'table',
      table: tr.dataset.table ? Number(tr.dataset.table) : null,
      frame: Number(tr.dataset.frame),
      text: tr.textContent ?? '',
    }));
    return { records: Number(e.dataset.records), errors: Number(e.dataset.errors), warnings: Number(e.dataset.warnings), findings };
  });
  return { ...data, popup: p };
}

/** Import a roster file (JSON or xlsx bytes) through the popup's roster panel; returns the message shown. */
export async function importRoster(
  session: ExtensionSession,
  fileName: string,
  content: string | Uint8Array,
): Promise<{ ok: boolean; text: string }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'guoyou-roster-')), fileName);
  writeFileSync(file, content);
  const page = await session.openPage('popup.html');
  try {
    const input = await page.waitForSelector('[data-testid="roster-file"]', { timeout: 15_000 });
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(file);
    const msg = await page.waitForSelector('[data-testid="roster-ok"], [data-testid="roster-error"]', { timeout: 30_000 });
    return {
      ok: await msg!.evaluate((el) => el.getAttribute('data-testid') === 'roster-ok'),
      text: await msg!.evaluate((el) => el.textContent ?? ''),
    };
  } finally {
    await page.close();
  }
}

/** Ask a frame's verify content script what its overlay shows (markers drawn, hidden or not). */
export async function overlayState(
  session: ExtensionSession,
  target: Page,
  frameId = 0,
): Promise<{ markers: number; hidden: boolean; present: boolean }> {
  const tabId = await tabIdOf(session, target);
  return session.worker.evaluate(
    async (tab: number, frame: number) => {
      const c = (
        globalThis as unknown as {
          chrome: { tabs: { sendMessage(t: number, m: object, o: object): Promise<{ ok: boolean; data: never }> } };
        }
      ).chrome;
      const reply = await c.tabs.sendMessage(tab, { type: 'verify.state', payload: {} }, { frameId: frame });
      return reply.data;
    },
    tabId,
    frameId,
  );
}
