import { browser } from 'wxt/browser';
import { getForm } from '../../lib/forms/index';
import { fromBase64 } from '../../lib/pdf/base64';
import { checkPdfInBrowser } from '../../lib/pdf/browser';
import { PDF_LIMITS } from '../../lib/pdf/check';
import { bilingual } from '../../lib/pdf/text';
import { isOffscreenCheck, type OffscreenCheckReply, type OffscreenCheckRequest } from '../../lib/pdf/offscreen-messages';

// The offscreen document: runs the seal check with pdf.js (its own worker) for the upload guard, one file at a time
// so memory stays bounded. It answers only the background's check request and ignores every other message.
let queue: Promise<unknown> = Promise.resolve();

// An offscreen document is never visible, so requestAnimationFrame never fires there; pdf.js paces display
// rendering with it and would wait forever. Timers do run.
window.requestAnimationFrame = (cb: FrameRequestCallback) => window.setTimeout(() => cb(performance.now()), 0);
window.cancelAnimationFrame = (id: number) => window.clearTimeout(id);

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

browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (r: OffscreenCheckReply) => void) => {
  if (!isOffscreenCheck(message)) return undefined;
  // A check that outlives its own deadline (plus grace) is answered as timed out and the queue moves on: one file never
  // blocks the checks behind it (issue 13 §5). checkPdf destroys its pdf.js worker at that deadline.
  const job = queue.then(() => withinBudget(run(message.payload)));
  queue = job.catch(() => undefined);
  job.then(sendResponse, () => sendResponse({ ok: false, error: bilingual('pdf.error.internal') }));
  return true;
});
