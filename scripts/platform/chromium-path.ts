import { existsSync } from 'node:fs';

/**
 * The Chromium that Puppeteer should drive: an explicit `PUPPETEER_EXECUTABLE_PATH`, else the system's Chromium
 * (Debian's package, where Puppeteer's own download cannot work), else undefined so Puppeteer uses its downloaded browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | undefined {
  const explicit = env.PUPPETEER_EXECUTABLE_PATH;
  if (explicit && exists(explicit)) return explicit;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) {
    if (exists(p)) return p;
  }
  return undefined;
}

/** Flags that keep Chromium quiet on a machine with a closed network, and workable as root in CI. */
export function chromiumArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  return args;
}
