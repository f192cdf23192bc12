/**
 * The built static toolkit, served from a static host and opened from file://: a user fills a recommendation form and
 * sees findings, exports Excel (official layout and their own template; both read back with ExcelJS), opens the print
 * view (checked by element boxes, not pixels) and checks a sealed and an unsealed PDF. Every request the page makes
 * is intercepted: nothing may leave the static files.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import ExcelJS from 'exceljs';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumArgs, findChromium } from '../../scripts/platform/chromium-path';
import { getForm } from '../../lib/forms';
import { serveStatic, type StaticServer } from '../../scripts/start/static-server';
import { watchDownloads, type DownloadWatcher } from '../../scripts/demo/downloads';
import { demoPdfs } from '../../scripts/demo/pdfs';
import { checkPdfInPage } from '../../scripts/demo/flow';
import { ToolkitPage } from '../../scripts/demo/toolkit-page';
import { OptionsPage } from './pages/options';
import { importBackup, launchExtension, readFindings, type ExtensionSession } from './harness';
import { parseBackup } from '../../lib/backup/backup';
import { seriousViolations } from './harness/axe';

const outDir = path.resolve(process.env.GUOYOU_E2E_OUT ?? '.output/e2e', 'toolkit');
const work = mkdtempSync(path.join(tmpdir(), 'guoyou-toolkit-e2e-'));
const shots = path.resolve('test-results/toolkit');

let browser: Browser;
let server: StaticServer;
let downloads: DownloadWatcher;
let pdfs: { sealed: string; unsealed: string; cmap: string };

beforeAll(async () => {
  if (!(process.env.GUOYOU_SKIP_BUILD === '1' && existsSync(path.join(outDir, 'index.html')))) {
    const r = spawnSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.toolkit.config.ts'], {
      stdio: 'inherit',
      env: { ...process.env, GUOYOU_TOOLKIT_OUT: outDir },
    });
    if (r.status !== 0) throw new Error('toolkit build failed');
  }
  mkdirSync(shots, { recursive: true });
  pdfs = { ...(await demoPdfs(work)), cmap: path.join(work, 'chinese-cmap.pdf') };
  writeFileSync(pdfs.cmap, await predefinedCMapPdf());
  server = await serveStatic(outDir);
  browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    pipe: true,
    args: [...chromiumArgs(), '--force-prefers-reduced-motion'],
  });
  downloads = await watchDownloads(browser, work);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every request the page makes, answered only when it stays inside the static files. */
async function guard(page: Page, allowed: (url: string) => boolean): Promise<{ seen: string[]; outside: string[] }> {
  const seen: string[] = [];
  const outside: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    seen.push(url);
    if (allowed(url) || url.startsWith('data:') || url.startsWith('blob:')) void req.continue();
    else {
      outside.push(url);
      void req.abort();
    }
  });
  return { seen, outside };
}

async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

function cellsOf(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  // Merged cells other than the top-left one have no text of their own.
  wb.eachSheet((ws) =>
    ws.eachRow((row) => row.eachCell((c) => c.type !== ExcelJS.ValueType.Merge && out.push(String(c.text ?? '').trim()))),
  );
  return out;
}

/** A user's own template: their title, a note row, and the columns in their order (with a header the pack has as a synonym). */
async function userTemplate(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('报送表');
  ws.getCell('A1').value = '浙江省教育实践学校推荐汇总（本厅自用模板）';
  ws.mergeCells('A1:F1');
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getRow(3).values = ['序号', '学校名称', '学段', '所在市（州）', '统一社会信用代码', '办学性质'];
  ws.getRow(3).font = { bold: true };
  ws.getColumn(2).width = 30;
  await wb.xlsx.writeFile(file);
}

/**
 * A Chinese text PDF as office software writes it with a non-embedded font: Type0 / STSong-Light / UniGB-UCS2-H.
 * Its text is readable only with pdf.js's CMaps. Page 1 carries the signing block, page 2 an annex: with the CMaps the
 * signing page is found by its text (1); without them the file looks like a scan and the last page (2) is assumed.
 */
async function predefinedCMapPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const ctx = doc.context;
  const descriptor = ctx.register(
    ctx.obj({
      Type: 'FontDescriptor',
      FontName: 'STSong-Light',
      Flags: 6,
      FontBBox: [0, -200, 1000, 900],
      ItalicAngle: 0,
      Ascent: 880,
      Descent: -120,
      CapHeight: 880,
      StemV: 93,
    }),
  );
  const cidFont = ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: 'STSong-Light',
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 4 },
      DW: 1000,
      FontDescriptor: descriptor,
    }),
  );
  const font = ctx.register(
    ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'STSong-Light', Encoding: 'UniGB-UCS2-H', DescendantFonts: [cidFont] }),
  );
  const ucs2 = (text: string) => [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  for (const lines of [['教育实践学校推荐表', '推荐单位（盖章）', '年 月 日'], ['附件：推荐理由说明']]) {
    const page = doc.addPage([842, 595]);
    page.node.setFontDictionary(PDFName.of('F1'), font);
    const ops = lines.map((l, i) => `BT /F1 18 Tf 80 ${500 - i * 60} Td <${ucs2(l)}> Tj ET`).join('\n');
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(ops)));
  }
  return doc.save({ useObjectStreams: false });
}

const modes: Array<[string, () => string, (url: string) => boolean]> = [
  ['served from a static host', () => `${server.url}/index.html`, (u) => u.startsWith(`${server.url}/`)],
  ['opened from file://', () => pathToFileURL(path.join(outDir, 'index.html')).href, (u) => u.startsWith('file://')],
];

describe.each(modes)('static toolkit %s', (mode, url, allowed) => {
  let tk: ToolkitPage;
  let editor: OptionsPage;
  let requests: { seen: string[]; outside: string[] };
  let draftId: string;
  const tag = mode.startsWith('served') ? 'served' : 'file';

  beforeAll(async () => {
    const page = await browser.newPage();
    requests = await guard(page, allowed);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url(), { waitUntil: 'load' });
    await page.waitForSelector('.app-bar');
    tk = new ToolkitPage(page);
    // The options page object only drives the page it is given; the toolkit has no extension session.
    editor = new OptionsPage(page, undefined as unknown as ExtensionSession);
  });
  afterAll(async () => {
    await tk?.page.close();
  });

  test('says plainly, from file:// only, that every local page shares its storage (issue 13 §10)', async () => {
    const warning = await tk.page.$('[data-testid="toolkit-file-warning"]');
    if (tag === 'file') expect(await warning!.evaluate((e) => e.textContent)).toContain('任何本地网页');
    else expect(warning).toBeNull();
  });

  test('no extension-only tab (site adapters); the rest of the dashboard is there', async () => {
    const tabs = await tk.page.$$eval('.app-bar .tabs a', (as) => as.map((a) => a.getAttribute('href')));
    expect(tabs).toEqual(['#/drafts', '#/import', '#/pdf', '#/reference', '#/settings']);
  });

  test('renaming a draft gives exactly the new title (input method, then select all and type)', async () => {
    const id = await editor.createDraft(`改名前（${tag}）`);
    await editor.goto('#/drafts');
    await editor.waitForListTitles((t) => t.includes(`改名前（${tag}）`));
    await editor.rename(id, `输入法改名（${tag}）`, 'ime');
    await editor.waitForListTitles((t) => t.includes(`输入法改名（${tag}）`));
    await editor.rename(id, `全选改名（${tag}）`, 'selectAll');
    const titles = await editor.waitForListTitles((t) => !t.includes(`输入法改名（${tag}）`));
    expect(titles.filter((t) => t.includes('改名'))).toEqual([`全选改名（${tag}）`]);
    await editor.clickItemButton(id, '删除');
  });

  test('fill a recommendation form: findings appear as the user types, the draft is saved in the page', async () => {
    draftId = await editor.createDraft(`工具包推荐表（${tag}）`);
    await editor.select('province', '浙江省');
    await editor.type('recommendingUnit', '浙江省教育厅');
    await editor.type('filler', '王晓明');
    await editor.type('contactPhone', '0571-8705');
    await editor.type('contactEmail', 'jsc@zjedu.gov.cn');
    await editor.type('schools[0].schoolName', '杭州第二中学');
    await editor.select('schools[0].schoolStage', '高中');
    await editor.type('schools[0].city', '杭州市');
    await editor.type('schools[0].creditCode', '123300004701098760');
    await editor.select('schools[0].schoolNature', '公办');
    await tk.page.keyboard.press('Tab');
    await editor.waitSaved();
    const rules = await tk.page.$$eval('[data-testid="findings"] [data-rule]', (els) => els.map((e) => (e as HTMLElement).dataset.rule));
    expect(rules).toContain('contact.phone');
    expect(rules).toContain('school.min-count');
    expect(rules).not.toContain('school.credit-code');
    // Beside the field too, not only in the panel.
    expect(await tk.page.$eval('#field-contactPhone', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    // Survives a reload: the draft lives in this page's IndexedDB.
    await tk.page.reload({ waitUntil: 'load' });
    await editor.waitForEditor();
    expect(await editor.value('schools[0].schoolName')).toBe('杭州第二中学');
  });

  test('axe: the editor with findings, the draft list and the PDF checker have no serious or critical violation', async () => {
    await tk.openDraft(draftId);
    await tk.page.waitForSelector('[data-testid="findings"] [data-rule]');
    expect(await seriousViolations(tk.page)).toEqual([]);
    for (const [tab, shown] of [
      ['#/drafts', '[data-testid="new-draft"]'],
      ['#/pdf', '[data-testid="pdf-pick"]'],
    ]) {
      await tk.goto(tab!);
      await tk.page.waitForSelector(shown!);
      expect(await seriousViolations(tk.page), tab).toEqual([]);
    }
    await tk.openDraft(draftId);
  });

  test('Excel export in the official layout, read back with ExcelJS', async () => {
    const button = await tk.page.waitForSelector('[data-testid="excel-export"]');
    // The draft has errors on purpose (the phone, too few schools): the check stops the export until the user goes on.
    await button!.click();
    await tk.page.waitForSelector('[data-testid="gate-dialog"][open]');
    const file = await downloads.expect(() => tk.page.click('[data-testid="gate-proceed"]'));
    const wb = await readXlsx(file);
    const cells = cellsOf(wb);
    for (const v of ['浙江省教育厅', '王晓明', '杭州第二中学', '123300004701098760', '高中']) expect(cells).toContain(v);
    expect(cells.some((c) => c.includes('学校名称'))).toBe(true);
  });

  test("Excel export into the user's own template keeps their layout", async () => {
    const tpl = path.join(work, `template-${tag}.xlsx`);
    await userTemplate(tpl);
    const input = await tk.page.waitForSelector('[data-testid="excel-template-file"]');
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(tpl);
    const button = await tk.page.waitForSelector('[data-testid="excel-export-template"]:not([disabled])', { timeout: 15_000 });
    const file = await downloads.expect(() => button!.click());
    const ws = (await readXlsx(file)).getWorksheet('报送表')!;
    expect(ws.getCell('A1').text).toBe('浙江省教育实践学校推荐汇总（本厅自用模板）');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '学校名称', '学段', '所在市（州）', '统一社会信用代码', '办学性质']);
    expect([ws.getCell('B4').text, ws.getCell('C4').text, ws.getCell('D4').text, ws.getCell('E4').text, ws.getCell('F4').text]).toEqual([
      '杭州第二中学',
      '高中',
      '杭州市',
      '123300004701098760',
      '公办',
    ]);
  });

  test('print view: laid out like the paper form, alone on the page when printed', async () => {
    await tk.page.click('[data-testid="print-open"]');
    await tk.page.waitForSelector(`[data-testid="print-view"][data-draft-id="${draftId}"]`);
    await tk.page.emulateMediaType('print');
    await tk.page.setViewport({ width: 1123, height: 794 }); // A4 landscape at 96 dpi
    await tk.page.screenshot({ path: path.join(shots, `print-${tag}.png`), fullPage: true });
    const box = async (sel: string) => {
      const b = await (await tk.page.$(sel))?.boundingBox();
      if (!b) throw new Error(`${sel} is not laid out`);
      return b;
    };
    const [sheet, title, header, table, seal] = await Promise.all(
      [
        '.print-sheet',
        '[data-testid="print-title"]',
        '[data-testid="print-header"]',
        '[data-testid="print-table"]',
        '[data-testid="print-seal-area"]',
      ].map(box),
    );
    // The application around the form is not printed.
    expect(await tk.page.$eval('.app-bar', (el) => getComputedStyle(el).display)).toBe('none');
    expect(await tk.page.$eval('.print-toolbar', (el) => getComputedStyle(el).display)).toBe('none');
    // Title centred over the sheet, then the header block, then the table, then the seal block.
    expect(Math.abs(title!.x + title!.width / 2 - (sheet!.x + sheet!.width / 2))).toBeLessThan(4);
    expect(title!.y + title!.height).toBeLessThanOrEqual(header!.y);
    expect(header!.y + header!.height).toBeLessThanOrEqual(table!.y);
    expect(table!.y + table!.height).toBeLessThanOrEqual(seal!.y);
    // The table spans the sheet; the seal block sits at its right edge with room for a 4.2 cm seal (159 px).
    expect(table!.width).toBeGreaterThan(sheet!.width * 0.95);
    expect(Math.abs(seal!.x + seal!.width - (table!.x + table!.width))).toBeLessThan(4);
    expect(seal!.width).toBeGreaterThanOrEqual(159);
    expect(seal!.height).toBeGreaterThanOrEqual(159);
    expect(await tk.page.$eval('[data-testid="print-seal-area"]', (el) => el.textContent)).toBe('推荐单位（盖章）');
    // One column per school field plus 序号, one row for the one school typed, in the pack's order.
    const form = getForm('recommendation');
    const headers = await tk.page.$$eval('[data-testid="print-table"] thead th', (ths) => ths.map((th) => th.textContent));
    expect(headers).toEqual(['序号', ...form.groups[0]!.fields.map((f) => f.label.zh)]);
    const rows = await tk.page.$$eval('[data-testid="print-table"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(rows.length).toBe(1);
    expect(rows[0]![0]).toBe('1');
    expect(rows[0]).toContain('杭州第二中学');
    await tk.page.emulateMediaType(undefined);
    await tk.page.setViewport({ width: 1280, height: 900 });
  });

  test('PDF seal check runs in the page: sealed and unsealed', async () => {
    await tk.goto('#/pdf');
    expect(await checkPdfInPage(tk.page, pdfs.sealed)).toBe('sealed');
    expect(await checkPdfInPage(tk.page, pdfs.unsealed)).toBe('unsealed');
    await tk.page.screenshot({ path: path.join(shots, `pdf-${tag}.png`) });
  });

  test('a Chinese text PDF with a predefined CMap is read: its signing page is found by its text', async () => {
    expect(await checkPdfInPage(tk.page, pdfs.cmap)).toBe('unsealed');
    const card = await tk.page.$eval('[data-pdf-result="chinese-cmap.pdf"]', (el) => el.textContent ?? '');
    expect(card).toContain('签章页：第 1 页');
  });

  test('no request left the static files', () => {
    // The interception was live (it saw the page's own script), and nothing else was asked for.
    expect(requests.seen.some((u) => u.endsWith('/toolkit.js'))).toBe(true);
    expect(requests.outside).toEqual([]);
  });
});

describe('a backup moves between the static toolkit and the extension', () => {
  test('toolkit → extension: same draft, same findings; extension (renamed there) → toolkit', async () => {
    const tk = await ToolkitPage.open(browser, `${server.url}/index.html`);
    await tk.goto('#/settings');
    const exported = await downloads.expect(async () => (await tk.page.waitForSelector('[data-testid="backup-export"]'))!.click());
    const json = readFileSync(exported, 'utf8');
    const parsed = parseBackup(JSON.parse(json));
    if (!parsed.ok) throw new Error(parsed.error.en);
    const draft = parsed.backup.drafts.find((d) => d.title === '工具包推荐表（served）');
    expect(draft?.data.groups.schools?.[0]?.schoolName).toBe('杭州第二中学');

    const session = await launchExtension();
    try {
      await importBackup(session, json);
      const findings = await readFindings(session, draft!.id);
      expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['contact.phone', 'school.min-count']));

      const o = await OptionsPage.open(session);
      await o.rename(draft!.id, '扩展中改名的推荐表');
      await o.waitForListTitles((titles) => titles.includes('扩展中改名的推荐表'));
      await o.goto('#/settings');
      const back = await watchDownloads(session.browser, work);
      const fromExtension = await back.expect(async () => (await o.page.waitForSelector('[data-testid="backup-export"]'))!.click());
      await tk.importBackup(readFileSync(fromExtension, 'utf8'));
      await tk.openDraft(draft!.id);
      expect(await tk.page.$eval('[data-testid="draft-title"]', (el) => el.textContent)).toBe('扩展中改名的推荐表');
    } finally {
      await session.close();
      await tk.page.close();
    }
  });
});
