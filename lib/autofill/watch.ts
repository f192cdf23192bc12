import { newScanContext, scanRoot, scanSubtree, type ScanContext, type ScannedControl } from '../page/scan';

/**
 * Keeps the list of a document's controls current as the page adds rows or sections: a MutationObserver collects
 * added subtrees and scans only those, debounced; nothing is rescanned per mutation. Lazy: the first scan happens on
 * the first `controls()` call, so an idle content script costs nothing.
 */
export function watchControls(doc: Document, debounceMs = 100): { controls(): ScannedControl[]; stop(): void } {
  let ctx: ScanContext | undefined;
  let list: ScannedControl[] = [];
  const pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!ctx) return;
    if (pending.size) {
      // Added rows shift row numbers of their table: forget cached table layouts before scanning the additions.
      ctx.tables = new WeakMap();
      for (const el of pending) {
        if (!el.isConnected) continue;
        // An element inside another pending element is covered by that one's scan.
        let covered = false;
        for (let p = el.parentElement; p; p = p.parentElement) if (pending.has(p)) covered = true;
        if (!covered) for (const c of scanSubtree(el, ctx)) list.push(c);
      }
      pending.clear();
    }
    list = list.filter((c) => c.face.isConnected);
  };

  const start = () => {
    ctx = newScanContext(doc);
    list = scanRoot(doc, ctx);
    // The document's own window (a frame, or a DOM implementation in tests) provides the observer.
    const MO = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? globalThis.MutationObserver;
    observer = new MO((records) => {
      for (const r of records)
        for (const n of Array.from(r.addedNodes))
          if (n.nodeType === 1 && !(n as Element).closest('[data-guoyou]')) pending.add(n as Element);
      if (pending.size && !timer) timer = setTimeout(flush, debounceMs);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
  };

  return {
    controls() {
      if (!ctx) start();
      else flush();
      return list;
    },
    stop() {
      observer?.disconnect();
      if (timer) clearTimeout(timer);
    },
  };
}
