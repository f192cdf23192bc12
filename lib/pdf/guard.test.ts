/**
 * Issue 13 §4–§5: PDFs whose streams lie about their size are refused before pdf.js allocates, and a page whose drawing
 * outlasts the budget is stopped, with a clear answer within the budget.
 */
import { describe, expect, it } from 'vitest';
import { hostilePdfs, jpegHeader } from '../../test/fixtures/hostile/pdfs';
import { guardPdf, jpegSize } from './guard';
import { checkPdfInNode } from './node';

const samples = hostilePdfs().filter((s) => !s.heavy);

describe('PDF resource guard', () => {
  it('reads the frame size of a JPEG', () => {
    expect(jpegSize(jpegHeader(30000, 20000))).toEqual({ width: 30000, height: 20000 });
  });

  it.each(samples.filter((s) => s.point === 4).map((s) => [s.name, s] as const))('%s: refused before parsing', async (_n, sample) => {
    const bytes = sample.bytes();
    expect(guardPdf(bytes)?.code).toBe('too-large');
    const t0 = performance.now();
    const r = await checkPdfInNode(bytes, { fileName: sample.file });
    expect(r.status).toBe('error');
    expect(r.reason.zh).toMatch(sample.refusal!);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('refuses a content stream that inflates past the per-stream cap', () => {
    const sample = samples.find((s) => s.file === 'content-20mb.pdf')!;
    expect(guardPdf(sample.bytes())?.message.zh).toMatch(/压缩炸弹/);
  });

  it('lets an honest image through', () => {
    expect(guardPdf(samples.find((s) => s.point === 0)!.bytes())).toBeUndefined();
  });

  it('answers a heavy page under the cap within its budget (a clear verdict or a timeout)', async () => {
    const sample = samples.find((s) => s.file === 'slow-page.pdf')!;
    const bytes = sample.bytes();
    const t0 = performance.now();
    const r = await checkPdfInNode(bytes, { fileName: sample.file, limits: { timeBudgetMs: 3000 } });
    const ms = performance.now() - t0;
    expect(['error', 'uncertain', 'unsealed']).toContain(r.status);
    if (r.status === 'error') expect(r.error?.code).toBe('timeout');
    // One synchronous parse of the largest allowed content stream is the most a deadline can overrun.
    expect(ms).toBeLessThan(3000 + 8000);
  }, 60_000);
});
