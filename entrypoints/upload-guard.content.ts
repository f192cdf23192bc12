import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '../lib/messaging/client';
import { GUARD_MAX_BYTES } from '../lib/pdf/limits';
import { MessageError } from '../lib/messaging/define';
import { toBase64 } from '../lib/pdf/base64';
import { bilingualOf } from '../lib/i18n/table';
import { pdfGuardPage } from '../lib/i18n/messages/pdf';
import { watchUploads } from '../lib/pdf/upload-guard';

/**
 * Upload guard: registered at run time on the sites the user permitted (lib/pdf/background.ts). It checks PDFs the
 * user chooses in file inputs by handing the bytes to the extension (offscreen document) and shows the verdict
 * before submit. Nothing is sent anywhere else, and nothing is kept in the page.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  allFrames: true,
  main(ctx) {
    const g = globalThis as { __guoyouUploadGuard?: boolean };
    if (g.__guoyouUploadGuard) return;
    g.__guoyouUploadGuard = true;
    // Until the extension answers with the user's language, follow the page's own language (these sites are Chinese).
    const locale = /^en\b/i.test(document.documentElement.lang) ? 'en' : 'zh-CN';
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    watchUploads(document, {
      locale,
      signal: controller.signal,
      check: async (file) => {
        if (file.size > GUARD_MAX_BYTES)
          throw new MessageError(bilingualOf(pdfGuardPage, 'pdf.guard.tooLarge', { size: Math.round(file.size / 1024 / 1024) }));
        const data = toBase64(new Uint8Array(await file.arrayBuffer()));
        return send('pdf.check', { name: file.name, data, url: location.href });
      },
    });
  },
});
