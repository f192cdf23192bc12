import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

/**
 * The static toolkit (`npm run build:toolkit` → dist/toolkit): the options page's editor and dashboard as plain files
 * that work from a static host and from file://. Chromium refuses module scripts and workers from file://, so the
 * app is one classic (IIFE) script (lib mode inlines every lazy import and every asset — pdf.js's CMaps, fonts and
 * wasm become data: URLs), and pdf.js runs without a separate worker file.
 */
const root = path.resolve(import.meta.dirname);

/**
 * lib/pdf/browser.ts points pdf.js at its worker file (`pdf.worker.mjs?url`); the toolkit runs that worker on the page
 * instead (scripts/toolkit/pdf-main-thread.ts), so the URL import becomes an empty string rather than a second,
 * base64-inlined copy of the worker.
 */
function pdfWorkerOnPageThread(): Plugin {
  const id = '\0guoyou-pdf-worker-url';
  return {
    name: 'guoyou-toolkit-pdf-worker',
    enforce: 'pre',
    resolveId: (source) => (source === 'pdfjs-dist/build/pdf.worker.mjs?url' ? id : null),
    load: (loaded) => (loaded === id ? 'export default "";' : null),
  };
}

export default defineConfig({
  // The repository root, as in the extension build: lib/pdf/browser.ts globs pdf.js's data files from /node_modules.
  root,
  publicDir: path.join(root, 'scripts/toolkit/public'),
  base: './',
  plugins: [preact(), pdfWorkerOnPageThread()],
  resolve: { dedupe: ['preact'] },
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    // GUOYOU_TOOLKIT_OUT: e2e builds into its own folder, so parallel runs and `npm start` don't share one.
    outDir: process.env.GUOYOU_TOOLKIT_OUT ? path.resolve(process.env.GUOYOU_TOOLKIT_OUT) : path.join(root, 'dist/toolkit'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    chunkSizeWarningLimit: 8000,
    rollupOptions: {
      onwarn(warning, warn) {
        // pdf.js reads import.meta.url only on its Node path; in the page it is never used.
        if (warning.code === 'EMPTY_IMPORT_META') return;
        warn(warning);
      },
    },
    lib: {
      entry: path.join(root, 'scripts/toolkit/main.ts'),
      formats: ['iife'],
      name: 'GuoyouToolkit',
      fileName: () => 'toolkit.js',
      cssFileName: 'toolkit',
    },
  },
});
