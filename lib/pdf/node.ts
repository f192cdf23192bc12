import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkPdf, type CheckOptions, type PdfJs } from './check';
import type { PdfCheckResult } from './types';

let loaded: Promise<PdfJs> | undefined;

/** pdf.js for Node: the legacy build, rendering with @napi-rs/canvas (pdf.js loads it itself). */
export function loadNodePdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJs>;
  return loaded;
}

/** Node file paths of pdf.js's CMaps and standard fonts (text layers of CJK PDFs with predefined CMaps need them). */
function nodeDocumentParams(): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const dir = (d: string) => pathToFileURL(path.join(root, d) + path.sep).href.replace(/^file:\/\//, '');
  return {
    cMapUrl: dir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dir('standard_fonts'),
    wasmUrl: dir('wasm'),
    useSystemFonts: false,
  };
}

/** Check a PDF in Node (CLI, unit tests, bench). */
export async function checkPdfInNode(bytes: Uint8Array, opts: CheckOptions): Promise<PdfCheckResult> {
  const pdfjs = await loadNodePdfJs();
  return checkPdf(pdfjs, new Uint8Array(bytes), { ...opts, documentParams: { ...nodeDocumentParams(), ...opts.documentParams } });
}
