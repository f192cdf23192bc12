import * as pdfjs from 'pdfjs-dist';
// Bundled as an extension asset: pdf.js parses in its own worker, off the page's thread (CSP allows 'self' workers).
import workerUrl from 'pdfjs-dist/build/pdf.worker.mjs?url';
import { checkPdf, type CheckOptions } from './check';
import type { PdfCheckResult } from './types';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * pdf.js's data files, bundled as assets: CJK CMaps (Chinese PDFs often use predefined CMaps such as UniGB-UCS2-H;
 * without them the text layer is empty), the standard fonts, and the wasm image decoders (JBIG2 for black-and-white
 * scans, JPEG 2000, ICC colour); not the QuickJS scripting sandbox, since scripting stays off. pdf.js asks for them by file name; this maps each name to its hashed asset URL.
 */
const ASSETS: Record<string, Record<string, string>> = {
  cMapUrl: byName(import.meta.glob('/node_modules/pdfjs-dist/cmaps/*', { query: '?url', import: 'default', eager: true })),
  standardFontDataUrl: byName(
    import.meta.glob('/node_modules/pdfjs-dist/standard_fonts/*', { query: '?url', import: 'default', eager: true }),
  ),
  wasmUrl: byName(
    import.meta.glob('/node_modules/pdfjs-dist/wasm/{jbig2,openjpeg,qcms}*.{wasm,js}', { query: '?url', import: 'default', eager: true }),
  ),
};

function byName(urls: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(urls).map(([p, url]) => [p.slice(p.lastIndexOf('/') + 1), String(url)]));
}

/** pdf.js `BinaryDataFactory` serving the bundled data files (no network: every URL is inside the extension). */
class BundledDataFactory {
  constructor(_opts: unknown) {}
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = ASSETS[kind]?.[filename];
    if (!url) throw new Error(`pdf.js data file not bundled: ${filename}`);
    return new Uint8Array(await (await fetch(url)).arrayBuffer());
  }
}

const documentParams = {
  BinaryDataFactory: BundledDataFactory,
  cMapUrl: 'bundled/',
  cMapPacked: true,
  standardFontDataUrl: 'bundled/',
  wasmUrl: 'bundled/',
  useWorkerFetch: false,
};

/** Check a PDF in an extension page or the offscreen document (modern pdf.js build with its worker). */
export function checkPdfInBrowser(bytes: Uint8Array, opts: CheckOptions): Promise<PdfCheckResult> {
  return checkPdf(pdfjs, bytes, { ...opts, documentParams: { ...documentParams, ...opts.documentParams } });
}
