import { browser } from 'wxt/browser';
import type { FormData, FormDefinition } from '../forms/types';
import { withDerived } from '../forms/index';
import { send } from '../messaging/client';
import { sendToFrame } from '../messaging/tab';
import { MessageError } from '../messaging/define';
import { formHints, flattenValues } from './hints';
import { mergeReports } from './report';
import { sitePattern } from './url-pattern';
import { loadKits } from '../page/kits/load';
import type { AdapterSpec, FillPlan, FillReport, UndoResult } from './types';

/**
 * Extension-page side of a fill (popup, harness): permission, injection into every frame, one plan per frame in
 * turn (a field filled in one frame is not filled again in another), one merged report.
 */

export const CONTENT_SCRIPT = '/content-scripts/autofill.js';

/** Ask for host access to the tab's site when not yet granted. Must run inside a user gesture (a click). */
export async function ensureHostPermission(url: string): Promise<boolean> {
  const origins = [sitePattern(url)];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}

/**
 * Make sure every frame of the tab runs the autofill content script; returns their frame ids, top frame first.
 * Frames that already run it (an earlier fill, a registered adapter script) are not injected again: a second copy
 * would replace the first and lose the undo record.
 */
export async function injectAutofill(tabId: number): Promise<number[]> {
  // The libraries' kits first (only those the frames show): the content script reads the page with what is loaded.
  await loadKits(tabId);
  const probe = await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    // Runs in the content scripts' isolated world, where the script's flag lives.
    func: () => !!(globalThis as unknown as Record<string, unknown>).__guoyouAutofill,
  });
  const loaded = probe.filter((r) => r.result === true).map((r) => r.frameId);
  const missing = probe.filter((r) => r.result !== true).map((r) => r.frameId);
  if (missing.length) {
    const injected = await browser.scripting.executeScript({ target: { tabId, frameIds: missing }, files: [CONTENT_SCRIPT] });
    for (const r of injected) loaded.push(r.frameId);
  }
  const ids = [...new Set(loaded)];
  // Top frame first, then sub-frames in the order Chrome reports them (document order).
  return ids.sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : 0));
}

export async function adaptersFor(url: string): Promise<AdapterSpec[]> {
  try {
    return await send('autofill.adapters.forUrl', { url });
  } catch {
    // No adapter store reachable: heuristics alone still fill.
    return [];
  }
}

export interface TabFill {
  report: FillReport;
  frames: number[];
}

export async function fillTab(tabId: number, form: FormDefinition, data: FormData, locale: 'zh-CN' | 'en'): Promise<TabFill> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.url || !/^https?:/.test(tab.url))
    throw new MessageError({ zh: '只能填写 http/https 网页。', en: 'Only http/https pages can be filled.' });
  const frames = await injectAutofill(tabId);
  const { hints, groups } = formHints(form);
  // Fields the draft leaves to be derived (是否联合培养 from the partner university) are filled with their effective value.
  const { values, rows } = flattenValues(form, withDerived(form, data));
  const plan: FillPlan = { formId: form.id, hints, groups, values, rows, adapters: await adaptersFor(tab.url), done: [], locale };
  const reports: FillReport[] = [];
  for (const frameId of frames) {
    try {
      const rep = await sendToFrame(tabId, frameId, 'autofill.fill', plan);
      reports.push(rep);
      plan.done = [
        ...plan.done,
        ...rep.results.filter((r) => r.status !== 'skipped' || r.reason === 'readonly' || r.reason === 'disabled').map((r) => r.path),
      ];
    } catch {
      // A frame that navigated away or refuses scripts does not stop the others.
    }
  }
  return { report: mergeReports(reports), frames };
}

async function eachFrame<T>(tabId: number, fn: (frameId: number) => Promise<T>): Promise<T[]> {
  const frames = await injectAutofill(tabId);
  const out: T[] = [];
  for (const f of frames) {
    try {
      out.push(await fn(f));
    } catch {
      /* frame gone */
    }
  }
  return out;
}

export async function undoTab(tabId: number): Promise<UndoResult> {
  const rs = await eachFrame(tabId, (f) => sendToFrame(tabId, f, 'autofill.undo', {}));
  return {
    restored: rs.reduce((s, r) => s + r.restored, 0),
    failed: rs.reduce((s, r) => s + r.failed, 0),
    left: rs.flatMap((r) => r.left ?? []),
  };
}

/** The teach-mode chooser's entries: every field of the form, in the UI language (`学校 · 学校名称`). */
export function teachFields(form: FormDefinition, locale: 'zh-CN' | 'en'): Array<{ path: string; label: string }> {
  const side = (b: { zh: string; en: string }) => (locale === 'en' ? b.en : b.zh);
  return [
    ...form.fields.map((f) => ({ path: f.key, label: side(f.label) })),
    ...form.groups.flatMap((g) => g.fields.map((f) => ({ path: `${g.key}[].${f.key}`, label: `${side(g.itemLabel)} · ${side(f.label)}` }))),
  ];
}

export async function teachTab(tabId: number, form: FormDefinition, enabled: boolean, locale: 'zh-CN' | 'en'): Promise<void> {
  const fields = teachFields(form, locale);
  await eachFrame(tabId, (f) => sendToFrame(tabId, f, 'autofill.teach', { enabled, formId: form.id, fields, locale }));
}
