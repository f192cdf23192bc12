/**
 * Upgrades keep everything (issue 17 §5). The previous release is built from git (harness/previous-build):
 * its extension gets drafts with revision history, a site adapter, a roster and settings — through its own backup
 * import and its own editor, as a user of that release did — then the current build replaces it in the same folder
 * and profile, as an update does. Every stored item must still be there, the schema migrations must have run, and the
 * edited draft must open with the text typed in the old release. The same for the static toolkit's IndexedDB.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms } from '../../lib/forms/index';
import { SCHEMA_VERSION } from '../../lib/db/db';
import { DB_NAME } from '../../lib/db/schema';
import { validDegreeRecord, validRecommendation } from '../../lib/rules/testing';
import { chromiumArgs, findChromium } from '../../scripts/platform/chromium-path';
import { extensionDir, launchExtension } from './harness';
import { previousBuild, previousRelease, type PreviousBuild } from './harness/previous-build';

const release = previousRelease();
const skip = 'skip' in release ? release.skip : undefined;
if (skip) console.warn(`upgrade test skipped: ${skip}`);

const work = mkdtempSync(path.join(tmpdir(), 'guoyou-upgrade-'));
let previous: PreviousBuild;

beforeAll(() => {
  if (!skip && !('skip' in release)) previous = previousBuild(release);
}, 900_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const now = Date.UTC(2024, 7, 1);
const REC_ID = 'upgrade-rec-0001';
const DEG_ID = 'upgrade-deg-0001';

/** A backup as the previous release reads it (format version 1): every table that holds something of the user's. */
function backupJson(): string {
  const rec = validRecommendation();
  const older = { ...rec, fields: { ...rec.fields, filler: '李明' } };
  return JSON.stringify({
    format: 'guoyou-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    app: { name: '国优表单助手', version: 'test' },
    drafts: [
      {
        id: REC_ID,
        formId: 'recommendation',
        formVersion: forms.recommendation.version,
        title: '升级前的推荐表',
        data: rec,
        rev: 2,
        createdAt: now,
        updatedAt: now + 1000,
        archived: 0,
        deletedAt: 0,
        revisions: [
          { rev: 1, title: '升级前的推荐表', data: older, savedAt: now, reason: 'create' },
          { rev: 2, title: '升级前的推荐表', data: rec, savedAt: now + 1000, reason: 'autosave' },
        ],
      },
      {
        id: DEG_ID,
        formId: 'degreeRecord',
        formVersion: forms.degreeRecord.version,
        title: '已归档的学位记录',
        data: validDegreeRecord(),
        rev: 1,
        createdAt: now,
        updatedAt: now,
        archived: 1,
        deletedAt: 0,
        revisions: [{ rev: 1, title: '已归档的学位记录', data: validDegreeRecord(), savedAt: now, reason: 'import' }],
      },
    ],
    siteAdapters: [
      {
        id: 'adapter-upgrade',
        name: '省厅推荐系统',
        urlPattern: 'https://jyt.example.gov.cn/*',
        formId: 'recommendation',
        fields: { recommendingUnit: { label: '推荐单位' }, contactPhone: { selector: '#phone' } },
        source: 'taught',
        updatedAt: now,
        pdfPolicy: 'clear',
      },
    ],
    rosters: [
      {
        rosterId: 'roster-2024',
        studentNo: '2022310123',
        idNumber: validDegreeRecord().fields.idNumber!,
        name: '张晓',
        data: { name: '张晓' },
      },
      { rosterId: 'roster-2024', studentNo: '2022310124', idNumber: '110108200005120029', name: '李华', data: { name: '李华' } },
    ],
    settings: [{ key: 'ui.currentDraft', value: REC_ID }],
  });
}

/** What IndexedDB holds, read without the product's code: version and rows per store. */
function storedItems(page: Page): Promise<{ version: number; stores: Record<string, number> }> {
  return page.evaluate(async (name: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const stores: Record<string, number> = {};
    for (const store of [...db.objectStoreNames]) {
      stores[store] = await new Promise<number>((resolve) => {
        const r = db.transaction(store).objectStore(store).count();
        r.onsuccess = () => resolve(r.result);
      });
    }
    db.close();
    return { version: db.version, stores };
  }, DB_NAME);
}

/** The backup import of the settings page, in whichever release (the test ids have not changed since 0.1.0). */
async function importThroughSettings(page: Page, file: string): Promise<void> {
  const input = await page.waitForSelector('[data-testid="backup-file"]', { timeout: 30_000 });
  await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(file);
  await (await page.waitForSelector('[data-testid="backup-confirm"]', { timeout: 30_000 }))!.click();
  await page.waitForSelector('[data-testid="backup-done"]', { timeout: 30_000 });
}

/** Dexie's IndexedDB version for a schema version. */
const idbVersion = (schema: number) => schema * 10;

describe.skipIf(!!skip)('upgrade from the previous release', () => {
  it('the extension keeps every draft, revision, site adapter, roster row and setting, and migrates the schema', async () => {
    const backup = path.join(work, 'backup.json');
    writeFileSync(backup, backupJson());
    // One folder for both releases: an unpacked extension's id comes from its path, as a store update keeps its id.
    const installed = path.join(work, 'extension');
    const profile = path.join(work, 'profile');
    cpSync(previous.extensionDir, installed, { recursive: true });

    const old = await launchExtension({ extensionDir: installed, userDataDir: profile });
    let before: Awaited<ReturnType<typeof storedItems>>;
    try {
      const settings = await old.openPage('options.html#/settings');
      await importThroughSettings(settings, backup);
      // A user of the old release edits a draft: its editor autosaves a new revision.
      const editor = await old.openPage(`options.html#/draft/${REC_ID}`);
      await editor.waitForSelector('#field-filler');
      await editor.click('#field-filler', { count: 3 });
      await editor.keyboard.type('旧版里改的名字');
      await editor.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 30_000 });
      await new Promise((r) => setTimeout(r, 1500)); // the debounced save of the last keystrokes
      await editor.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 30_000 });
      before = await storedItems(settings);
    } finally {
      await old.close();
    }
    expect(before.stores).toMatchObject({ drafts: 2, siteAdapters: 1, rosters: 2 });
    expect(before.stores.revisions).toBeGreaterThanOrEqual(4);

    // The update: the current build replaces the files, the profile stays.
    rmSync(installed, { recursive: true, force: true });
    cpSync(extensionDir(), installed, { recursive: true });
    const current = await launchExtension({ extensionDir: installed, userDataDir: profile });
    try {
      const list = await current.openPage('options.html#/drafts');
      await list.waitForFunction(() => document.body.textContent?.includes('升级前的推荐表'), { timeout: 30_000 });
      const after = await storedItems(list);
      expect(after.version).toBe(idbVersion(SCHEMA_VERSION));
      for (const [store, count] of Object.entries(before.stores)) expect({ store, count: after.stores[store] }).toEqual({ store, count });
      // Stores added since the previous release exist (their migrations ran).
      expect(Object.keys(after.stores)).toEqual(expect.arrayContaining(['vault']));
      const editor = await current.openPage(`options.html#/draft/${REC_ID}`);
      await editor.waitForSelector('#field-filler');
      expect(await editor.$eval('#field-filler', (el) => (el as HTMLInputElement).value)).toBe('旧版里改的名字');
      // The history still lists the revisions made before the update (created, autosaved, imported, edited).
      await editor.click('[data-testid="history-open"]');
      await editor.waitForSelector('[data-testid="history-dialog"][open] .history-item');
      const reasons = await editor.$$eval('.history-item .badge', (els) => els.map((e) => e.textContent));
      expect(reasons.length).toBeGreaterThanOrEqual(3);
    } finally {
      await current.close();
    }
  });

  it('the static toolkit keeps its drafts when the new toolkit replaces the old one (same file:// storage)', async () => {
    const currentToolkit = path.resolve(process.env.GUOYOU_E2E_OUT ?? '.output/e2e', 'toolkit-upgrade');
    if (!(process.env.GUOYOU_SKIP_BUILD === '1' && existsSync(path.join(currentToolkit, 'index.html')))) {
      const r = spawnSync(
        process.execPath,
        [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.toolkit.config.ts'],
        {
          stdio: 'inherit',
          env: { ...process.env, GUOYOU_TOOLKIT_OUT: currentToolkit },
        },
      );
      if (r.status !== 0) throw new Error('toolkit build failed');
    }
    const backup = path.join(work, 'toolkit-backup.json');
    writeFileSync(backup, backupJson());
    const browser = await puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      userDataDir: path.join(work, 'toolkit-profile'),
      args: [...chromiumArgs(), '--allow-file-access-from-files'],
    });
    try {
      const old = await browser.newPage();
      await old.goto(`${pathToFileURL(path.join(previous.toolkitDir, 'index.html')).href}#/settings`);
      await importThroughSettings(old, backup);
      const before = await storedItems(old);
      await old.close();
      expect(before.stores.drafts).toBe(2);

      const page = await browser.newPage();
      await page.goto(`${pathToFileURL(path.join(currentToolkit, 'index.html')).href}#/drafts`);
      await page.waitForFunction(() => document.body.textContent?.includes('升级前的推荐表'), { timeout: 30_000 });
      const after = await storedItems(page);
      expect(after.version).toBe(idbVersion(SCHEMA_VERSION));
      for (const [store, count] of Object.entries(before.stores)) expect({ store, count: after.stores[store] }).toEqual({ store, count });
    } finally {
      await browser.close();
    }
  });
});

// The release the test upgraded from, for the log (read from the built tree, not assumed).
afterAll(() => {
  if (previous)
    console.log(
      `upgrade test: from ${previous.tag} (${JSON.parse(readFileSync(path.join(previous.extensionDir, 'manifest.json'), 'utf8')).version})`,
    );
});
