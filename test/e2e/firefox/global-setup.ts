import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureFirefox } from '../../../scripts/platform/firefox-path';

/**
 * Build the Firefox extension once for the Firefox suite (`wxt build -b firefox`, local test hosts granted like the
 * Chromium e2e build), after making sure there is a Firefox to drive. `GUOYOU_E2E_OUT` and `GUOYOU_SKIP_BUILD=1` work as in ../global-setup.ts.
 */
export default function setup(): void {
  // Without a Firefox (and no way to install one) the suite skips: no build needed.
  if (!ensureFirefox()) return;
  const outDir = path.resolve((process.env.GUOYOU_E2E_OUT ?? '.output/e2e') + '-firefox');
  process.env.GUOYOU_FIREFOX_EXTENSION_DIR = path.join(outDir, 'firefox-mv3');
  if (process.env.GUOYOU_SKIP_BUILD === '1' && existsSync(process.env.GUOYOU_FIREFOX_EXTENSION_DIR)) return;
  execFileSync(process.execPath, [path.resolve('node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'], {
    stdio: 'inherit',
    env: { ...process.env, GUOYOU_TEST_HOSTS: '1', WXT_OUT_DIR: outDir },
  });
}
