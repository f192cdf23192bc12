import { defineConfig } from 'vitest/config';

// The Firefox smoke suite (test/e2e/firefox): Firefox ESR over WebDriver BiDi, the Firefox build. One file, one browser.
export default defineConfig({
  test: {
    include: ['test/e2e/firefox/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/firefox/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
  },
});
