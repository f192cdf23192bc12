/**
 * Downloads in automated Chromium: files the pages offer (Excel exports, backups) land in a chosen folder, and a
 * step can wait for the one its click started.
 */
import path from 'node:path';
import type { Browser, CDPSession } from 'puppeteer';

export interface DownloadWatcher {
  /** Run `trigger` (a click) and resolve with the saved file's path once Chromium has finished writing it. */
  expect(trigger: () => Promise<unknown>, timeoutMs?: number): Promise<string>;
}

export async function watchDownloads(browser: Browser, dir: string): Promise<DownloadWatcher> {
  const cdp: CDPSession = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
  const names = new Map<string, string>();
  const waiters = new Set<(guid: string, state: string) => void>();
  cdp.on('Browser.downloadWillBegin', (e) => names.set(e.guid, e.suggestedFilename));
  cdp.on('Browser.downloadProgress', (e) => {
    if (e.state !== 'inProgress') for (const w of waiters) w(e.guid, e.state);
  });
  return {
    async expect(trigger, timeoutMs = 30_000) {
      const started = new Set(names.keys());
      let done!: (guid: string, state: string) => void;
      const finished = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(done);
          reject(new Error(`no download finished within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        done = (guid, state) => {
          if (started.has(guid)) return;
          waiters.delete(done);
          clearTimeout(timer);
          if (state === 'completed') resolve(path.join(dir, names.get(guid) ?? guid));
          else reject(new Error(`download ${names.get(guid) ?? guid} ${state}`));
        };
        waiters.add(done);
      });
      await trigger();
      return finished;
    },
  };
}
