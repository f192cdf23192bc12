import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Build the extension once for the whole e2e run, with the local fixture hosts granted (see wxt.config.ts).
 * `GUOYOU_E2E_OUT` picks the output folder (so parallel runs don't share one); `GUOYOU_SKIP_BUILD=1` reuses a build.
 */
export default function setup(): void {
  const outDir = path.resolve(process.env.GUOYOU_E2E_OUT ?? '.output/e2e');
  process.env.GUOYOU_EXTENSION_DIR = path.join(outDir, 'chrome-mv3');
  if (process.env.GUOYOU_SKIP_BUILD === '1' && existsSync(process.env.GUOYOU_EXTENSION_DIR)) return;
  execFileSync(process.execPath, [path.resolve('node_modules/wxt/bin/wxt.mjs'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, GUOYOU_TEST_HOSTS: '1', WXT_OUT_DIR: outDir },
  });
}
