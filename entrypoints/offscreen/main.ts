import { browser } from 'wxt/browser';
import { queuePdfCheck } from '../../lib/pdf/check-queue';
import { isOffscreenCheck, type OffscreenCheckReply } from '../../lib/pdf/offscreen-messages';

// The offscreen document (Chromium): runs the upload guard's seal check (lib/pdf/check-queue.ts, shared with Firefox's
// background page). It answers only the background's check request and ignores every other message.
browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (r: OffscreenCheckReply) => void) => {
  if (!isOffscreenCheck(message)) return undefined;
  void queuePdfCheck(message.payload).then(sendResponse);
  return true;
});
