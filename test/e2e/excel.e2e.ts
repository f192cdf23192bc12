/**
 * Excel in the built extension: records imported through the dashboard (all-or-nothing, then clean rows only), a
 * recommendation workbook imported into a draft, that draft exported from the editor — the real downloaded .xlsx
 * read back in Node — and the official template loaded once and filled.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms } from '../../lib/forms';
import { exportFormXlsx, importSpreadsheet } from '../../lib/xlsx';
import { loadWorkbook } from '../../lib/xlsx/workbook';
import { watchDownloads, type DownloadWatcher } from '../../scripts/demo/downloads';
import { degreeRecords, recommendationDraft } from '../fixtures/xlsx/samples';
import { officialTemplate } from '../fixtures/xlsx/template';
import { launchExtension, type ExtensionSession } from './harness';
import { OptionsPage, POLL } from './pages/options';

let s: ExtensionSession;
let dir: string;
let downloads: DownloadWatcher;
beforeAll(async () => {
  s = await launchExtension();
  dir = mkdtempSync(path.join(tmpdir(), 'guoyou-excel-e2e-'));
  downloads = await watchDownloads(s.browser, dir);
});
afterAll(() => s?.close());

function file(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function upload(page: Page, testId: string, filePath: string): Promise<void> {
  const input = await page.waitForSelector(`[data-testid="${testId}"]`);
  await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(filePath);
}

/** Click once the control is there: panels of the editor render after the draft has loaded. */
async function press(page: Page, selector: string): Promise<void> {
  await (await page.waitForSelector(selector))!.click();
}

async function text(page: Page, selector: string): Promise<string> {
  await page.waitForSelector(selector);
  return page.$eval(selector, (el) => el.textContent ?? '');
}

describe('dashboard import', () => {
  it('degree records: a bad row blocks the import until "only clean rows"; the report names row, column and value', async () => {
    const records = degreeRecords(3);
    records[1]!.fields.mainDegreeCertNo = '1000332023000002';
    const o = await OptionsPage.open(s, '#/import');
    await upload(o.page, 'excel-import-file', file('学位信息.xlsx', await exportFormXlsx(forms.degreeRecord, records)));
    await o.page.waitForSelector('[data-testid="excel-import-report"]');
    expect(await o.page.$eval('[data-testid="excel-import-report"]', (el) => (el as HTMLElement).dataset.form)).toBe('degreeRecord');
    const bad = await o.page.$eval('tr[data-rule="cert.degree-number"]', (tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    );
    expect(bad.slice(0, 4)).toEqual(['4', 'R', '学位证书编号', '1000332023000002']);

    await o.page.click('[data-testid="excel-import-confirm"]');
    expect(await text(o.page, '[data-testid="excel-import-error"]')).toContain('有 1 行存在错误，未导入任何数据');
    await o.goto('#/drafts');
    await o.page.waitForSelector('.app-bar');
    const before = await o.page.evaluate(() => document.body.textContent ?? '');
    expect(before).not.toContain(records[0]!.fields.name + ' ' + records[0]!.fields.studentNo);

    await o.goto('#/import');
    await upload(o.page, 'excel-import-file', file('学位信息.xlsx', await exportFormXlsx(forms.degreeRecord, records)));
    await o.page.waitForSelector('[data-testid="excel-import-report"]');
    await o.page.click('[data-testid="excel-import-clean"]');
    await o.page.click('[data-testid="excel-import-confirm"]');
    const done = await text(o.page, '[data-testid="excel-import-done"]');
    expect(done).toContain('已导入 2 份草稿');
    expect(done).toContain('跳过的行：4');
    await o.page.close();
  });

  it('a damaged file is refused with a clear message', async () => {
    const o = await OptionsPage.open(s, '#/import');
    const good = await exportFormXlsx(forms.degreeRecord, degreeRecords(1));
    await upload(o.page, 'excel-import-file', file('坏文件.xlsx', good.subarray(0, 200)));
    expect(await text(o.page, '[data-testid="excel-import-error"]')).toContain('文件不完整或已损坏');
    await o.page.close();
  });

  it('a large workbook shows which row it is checking, and Cancel stops it with nothing written', { timeout: 240_000 }, async () => {
    const records = degreeRecords(20_000);
    const o = await OptionsPage.open(s, '#/import');
    await upload(o.page, 'excel-import-file', file('全校学位信息.xlsx', await exportFormXlsx(forms.degreeRecord, records)));
    await o.page.waitForSelector('[data-testid="excel-import-progress"]');
    // While the file is parsed the bar has no count; then it counts the rows checked. (Parsing 20,000 rows takes
    // a minute on a loaded 2-core machine; the rows are checked for a second or more after that.)
    const counting = await o.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="excel-import-progress"] progress[value]') &&
        document.querySelector('[data-testid="excel-import-progress"]')!.textContent,
      { timeout: 150_000 },
    );
    await o.page.click('[data-testid="excel-import-progress-cancel"]');
    expect(await counting.jsonValue()).toMatch(/正在检查 全校学位信息\.xlsx：第 \d+\/20000 行/);
    expect(await text(o.page, '[data-testid="excel-import-cancelled"]')).toBe('已取消导入，没有写入任何内容。');
    expect(await o.page.$('[data-testid="excel-import-report"]')).toBeNull();
    await o.goto('#/drafts');
    await o.page.waitForSelector('.app-bar');
    // (The first records' numbers are those of the small import above; rows only this workbook has must be absent.)
    const listed = await o.page.evaluate(() => document.body.textContent ?? '');
    for (const r of [records[100]!, records[19_999]!]) expect(listed).not.toContain(r.fields.studentNo);
    await o.page.close();
  });
});

describe('a recommendation workbook into a draft, and back out from the editor', () => {
  const draft = recommendationDraft(6);
  let draftId: string;
  let o: OptionsPage;

  beforeAll(async () => {
    o = await OptionsPage.open(s, '#/import');
    await upload(o.page, 'excel-import-file', file('推荐表.xlsx', await exportFormXlsx(forms.recommendation, [draft])));
    await o.page.waitForSelector('[data-testid="excel-import-report"]');
    await o.page.click('[data-testid="excel-import-confirm"]');
    await o.page.waitForSelector('[data-testid="excel-import-done"] a');
    const href = await o.page.$eval('[data-testid="excel-import-done"] a', (a) => a.getAttribute('href') ?? '');
    draftId = decodeURIComponent(href.replace('#/draft/', ''));
    await o.page.click('[data-testid="excel-import-done"] a');
    await o.waitForEditor();
  });
  afterAll(() => o?.page.close());

  it('exports the draft in the official layout: the downloaded file reads back as the same draft', async () => {
    expect(draftId).toBeTruthy();
    const saved = await downloads.expect(() => press(o.page, '[data-testid="excel-export"]'));
    expect(path.basename(saved)).toMatch(/^北京市教育委员会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = new Uint8Array(readFileSync(saved));
    const back = await importSpreadsheet(bytes, 'x.xlsx', { check: () => [] });
    if (!back.ok) throw new Error(back.error.en);
    expect(back.report.drafts[0]!.data).toEqual(draft);
    const book = strFromU8(unzipSync(bytes)['xl/workbook.xml']!);
    expect(book).toContain('_xlnm.Print_Titles');
  });

  it('a draft with errors: the check names them and jumps to each; going on exports with the error cells commented', async () => {
    await o.page.click('#field-contactPhone', { count: 3 });
    await o.page.keyboard.type('abc');
    await o.waitSaved();
    await press(o.page, '[data-testid="excel-export"]');
    await o.page.waitForSelector('[data-testid="gate-dialog"][open]');
    expect(await text(o.page, '[data-testid="gate-summary"]')).toMatch(/^本草稿有 [1-9]\d* 个错误、\d+ 个警告$/);
    // Jump: the dialog closes and the phone field has focus.
    const items = await o.page.$$('[data-testid="gate-list"] button');
    for (const b of items) if ((await b.evaluate((el) => el.textContent ?? '')).includes('联系电话')) await b.click();
    await o.page.waitForFunction(() => document.activeElement?.id === 'field-contactPhone', POLL);
    expect(await o.page.$('[data-testid="gate-dialog"][open]')).toBeNull();
    // Go on deliberately: the sheet carries the error as a comment on the phone cell.
    await press(o.page, '[data-testid="excel-export"]');
    await o.page.waitForSelector('[data-testid="gate-dialog"][open]');
    const saved = await downloads.expect(() => press(o.page, '[data-testid="gate-proceed"]'));
    const { wb } = await loadWorkbook(new Uint8Array(readFileSync(saved)));
    const marked: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => c.note && marked.push(c.value)));
    expect(marked).toContain('abc');
    // The choice holds for this revision: a second export goes straight out.
    await downloads.expect(() => press(o.page, '[data-testid="excel-export"]'));
    expect(await o.page.$('[data-testid="gate-dialog"][open]')).toBeNull();
    // Put the phone back for the template test.
    await o.page.click('#field-contactPhone', { count: 3 });
    await o.page.keyboard.type(draft.fields.contactPhone!);
    await o.waitSaved();
  });

  it('loads the official template once (kept for later) and fills it', async () => {
    await upload(o.page, 'excel-template-file', file('官方模板.xlsx', await officialTemplate()));
    expect(await text(o.page, '[data-testid="excel-template"]')).toContain('识别 16 列');
    const saved = await downloads.expect(() => o.page.click('[data-testid="excel-export-template"]'));
    const { wb } = await loadWorkbook(new Uint8Array(readFileSync(saved)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填表说明', '推荐表']);
    expect(wb.getWorksheet('推荐表')!.getCell('B11').value).toBe(draft.groups.schools![5]!.schoolName);

    // Reopened later, the template is still there.
    await o.page.reload();
    await o.waitForEditor();
    expect(await text(o.page, '[data-testid="excel-template"]')).toContain('官方模板.xlsx');
  });
});

describe('admin backup zip', () => {
  it('exports every draft as backup.json plus one workbook each, and imports the zip back through the preview', async () => {
    const o = await OptionsPage.open(s, '#/import');
    const saved = await downloads.expect(() => o.page.click('[data-testid="excel-backup-export"]'));
    expect(path.basename(saved)).toMatch(/^guoyou-backup-\d{8}-\d{4}\.zip$/);
    const zip = unzipSync(new Uint8Array(readFileSync(saved)));
    const books = Object.keys(zip).filter((n) => n.endsWith('.xlsx'));
    expect(Object.keys(zip)).toContain('backup.json');
    const backup = JSON.parse(strFromU8(zip['backup.json']!)) as { drafts: Array<{ title: string }> };
    expect(books).toHaveLength(backup.drafts.length);
    expect(books.some((n) => n.startsWith('xlsx/北京市教育委员会-'))).toBe(true);

    // Importing it back: everything is already here, so all drafts are "the same" and nothing changes.
    await upload(o.page, 'excel-backup-file', saved);
    const preview = await text(o.page, '[data-testid="excel-backup-preview"]');
    expect(preview).toContain(`相同 ${backup.drafts.length}`);
    await o.page.click('[data-testid="excel-backup-confirm"]');
    expect(await text(o.page, '[data-testid="excel-backup-done"]')).toContain('新增 0，更新 0');

    // A damaged zip is refused with its reason.
    await upload(o.page, 'excel-backup-file', file('坏备份.zip', new Uint8Array(readFileSync(saved)).subarray(0, 300)));
    expect(await text(o.page, '[data-testid="excel-backup-error"]')).toContain('文件不完整或已损坏');
    await o.page.close();
  });
});
