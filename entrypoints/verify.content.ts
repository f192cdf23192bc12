import { defineContentScript } from 'wxt/utils/define-content-script';
import { onTabMessages } from '../lib/messaging/tab';
import { Anchors, readPage } from '../lib/verify/dom/read';
import { VerifyOverlay } from '../lib/verify/overlay';
import '../lib/verify/messages';

/**
 * Verify content script: injected on demand (popup / dashboard, after the user asked), in every frame. It reads the
 * records the page shows and draws the findings it is given; it holds no roster or draft, and keeps nothing in the
 * page except its own closed-shadow overlay.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const g = globalThis as { __guoyouVerify?: boolean };
    // Injected again on every "verify": the first instance keeps answering.
    if (g.__guoyouVerify) return;
    g.__guoyouVerify = true;
    const anchors = new Anchors();
    let overlay: VerifyOverlay | undefined;
    const off = onTabMessages({
      'verify.read': ({ hints }) => readPage(document, hints, anchors),
      'verify.show': ({ items, texts }) => {
        overlay?.destroy();
        overlay = undefined;
        const shown = items
          .map((i) => ({ ...i, anchors: i.refs.map((r) => anchors.get(r)).filter((a): a is HTMLElement => !!a) }))
          .filter((i) => i.anchors.length);
        if (!shown.length) return { shown: 0 };
        overlay = new VerifyOverlay(document);
        overlay.show(shown, texts);
        return { shown: overlay.count() };
      },
      'verify.clear': () => {
        overlay?.destroy();
        overlay = undefined;
        return {};
      },
      'verify.state': () => ({ markers: overlay?.count() ?? 0, hidden: overlay?.isHidden() ?? false, present: !!overlay }),
    });
    ctx.onInvalidated(() => {
      off();
      overlay?.destroy();
      g.__guoyouVerify = false;
    });
  },
});
