import { defineContentScript } from 'wxt/utils/define-content-script';
import { onTabMessages } from '../lib/messaging/tab';
import { send } from '../lib/messaging/client';
import { clearOutlines, fillDocument, newSession, undoFill } from '../lib/autofill/fill';
import { matchControls } from '../lib/autofill/match';
import { DRIVERS } from '../lib/page/kits';
import { createOverlay, showMessage, showReport, tr, type Overlay } from '../lib/autofill/page-ui';
import { startTeach } from '../lib/autofill/teach';
import { watchControls } from '../lib/autofill/watch';

/**
 * Autofill content script, injected on demand by the popup (all frames) or registered for sites with a saved adapter.
 * It does nothing until a message arrives; it holds the one draft it fills only for the duration of the fill.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  allFrames: true,
  main(ctx) {
    const flag = '__guoyouAutofill';
    const w = window as unknown as Record<string, boolean>;
    // Injected twice (popup + registered script)? One listener is enough.
    if (w[flag]) return;
    w[flag] = true;

    const session = newSession();
    let overlay: Overlay | undefined;
    const getOverlay = () => (overlay && overlay.host.isConnected ? overlay : (overlay = createOverlay(document)));
    let stopTeach: (() => void) | undefined;
    let locale: 'zh-CN' | 'en' = 'zh-CN';
    // Controls added after the first scan (add-row tables, lazy sections) are picked up incrementally.
    const watcher = watchControls(document);
    ctx.onInvalidated(() => {
      watcher.stop();
      stopTeach?.();
      overlay?.destroy();
    });

    const undo = async () => {
      const r = await undoFill(session);
      if (overlay) showMessage(overlay, tr('autofill.undone', locale, { restored: r.restored }));
      return r;
    };

    const unsubscribe = onTabMessages({
      'autofill.ping': () => ({ frameUrl: location.href, top: window === window.top }),
      'autofill.scan': ({ hints }) => {
        const controls = watcher.controls();
        const matched = hints ? matchControls(controls, hints) : [];
        const byControl = new Map(matched.map((m) => [m.control, m]));
        return controls.map((c) => {
          const m = byControl.get(c);
          return {
            id: c.uid,
            kind: c.kind,
            labels: c.labels,
            name: c.name,
            value: DRIVERS[c.kind].read(c),
            ...(c.row ? { row: c.row.index } : {}),
            ...(m ? { match: { path: m.path, score: m.score, via: m.via } } : {}),
          };
        });
      },
      'autofill.fill': async (plan) => {
        locale = plan.locale;
        const report = await fillDocument(document, plan, session);
        if (report.filled + report.failed > 0) showReport(getOverlay(), report, locale, () => void undo());
        return report;
      },
      'autofill.undo': () => undo(),
      'autofill.teach': ({ enabled, formId, fields, locale: l }) => {
        locale = l;
        stopTeach?.();
        stopTeach = undefined;
        if (enabled) {
          stopTeach = startTeach({
            doc: document,
            overlay: getOverlay,
            formId,
            fields,
            locale,
            save: async (entry) => {
              await send('autofill.adapters.teach', { url: location.href, formId, ...entry });
            },
          });
        }
        return { enabled };
      },
      'autofill.clear': () => {
        clearOutlines(session);
        overlay?.destroy();
        overlay = undefined;
        return {};
      },
    });
    ctx.onInvalidated(unsubscribe);
  },
});
