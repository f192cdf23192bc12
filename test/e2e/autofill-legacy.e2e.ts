import { describe, expect, test } from 'vitest';
import type { Frame, Page } from 'puppeteer';
import { fillTab, undoTab, useFixtureSession } from './harness';
import { DRAFT_IDS, degreeData, recommendationData } from '../fixtures/systems/drafts';
import { expectedDegree, expectedRecommendation } from '../fixtures/systems/legacy/expect';

// A 2000s-era system: frameset, GBK pages, table layout, names in pinyin initials, a JS "增加一行" button.
const fx = useFixtureSession();

async function openLegacy(pagePath: string): Promise<{ page: Page; frame: Frame }> {
  const page = await fx.s.browser.newPage();
  await page.goto(`${fx.server.url}${pagePath}`, { waitUntil: 'load' });
  const frame = page.frames().find((f) => f.name() === 'mainFrame')!;
  await frame.waitForFunction(() => typeof (window as unknown as { __state?: unknown }).__state === 'function');
  return { page, frame };
}

const state = (frame: Frame) => frame.evaluate(() => (window as unknown as { __state(): Record<string, string | boolean> }).__state());

describe('legacy GBK frameset', () => {
  test('fills the recommendation form with five schools (adding rows) and undo restores it', async () => {
    const { page, frame } = await openLegacy('/legacy/recommend.html');
    expect(await frame.evaluate(() => document.characterSet)).toBe('GBK');
    const before = await state(frame);
    const r = await fillTab(fx.s, page, DRAFT_IDS.recommendation);
    const after = await state(frame);
    const expected = expectedRecommendation(recommendationData);
    for (const [name, value] of Object.entries(expected)) expect.soft(after[name], name).toBe(value);
    expect(r.failed, JSON.stringify(r.report.filter((x) => x.status === 'failed'))).toBe(0);
    // Never touched: read-only, password, hidden; never submitted.
    expect([after.xtbh, after.shmm, after.token]).toEqual([before.xtbh, before.shmm, before.token]);
    expect(fx.server.submissions).toEqual([]);

    await undoTab(r.popup);
    const restored = await state(frame);
    for (const [name, value] of Object.entries(restored)) {
      // Rows the fill added stay (a user's page keeps its rows), but hold nothing.
      expect.soft(value, name).toEqual(name in before ? before[name] : typeof value === 'boolean' ? false : '');
    }
    await r.popup.close();
    await page.close();
  });

  test('fills the degree record (label cells, label row above, radios, checkbox label after it, yyyymmdd date)', async () => {
    const { page, frame } = await openLegacy('/legacy/degree.html');
    const before = await state(frame);
    const r = await fillTab(fx.s, page, DRAFT_IDS.degree);
    const after = await state(frame);
    const expected = expectedDegree(degreeData);
    for (const [name, value] of Object.entries(expected)) expect.soft(after[name], name).toBe(value);
    expect(r.failed).toBe(0);
    expect(fx.server.submissions).toEqual([]);
    await undoTab(r.popup);
    expect(await state(frame)).toEqual(before);
    await r.popup.close();
    await page.close();
  });
});
