import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { fillTab, openPopupFor, setTeachMode, teachControl, useFixtureSession } from './harness';
import { DRAFT_IDS, degreeData } from '../fixtures/systems/drafts';

// Teach mode and site adapters: a page the heuristics cannot read is taught once, then filled from the adapter.
const fx = useFixtureSession();

const state = (page: Page) => page.evaluate(() => (window as unknown as { __state(): Record<string, string> }).__state());

async function adapterRows(): Promise<Array<{ id: string; text: string }>> {
  const page = await fx.s.openPage('options.html#/adapters');
  try {
    await page.waitForSelector('[data-testid="adapters"] .empty, [data-testid="adapters-list"]', { timeout: 15_000 });
    return await page.$$eval('[data-adapter-id]', (els) =>
      els.map((el) => ({ id: (el as HTMLElement).dataset.adapterId!, text: el.textContent ?? '' })),
    );
  } finally {
    await page.close();
  }
}

describe('teach mode', () => {
  test('unlabelled controls are left alone, taught by clicking and choosing a field, then filled from the adapter', async () => {
    const page = await fx.s.browser.newPage();
    await page.goto(`${fx.server.url}/custom/student.html`, { waitUntil: 'load' });

    // 1. Heuristics: nothing on this page looks like a field of the degree record — nothing is guessed.
    const first = await fillTab(fx.s, page, DRAFT_IDS.degree);
    expect(first.filled).toBe(0);
    expect(await state(page)).toEqual({ f1: '', f2: '', f3: '' });
    await first.popup.close();

    // 2. Teach: click the second box, pick 学号 in the in-page chooser (keyboard: type, Enter).
    const popup = await openPopupFor(fx.s, page, DRAFT_IDS.degree);
    await setTeachMode(popup, true);
    await page.bringToFront();
    await teachControl(page, 'input[name="f2"]', '学号');
    await teachControl(page, 'input[name="f3"]', '证件号码');
    await setTeachMode(popup, false);
    // Teaching never typed into the page.
    expect(await state(page)).toEqual({ f1: '', f2: '', f3: '' });

    const rows = await adapterRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toContain('http://127.0.0.1/*');

    // 3. Fill again: the adapter places the values.
    const second = await fillTab(fx.s, page, DRAFT_IDS.degree, popup);
    expect(await state(page)).toEqual({ f1: '', f2: degreeData.fields.studentNo, f3: degreeData.fields.idNumber });
    expect(second.filled).toBe(2);
    expect(fx.server.submissions).toEqual([]);
    await popup.close();
    await page.close();
  });

  test('adapter files: a malformed one is refused with a message and changes nothing; a valid one is imported', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guoyou-adapters-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'guoyou-site-adapters', version: 1, adapters: [{ id: 'x', urlPattern: '<all_urls>' }] }));
    const good = path.join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({
        format: 'guoyou-site-adapters',
        version: 1,
        adapters: [
          {
            id: 'yjs-example',
            name: '研究生院学位系统',
            urlPattern: 'https://yjs.example.edu.cn/*',
            formId: 'degreeRecord',
            fields: { studentNo: { selector: '#xh' }, name: { label: '学生姓名' } },
            source: 'imported',
            updatedAt: 1,
          },
        ],
      }),
    );
    const before = await adapterRows();
    const page = await fx.s.openPage('options.html#/adapters');
    const input = await page.waitForSelector('[data-testid="adapters-file"]');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(bad);
    const err = await page.waitForSelector('[data-testid="adapters-error"]');
    expect(await err!.evaluate((e) => e.textContent)).toContain('站点适配文件格式不正确');
    expect(await adapterRows()).toEqual(before);
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(good);
    await page.waitForSelector('[data-testid="adapters-message"]');
    await page.close();
    const after = await adapterRows();
    expect(after.map((r) => r.id).sort()).toEqual([...before.map((r) => r.id), 'yjs-example'].sort());
  });
});
