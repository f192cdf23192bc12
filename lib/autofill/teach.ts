import { scanRoot, type ScannedControl } from '../page/scan';
import { uniqueSelector } from './adapters';
import { chooseField, showBanner, showMessage, tr, type Locale, type Overlay } from './page-ui';

/**
 * Teach mode: the next click on a page control opens a chooser of the form's fields; the choice becomes part of the
 * site's adapter (saved by the background in the extension's IndexedDB, never in the page). Clicks are captured
 * before the page sees them, so teaching never triggers the page's own handlers.
 */
export interface TeachOptions {
  doc: Document;
  overlay: () => Overlay;
  formId: string;
  fields: Array<{ path: string; label: string }>;
  locale: Locale;
  save(entry: { fieldPath: string; selector: string; label?: string; frame?: string }): Promise<void>;
}

export function startTeach(o: TeachOptions): () => void {
  const { doc } = o;
  let busy = false;
  const hideBanner = showBanner(o.overlay(), tr('autofill.teach.banner', o.locale));
  const controlAt = (target: EventTarget | null): ScannedControl | undefined => {
    if (!(target instanceof Element) || target.closest('[data-guoyou]')) return undefined;
    const controls = scanRoot(doc);
    return controls.find((c) => c.el === target || c.face.contains(target));
  };
  const onClick = async (e: MouseEvent) => {
    if (busy) return;
    const control = controlAt(e.composedPath()[0] ?? e.target);
    if (!control) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    busy = true;
    try {
      const best = control.labels[0]?.text ?? '';
      const fields = control.row ? o.fields.filter((f) => f.path.includes('[]')) : o.fields;
      const path = await chooseField(o.overlay(), fields, o.locale, best);
      if (!path) return;
      // Rows of a repeated table are found by their column header; single controls by a stable selector.
      const header = control.labels.find((l) => l.source === 'column-header')?.text;
      const frame = doc.defaultView && doc.defaultView !== doc.defaultView.top ? doc.location.pathname : undefined;
      await o.save({
        fieldPath: path,
        selector: uniqueSelector(control.face === control.el ? control.el : control.face),
        ...(path.includes('[]') && header ? { label: header } : best ? { label: best } : {}),
        ...(frame ? { frame } : {}),
      });
      showMessage(o.overlay(), tr('autofill.teach.saved', o.locale, { field: o.fields.find((f) => f.path === path)?.label ?? path }));
    } finally {
      busy = false;
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) stop();
  };
  // Capture phase on the window: we see the click before any page handler.
  const win = doc.defaultView!;
  win.addEventListener('click', onClick, true);
  win.addEventListener('keydown', onKey, true);
  const stop = () => {
    win.removeEventListener('click', onClick, true);
    win.removeEventListener('keydown', onKey, true);
    hideBanner();
  };
  return stop;
}
