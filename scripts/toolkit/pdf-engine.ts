/**
 * The toolkit's stand-in for lib/pdf/browser.ts (swapped in by vite.toolkit.config.ts). Chromium loads no worker
 * from file://, so pdf.js's worker code is bundled into the page and registered as `globalThis.pdfjsWorker`: pdf.js
 * then parses on the page's thread (its "fake worker"). Same check, same results, no extra file to fetch.
 */
import * as pdfjs from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import { checkPdf, type CheckOptions } from '../../lib/pdf/check';
import type { PdfCheckResult } from '../../lib/pdf/types';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export function checkPdfInBrowser(bytes: Uint8Array, opts: CheckOptions): Promise<PdfCheckResult> {
  return checkPdf(pdfjs, bytes, opts);
}
