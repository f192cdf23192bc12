import { configDefaults, defineConfig } from 'vitest/config';

// Pages the product was not written against (test/e2e/unseen) measure it rather than gate it: they run only when
// asked for with GUOYOU_UNSEEN=1.
const unseen = process.env.GUOYOU_UNSEEN === '1';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // Firefox's suite has its own config (vitest.firefox.config.ts).
    exclude: [...configDefaults.exclude, 'test/e2e/firefox/**', ...(unseen ? [] : ['test/e2e/unseen/**'])],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One Chromium at a time per file keeps 2-core machines responsive; files still run in parallel workers.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
