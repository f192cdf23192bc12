import * as pdfjs from 'pdfjs-dist';
// Bundled as an extension asset: pdf.js parses in its own worker, off the page's thread (CSP allows 'self' workers).
import workerUrl from 'pdfjs-dist/build/pdf.worker.mjs?url';
import { checkPdf, type CheckOptions } from './check';
import type { PdfCheckResult } from './types';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Check a PDF in an extension page or the offscreen document (modern pdf.js build with its worker). */
export function checkPdfInBrowser(bytes: Uint8Array, opts: CheckOptions): Promise<PdfCheckResult> {
  return checkPdf(pdfjs, bytes, opts);
}
