import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // Pages built blind by others (issue 12): a yardstick the page reader is expected to fail today. GUOYOU_UNSEEN=1 runs them.
    exclude: process.env.GUOYOU_UNSEEN === '1' ? configDefaults.exclude : [...configDefaults.exclude, 'test/e2e/unseen/**'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One Chromium at a time per file keeps 2-core machines responsive; files still run in parallel workers.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
