import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the Firefox suite looks for a Firefox: an explicit `GUOYOU_FIREFOX`, else Debian's ESR, else a release Firefox. */
const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'] as const;

/** The Firefox that Puppeteer should drive over WebDriver BiDi, or undefined when the machine has none. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | undefined {
  const explicit = env.GUOYOU_FIREFOX;
  if (explicit && exists(explicit)) return explicit;
  return FIREFOX_PATHS.find((p) => exists(p));
}

/**
 * A Firefox for the test set-up: the one found, else Debian's `firefox-esr` installed with apt when running as root
 * (CI), as scripts/setup.mjs does for Chromium. Where neither works it says so in one line and returns undefined,
 * and the Firefox suite skips.
 */
export function ensureFirefox(): string | undefined {
  const found = findFirefox();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    try {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      execSync('apt-get install -y -qq firefox-esr || (apt-get update -qq && apt-get install -y -qq firefox-esr)', {
        stdio: 'inherit',
        env,
      });
    } catch {
      // Said below.
    }
    const installed = findFirefox();
    if (installed) return installed;
  }
  console.warn(
    '未找到 Firefox，跳过 Firefox 测试（Debian: sudo apt-get install firefox-esr，或设置 GUOYOU_FIREFOX）/ No Firefox found: skipping its suite.',
  );
  return undefined;
}
