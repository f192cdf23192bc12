import { getForm } from '../forms/index';
import { fromBase64 } from './base64';
import { checkPdfInBrowser } from './browser';
import { PDF_LIMITS } from './check';
import type { OffscreenCheckReply, OffscreenCheckRequest } from './offscreen-messages';
import { bilingual } from './text';

/**
 * The upload guard's checker, for a context that has a DOM but is never shown: Chromium's offscreen document, or
 * Firefox's background event page (Firefox has no offscreen documents). One file at a time so memory stays bounded,
 * each within the check's time budget; pdf.js runs in its own worker from the extension's URL (lib/pdf/browser.ts).
 */
let queue: Promise<unknown> = Promise.resolve();
let framesPaced = false;

/**
 * A context that is never visible never fires requestAnimationFrame; pdf.js paces display rendering with it and would
 * wait forever. Timers do run, so frames are paced by them there.
 */
function paceFramesWithTimers(): void {
  if (framesPaced) return;
  framesPaced = true;
  window.requestAnimationFrame = (cb: FrameRequestCallback) => window.setTimeout(() => cb(performance.now()), 0);
  window.cancelAnimationFrame = (id: number) => window.clearTimeout(id);
}

function withinBudget(p: Promise<OffscreenCheckReply>): Promise<OffscreenCheckReply> {
  let timer = 0;
  const late = new Promise<OffscreenCheckReply>((resolve) => {
    timer = window.setTimeout(
      () => resolve({ ok: false, error: bilingual('pdf.error.timeout', { seconds: Math.round(PDF_LIMITS.timeBudgetMs / 1000) }) }),
      PDF_LIMITS.timeBudgetMs + 10_000,
    );
  });
  return Promise.race([p.finally(() => window.clearTimeout(timer)), late]);
}

async function run(payload: OffscreenCheckRequest['payload']): Promise<OffscreenCheckReply> {
  const form = payload.draft ? getForm(payload.draft.formId) : undefined;
  const draft = form && payload.draft ? { form, data: payload.draft.data } : undefined;
  const result = await checkPdfInBrowser(fromBase64(payload.data), { fileName: payload.name, thumbnails: false, draft });
  return { ok: true, result };
}

/**
 * Queue one file's check behind the others. A check that outlives its own deadline (plus grace) is answered as timed
 * out and the queue moves on: one file never blocks the checks behind it (issue 13 §5). checkPdf destroys its pdf.js
 * worker at that deadline. Never rejects: a failure is an `ok: false` reply.
 */
export function queuePdfCheck(payload: OffscreenCheckRequest['payload']): Promise<OffscreenCheckReply> {
  paceFramesWithTimers();
  const job = queue.then(() => withinBudget(run(payload)));
  queue = job.catch(() => undefined);
  return job.catch(() => ({ ok: false as const, error: bilingual('pdf.error.internal') }));
}
