/**
 * PDF seal check in the browser (issue 6): on a fixture upload page served from 127.0.0.1 (a site the test build has
 * permitted), choosing each kind of PDF shows the right verdict next to the control before submit; with the site's
 * policy set to "clear", an unsealed file is removed from the input; a PDF dropped on an upload area is checked too.
 * The dashboard's checker page checks many files at once and shows seal thumbnails.
 */
import http from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT, makeCorpus } from '../../scripts/make-pdf-corpus';
import { signedPdf } from '../fixtures/signed-pdf';
import { launchExtension, type ExtensionSession } from './harness';

let s: ExtensionSession;
let server: http.Server;
let base = '';
const posts: string[] = [];
const corpus = (f: string) => path.join(DEFAULT_OUT, f);

beforeAll(async () => {
  await makeCorpus(DEFAULT_OUT);
  const html = await readFile(path.resolve('test/fixtures/upload/index.html'));
  server = http.createServer((req, res) => {
    if (req.method === 'POST') posts.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  s = await launchExtension();
  // The guard is registered for permitted sites when the extension is installed; wait for that registration.
  for (let i = 0; i < 100; i++) {
    const ids = (await s.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> } } })
        .chrome;
      return (await c.scripting.getRegisteredContentScripts()).map((x) => x.id);
    })) as string[];
    if (ids.includes('guoyou-upload-guard')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});
afterAll(async () => {
  await s?.close();
  await new Promise((r) => server?.close(r));
});

async function fileInput(page: Page, selector: string): Promise<ElementHandle<HTMLInputElement>> {
  return (await page.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
}

async function openUploadPage(): Promise<Page> {
  const page = await s.browser.newPage();
  await page.goto(base, { waitUntil: 'load' });
  return page;
}

/** The verdict line shown next to a control, once the check has finished. */
async function verdictAfter(page: Page, selector: string): Promise<{ status: string; text: string }> {
  const handle = await page.waitForFunction(
    (sel: string) => {
      const el = document.querySelector(sel);
      let anchor: Element | null = el;
      // The guard shows the verdict after the control, or after its visible wrapper when the control is hidden.
      while (anchor && !(anchor.nextElementSibling as HTMLElement | null)?.hasAttribute('data-guoyou-pdf-verdict'))
        anchor = anchor.parentElement;
      const line = anchor?.nextElementSibling?.querySelector('[data-status]') as HTMLElement | null;
      return line && line.dataset.status !== 'checking' ? { status: line.dataset.status!, text: line.textContent ?? '' } : null;
    },
    { timeout: 60_000, polling: 100 },
    selector,
  );
  return (await handle.jsonValue()) as { status: string; text: string };
}

describe('upload guard on a permitted site', () => {
  it.each([
    ['scan-sealed-2p.pdf', 'sealed', '已盖章'],
    ['scan-unsealed-1p.pdf', 'unsealed', '未盖章'],
    ['scan-wrong-page.pdf', 'seal-misplaced', '印章位置不对'],
    ['scan-grayscale-sealed.pdf', 'uncertain', '灰度'],
    ['text-esign-vendor.pdf', 'sealed', '电子签章'],
    ['scan-riding-sealed.pdf', 'sealed', '已盖章'],
    ['encrypted.pdf', 'error', '加密'],
    ['not-a-pdf.pdf', 'error', '不是 PDF'],
  ])('choosing %s shows “%s” before submit', async (file, status, words) => {
    const page = await openUploadPage();
    const input = await fileInput(page, '#plain');
    await input.uploadFile(corpus(file));
    const v = await verdictAfter(page, '#plain');
    expect(v.status).toBe(status);
    expect(v.text).toContain(words);
    expect(v.text).toContain(file);
    // Warn-only is the default: the file stays chosen, and nothing was submitted.
    expect(await page.$eval('#plain', (el) => (el as HTMLInputElement).files?.length)).toBe(1);
    expect(posts).toEqual([]);
    await page.close();
  });

  it.each([
    ['ECDSA', false, 'sealed', '签名后未被改动'],
    ['SM2', true, 'uncertain', '签名后被改动'],
  ] as const)('a %s-signed PDF (changed after signing: %s) shows “%s” with its integrity', async (algorithm, tamper, status, words) => {
    const file = path.join(tmpdir(), `guoyou-signed-${algorithm}-${tamper ? 'changed' : 'untouched'}.pdf`);
    await writeFile(file, await signedPdf({ algorithm, name: '王芳', organisation: '河北省教育厅', tamper }));
    const page = await openUploadPage();
    await (await fileInput(page, '#plain')).uploadFile(file);
    const v = await verdictAfter(page, '#plain');
    expect(v.status).toBe(status);
    expect(v.text).toContain(words);
    expect(v.text).toContain('河北省教育厅');
    await page.close();
  });

  it('shows the verdict beside a hidden input’s visible wrapper', async () => {
    const page = await openUploadPage();
    const input = await fileInput(page, '#hidden');
    await input.uploadFile(corpus('text-stamped-image.pdf'));
    const status = await page.waitForFunction(
      () =>
        (document.querySelector('#styled + [data-guoyou-pdf-verdict] [data-status]:not([data-status="checking"])') as HTMLElement | null)
          ?.dataset.status,
      {
        timeout: 60_000,
      },
    );
    expect(await status.jsonValue()).toBe('sealed');
    await page.close();
  });

  it('checks a PDF dropped on an upload area', async () => {
    const page = await openUploadPage();
    // A real drop (trusted events, a file from disk), as a person drags one from the file manager.
    const box = (await (await page.$('#drop'))!.boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const cdp = await page.createCDPSession();
    const data = { items: [], files: [corpus('scan-unsealed-1p.pdf')], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
    const v = await verdictAfter(page, '#drop');
    expect(v.status).toBe('unsealed');
    expect(v.text).toContain('scan-unsealed-1p.pdf');
    await page.close();
  });

  // Issue 13 §8: a page cannot make the extension parse a PDF of its choosing.
  it.each([
    ['a File assigned through DataTransfer and a synthetic change', 'change'],
    ['a synthetic drop on an upload area', 'drop'],
  ])('ignores %s', async (_name, kind) => {
    const page = await openUploadPage();
    const bytes = [...(await readFile(corpus('scan-unsealed-1p.pdf')))];
    const shown = await page.evaluate(
      (data: number[], kind: string) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(data)], 'planted.pdf', { type: 'application/pdf' }));
        if (kind === 'change') {
          const input = document.getElementById('plain') as HTMLInputElement;
          input.files = dt.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        } else document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        // The guard starts a check synchronously (its panel appears inside dispatchEvent): nothing means ignored.
        return document.querySelectorAll('[data-guoyou-pdf-verdict]').length;
      },
      bytes,
      kind,
    );
    expect(shown).toBe(0);
    // The same page still answers a real choice.
    await (await fileInput(page, '#plain')).uploadFile(corpus('scan-sealed-1p.pdf'));
    expect((await verdictAfter(page, '#plain')).status).toBe('sealed');
    expect(await page.$$eval('[data-guoyou-pdf-verdict]', (els) => els.map((e) => e.textContent).join(''))).not.toContain('planted');
    await page.close();
  });

  it('answers at most six choices a minute per page, then says to wait', async () => {
    const page = await openUploadPage();
    const input = await fileInput(page, '#plain');
    // Each verdict is removed before the next choice, so the wait below sees the new one, not the last.
    const clear = () => page.evaluate(() => document.querySelectorAll('[data-guoyou-pdf-verdict]').forEach((e) => e.remove()));
    for (let i = 0; i < 6; i++) {
      await clear();
      await input.uploadFile(corpus(i % 2 ? 'scan-sealed-1p.pdf' : 'not-a-pdf.pdf'));
      await verdictAfter(page, '#plain');
    }
    await clear();
    // A file other than the sixth (scan-sealed-1p.pdf): choosing the same file again is no new choice, and Chromium
    // fires no `change` for it, so there would be nothing to answer.
    await input.uploadFile(corpus('scan-unsealed-1p.pdf'));
    const v = await verdictAfter(page, '#plain');
    expect(v.status).toBe('error');
    expect(v.text).toContain('请稍后再选择文件');
    await page.close();
  });

  it('with the site set to “clear”, removes an unsealed file from the input and says so', async () => {
    const options = await s.openPage('options.html#/pdf');
    // The dashboard lists the permitted site; choose "warn and clear" for it.
    const select = await options.waitForSelector('select[aria-label="http://127.0.0.1/*"]', { timeout: 30_000 });
    await select!.select('clear');
    await options.waitForFunction(
      () => (document.querySelector('select[aria-label="http://127.0.0.1/*"]') as HTMLSelectElement).value === 'clear',
    );
    const page = await openUploadPage();
    const input = await fileInput(page, '#plain');
    await input.uploadFile(corpus('scan-unsealed-1p.pdf'));
    const v = await verdictAfter(page, '#plain');
    expect(v.status).toBe('unsealed');
    await page.waitForFunction(() => (document.querySelector('#plain') as HTMLInputElement).files?.length === 0);
    expect(await page.$eval('[data-guoyou-pdf-verdict]', (el) => el.textContent)).toContain('已按本网站设置清除');
    // A sealed file is kept under the same policy.
    await input.uploadFile(corpus('scan-sealed-1p.pdf'));
    expect((await verdictAfter(page, '#plain')).status).toBe('sealed');
    expect(await page.$eval('#plain', (el) => (el as HTMLInputElement).files?.length)).toBe(1);
    expect(posts).toEqual([]);
    await select!.select('warn');
    await page.close();
    await options.close();
  });
});

describe('dashboard checker page', () => {
  it('checks many PDFs at once and shows what it found, with seal thumbnails', async () => {
    const page = await s.openPage('options.html#/pdf');
    const input = await fileInput(page, '[data-pdf-input]');
    const files = ['scan-sealed-1p.pdf', 'scan-unsealed-1p.pdf', 'text-esign-adbe.pdf', 'scan-riding-only.pdf', 'truncated.pdf'];
    await input.uploadFile(...files.map(corpus));
    await page.waitForFunction(
      (n: number) => document.querySelectorAll('[data-pdf-result]:not([data-status="checking"])').length === n,
      { timeout: 90_000 },
      files.length,
    );
    const statuses = await page.$$eval('[data-pdf-result]', (els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-pdf-result'), e.getAttribute('data-status')])),
    );
    expect(statuses).toEqual({
      'scan-sealed-1p.pdf': 'sealed',
      'scan-unsealed-1p.pdf': 'unsealed',
      'text-esign-adbe.pdf': 'sealed',
      'scan-riding-only.pdf': 'seal-misplaced',
      'truncated.pdf': 'error',
    });
    const thumbs = await page.$$eval('[data-pdf-result="scan-sealed-1p.pdf"] .pdf-seal img', (imgs) =>
      imgs.map((i) => (i as HTMLImageElement).naturalWidth),
    );
    expect(thumbs.length).toBe(1);
    expect(thumbs[0]).toBeGreaterThan(20);
    expect(await page.$$eval('[data-pdf-result="scan-riding-only.pdf"] .pdf-seal[data-kind="riding"]', (els) => els.length)).toBe(2);
    expect(await page.$eval('[data-pdf-result="text-esign-adbe.pdf"]', (el) => el.textContent)).toContain('王芳');
    await page.close();
  });

  it('shows how many files are done while it works, and Cancel stops the rest without a verdict', async () => {
    const page = await s.openPage('options.html#/pdf');
    const input = await fileInput(page, '[data-pdf-input]');
    // A 20-page scan second in the queue: still being checked when the first verdict is in.
    const files = [
      'scan-sealed-1p.pdf',
      'scan-20-pages-sealed.pdf',
      'scan-unsealed-3p.pdf',
      'scan-sealed-3p-q45.pdf',
      'scan-200dpi-sealed.pdf',
    ];
    await input.uploadFile(...files.map(corpus));
    await page.waitForSelector('[data-testid="pdf-progress"]', { timeout: 30_000 });
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="pdf-progress"] progress') as HTMLProgressElement | null)?.value === 1,
      {
        timeout: 60_000,
      },
    );
    expect(await page.$eval('[data-testid="pdf-progress"]', (el) => el.textContent)).toContain('已完成 1/5');
    await page.click('[data-testid="pdf-progress-cancel"]');
    await page.waitForFunction(() => !document.querySelector('[data-pdf-result][data-status="checking"]'), { timeout: 30_000 });
    expect(await page.$('[data-testid="pdf-progress"]')).toBeNull();
    const statuses = await page.$$eval('[data-pdf-result]', (els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses[0]).toBe('sealed');
    // The queued files never ran; each says so rather than showing a verdict.
    expect(statuses.slice(2)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await page.$eval('[data-pdf-result="scan-200dpi-sealed.pdf"]', (el) => el.textContent)).toContain('已取消');
    await page.close();
  });
});
