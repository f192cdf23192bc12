import path from 'node:path';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

/**
 * The static toolkit (`npm run build:toolkit` → dist/toolkit): the options page's editor and dashboard as plain files
 * that work from a static host and from file://. Chromium refuses module scripts and workers from file://, so the
 * app is one classic (IIFE) script (lib mode inlines every lazy import), and pdf.js runs without a separate worker file.
 */
const root = path.resolve(import.meta.dirname);

export default defineConfig({
  root: path.join(root, 'scripts/toolkit'),
  publicDir: path.join(root, 'scripts/toolkit/public'),
  base: './',
  plugins: [preact()],
  resolve: {
    dedupe: ['preact'],
    alias: [
      // pdf.js with its worker inlined (no worker file: file:// cannot load one).
      { find: /^(?:\.\.\/)+lib\/pdf\/browser(?:\.ts)?$/, replacement: path.join(root, 'scripts/toolkit/pdf-engine.ts') },
    ],
  },
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
