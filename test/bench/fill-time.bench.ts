/**
 * Fill time of a whole page (issue 12): the Element Plus recommendation system (test/fixtures/systems/element) — two
 * el-selects and an el-date-picker in the header, a table of schools with an el-select and a radio group per row, and
 * a fifth row added with the page's own “+ 添加学校” — filled with the five-school draft by the product's fill
 * (scan, label, match, add rows, drive, read back, report) and by a plain scripted fill of the same page (fixed
 * positions, DOM events only, no matching), in the same Chromium run, interleaved. Each fill gets a freshly loaded
 * page; both are checked against the page's own Vue model so neither is timed doing less. Targets: ≤ 1.5× the
 * scripted fill and ≤ 2 s. `npm run bench -- fill-time`.
 */
import path from 'node:path';
import puppeteer, { type Page } from 'puppeteer';
import { bundlePage } from './bundle';
import { findChromium, chromiumArgs } from '../../scripts/platform/chromium-path';
import { forms } from '../../lib/forms/index';
import { flattenValues, formHints } from '../../lib/autofill/hints';
import type { FillPlan } from '../../lib/autofill/types';
import type { FormData } from '../../lib/forms/types';
import { startFixtureServer } from '../fixtures/server';
import { recommendationData } from '../fixtures/systems/drafts';
import { expectedRecommendation } from '../fixtures/systems/element/expect';
import { median, type BenchRow } from './types';

const RUNS = 7;
const WARMUP = 1;

function bundle(): Promise<string> {
  return bundlePage(path.resolve(import.meta.dirname, 'fill-time/page-entry.ts'), 'fillBench');
}

type Api = {
  product(p: FillPlan): Promise<{ ms: number; filled: number; failed: number; skipped: number }>;
  scripted(d: FormData): Promise<{ ms: number }>;
};

/** Keys of the page's Vue model that differ from what the draft should have put there. */
function wrongKeys(state: unknown, expected: unknown, prefix = ''): string[] {
  if (expected !== null && typeof expected === 'object')
    return Object.entries(expected).flatMap(([k, v]) =>
      wrongKeys((state as Record<string, unknown> | undefined)?.[k], v, `${prefix}${k}.`),
    );
  return JSON.stringify(state ?? '') === JSON.stringify(expected ?? '') ? [] : [prefix.slice(0, -1)];
}

async function fresh(page: Page, url: string, code: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof (window as unknown as { __state?: unknown }).__state === 'function');
  await page.addScriptTag({ content: code });
}

export default async function (): Promise<BenchRow[]> {
  const code = await bundle();
  const form = forms.recommendation;
  const { hints, groups } = formHints(form);
  const { values, rows } = flattenValues(form, recommendationData);
  const plan: FillPlan = { formId: form.id, hints, groups, values, rows, adapters: [], done: [], locale: 'zh-CN' };
  const expected = expectedRecommendation(recommendationData);
  const server = await startFixtureServer();
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...chromiumArgs(), '--force-prefers-reduced-motion'],
  });
  const url = `${server.url}/element/recommend.html`;
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    const products: number[] = [];
    const scripts: number[] = [];
    let report = { filled: 0, failed: 0, skipped: 0 };
    const wrong = { product: new Set<string>(), scripted: new Set<string>() };
    const state = () => page.evaluate(() => (window as unknown as { __state(): unknown }).__state());
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // Alternate which goes first, so neither always meets the machine right after the other.
      for (const which of i % 2 ? (['scripted', 'product'] as const) : (['product', 'scripted'] as const)) {
        await fresh(page, url, code);
        let ms: number;
        if (which === 'product') {
          const r = await page.evaluate((p) => (globalThis as unknown as { __fillBench: Api }).__fillBench.product(p), plan);
          report = { filled: r.filled, failed: r.failed, skipped: r.skipped };
          ms = r.ms;
        } else {
          ms = (await page.evaluate((d) => (globalThis as unknown as { __fillBench: Api }).__fillBench.scripted(d), recommendationData)).ms;
        }
        for (const k of wrongKeys(await state(), expected)) wrong[which].add(k);
        if (i < WARMUP) continue;
        (which === 'product' ? products : scripts).push(ms);
      }
    }
    const productMs = median(products);
    const scriptMs = median(scripts);
    const complete = wrong.product.size === 0 && wrong.scripted.size === 0;
    return [
      {
        name: 'whole fill, 5-school Element Plus recommendation page',
        medianMs: productMs,
        baselineName: 'scripted fill, same page (DOM events, no matching)',
        baselineMs: scriptMs,
        target: '≤ 1.5×, ≤ 2 s',
        ok: complete && productMs <= 2000 && productMs <= 1.5 * scriptMs,
        notes: [
          `report: ${report.filled} filled, ${report.skipped} skipped, ${report.failed} failed (includes scan, match, adding a row, read-back)`,
          `Vue model keys wrong after the product's fill: ${[...wrong.product].join(', ') || 'none'}; after the scripted fill: ${[...wrong.scripted].join(', ') || 'none'}`,
          `runs: product ${products.map((x) => x.toFixed(0)).join(' ')} ms; scripted ${scripts.map((x) => x.toFixed(0)).join(' ')} ms`,
        ],
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
