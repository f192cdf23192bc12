/**
 * Chromium loads no worker from file://, so the toolkit bundles pdf.js's worker code into the page and registers it
 * as `globalThis.pdfjsWorker`: pdf.js then parses on the page's thread (its "fake worker") — same check, same
 * verdicts, no extra file to fetch. The worker's `?url` import in lib/pdf/browser.ts is emptied by the build
 * (vite.toolkit.config.ts), so the worker is not shipped twice.
 */
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;
