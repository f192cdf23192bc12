import { browser } from 'wxt/browser';
import type { GuoyouDB, RosterRow } from '../db/schema';
import { forms } from '../forms';
import { formHints } from '../autofill/hints';
import { validate } from '../rules';
import { loadReferenceData } from '../reference';
import { MessageError } from '../messaging/define';
import { sendToFrame } from '../messaging/tab';
import { pick, t, type Locale } from '../i18n';
import { checkPage, rosterLookup } from './check';
import { allRecords } from './records';
import { VERIFY_SCRIPT, type ShowItem } from './messages';
import { loadKits } from '../page/kits/load';
import type { OverlayTexts } from './overlay';
import type { PageFinding, PageRead, VerifyResult } from './types';
import { normalizeCode } from '../normalize';
import { VaultLockedError } from '../db/keyring';
import { bilingual } from '../db/errors';

/**
 * "Verify this page", run from an extension page (popup or dashboard — the extension's own origin, where the roster
 * lives): inject the verify content script into every frame of the tab, read the records, check them against the
 * rules and the roster here, and send each frame only the findings to draw.
 */

export interface VerifyTabOptions {
  db?: GuoyouDB;
  locale: Locale;
  /** "Today" for date-dependent rules. */
  now?: Date;
}

/**
 * Roster entries for the records read (only those: the page never gets the roster). Without a passphrase they are
 * found through the `idNumber` and `studentNo` indexes. With one, roster rows are sealed and in no index
 * (lib/db/seal-middleware.ts): the roster is read whole and matched here (20,000 students: 1–2.5 s more per check in
 * Chromium). Locked, verifying stops and says so rather than checking without the roster.
 */
export async function rosterRowsFor(db: GuoyouDB, reads: PageRead[]): Promise<RosterRow[]> {
  const ids = new Set<string>();
  const nos = new Set<string>();
  for (const r of reads)
    for (const rec of allRecords(r)) {
      if (rec.cells.idNumber?.text) ids.add(normalizeCode(rec.cells.idNumber.text));
      if (rec.cells.studentNo?.text) nos.add(normalizeCode(rec.cells.studentNo.text));
    }
  if (!ids.size && !nos.size) return [];
  await db.open();
  if (!db.keyring.current()) return indexedRosterRows(db, ids, nos);
  let rows: RosterRow[];
  try {
    rows = await db.rosters.toArray();
  } catch (e) {
    if (e instanceof VaultLockedError) throw new MessageError(bilingual('verify.rosterLocked'));
    throw e;
  }
  return rows.filter((r) => ids.has(r.idNumber) || nos.has(r.studentNo));
}

/** Plain rosters: the rows whose ID number or student number is one of these, through the indexes. */
async function indexedRosterRows(db: GuoyouDB, ids: Set<string>, nos: Set<string>): Promise<RosterRow[]> {
  const [byId, byNo] = await Promise.all([
    ids.size
      ? db.rosters
          .where('idNumber')
          .anyOf([...ids])
          .toArray()
      : [],
    nos.size
      ? db.rosters
          .where('studentNo')
          .anyOf([...nos])
          .toArray()
      : [],
  ]);
  const seen = new Set<number>();
  return [...byId, ...byNo].filter((r) => r.id === undefined || (!seen.has(r.id) && !!seen.add(r.id)));
}

/** Where a finding is, as the overlay and the findings list say it: `第 12 行 · 学位授予日期`. */
export function whereOf(f: PageFinding, locale: Locale): string {
  const field = f.labels.map((l) => pick(l, locale)).join('、');
  if (f.source !== 'table') return field || t('verify.recordLabel', undefined, locale);
  const row = t('verify.rowLabel', { row: f.row + 1 }, locale);
  return field ? `${row} · ${field}` : row;
}

/**
 * What the page may be told about a finding. The overlay lives in the page (a closed shadow root does not keep text
 * from it: `window.find`, `Selection.modify`), so a roster comparison says only that the field does not match — never
 * the roster's value, which stays in the extension's own findings list (issue 13 §9). Rule findings are computed from
 * what the page shows and public reference lists, and keep their text.
 */
const PAGE_MESSAGE: Partial<Record<string, (f: PageFinding, locale: Locale) => string>> = {
  'roster.mismatch': (f, locale) => t('verify.roster.mismatch.page', { field: f.labels.map((l) => pick(l, locale)).join('、') }, locale),
};

export function pageMessage(f: PageFinding, locale: Locale): string {
  return PAGE_MESSAGE[f.ruleId]?.(f, locale) ?? pick(f.message, locale);
}

export function overlayTexts(result: VerifyResult, locale: Locale): OverlayTexts {
  const p = { records: result.records, errors: result.errors, warnings: result.warnings, clean: result.clean };
  return {
    title: t('verify.overlay.title', undefined, locale),
    summary: t('verify.summary', p, locale),
    hide: t('verify.overlay.hide', undefined, locale),
    show: t('verify.overlay.show', undefined, locale),
    close: t('verify.overlay.close', undefined, locale),
    jump: t('verify.overlay.jump', undefined, locale),
    more: t('verify.overlay.more', undefined, locale),
  };
}

export async function verifyTab(tabId: number, opts: VerifyTabOptions): Promise<VerifyResult> {
  const form = forms.degreeRecord;
  const { hints } = formHints(form);
  let injected: Array<{ frameId: number }>;
  try {
    // The libraries' kits first (only those the frames show): the content script reads the page with what is loaded.
    await loadKits(tabId);
    injected = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [VERIFY_SCRIPT] });
  } catch {
    throw new MessageError({ zh: t('verify.noAccess', undefined, 'zh-CN'), en: t('verify.noAccess', undefined, 'en') });
  }
  const frameIds = [...new Set(injected.map((r) => r.frameId))].sort((a, b) => a - b);
  const frames: Array<{ frameId: number; read: PageRead }> = [];
  for (const frameId of frameIds) {
    // A frame that navigated away or refused the script is skipped, not fatal.
    const read = await sendToFrame(tabId, frameId, 'verify.read', { hints }).catch(() => undefined);
    if (read) frames.push({ frameId, read });
  }
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const url = tab?.url ?? frames[0]?.read.frameUrl ?? '';
  const overrides = opts.db ? await opts.db.referenceLists.toArray().catch(() => []) : [];
  const refs = await loadReferenceData(overrides);
  const now = opts.now ?? new Date();
  const rosterRows = opts.db
    ? await rosterRowsFor(
        opts.db,
        frames.map((f) => f.read),
      )
    : [];
  const rosterCount = opts.db ? await opts.db.rosters.count() : 0;
  const lookup = rosterLookup(rosterRows);
  const result = checkPage(url, frames, {
    form,
    rules: (data, view) => validate(view, data, refs, now),
    roster: rosterCount ? { size: rosterCount, find: lookup.find } : undefined,
  });
  const texts = overlayTexts(result, opts.locale);
  for (const { frameId } of frames) {
    const items: ShowItem[] = result.findings
      .filter((f) => f.frameId === frameId)
      .map((f) => ({
        refs: f.refs,
        severity: f.severity,
        where: whereOf(f, opts.locale),
        message: pageMessage(f, opts.locale),
        clause: t('verify.overlay.clause', { clause: f.clause }, opts.locale),
      }));
    await sendToFrame(tabId, frameId, 'verify.show', { items, texts }).catch(() => undefined);
  }
  return result;
}

/** Remove the overlay from every frame of the tab. */
export async function clearTab(tabId: number): Promise<void> {
  const injected = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [VERIFY_SCRIPT] }).catch(() => []);
  for (const { frameId } of injected) await sendToFrame(tabId, frameId, 'verify.clear', {}).catch(() => undefined);
}
