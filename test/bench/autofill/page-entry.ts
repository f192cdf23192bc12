/**
 * Bundled into the bench page (IIFE): scan + match and fill exactly as the content script runs them, and the floor —
 * querySelectorAll of the controls plus reading their attributes.
 */
import { scanRoot } from '../../../lib/page/scan';
import { matchControls } from '../../../lib/autofill/match';
import { fillDocument, newSession, undoFill, type FillSession } from '../../../lib/autofill/fill';
import type { FieldHint, FillPlan } from '../../../lib/autofill/types';

let session: FillSession = newSession();

const api = {
  scanMatch(hints: FieldHint[]): { controls: number; matched: number; ms: number; scanMs: number } {
    const t0 = performance.now();
    const controls = scanRoot(document);
    const t1 = performance.now();
    const matched = matchControls(controls, hints).length;
    return { controls: controls.length, matched, ms: performance.now() - t0, scanMs: t1 - t0 };
  },
  floor(): { controls: number; ms: number } {
    const t0 = performance.now();
    const els = document.querySelectorAll('input, select, textarea');
    let n = 0;
    for (let i = 0; i < els.length; i++) {
      const e = els[i]!;
      if (
        e.getAttribute('name') ||
        e.getAttribute('id') ||
        e.getAttribute('type') ||
        e.getAttribute('placeholder') ||
        e.getAttribute('title')
      )
        n++;
    }
    return { controls: n, ms: performance.now() - t0 };
  },
  /**
   * The least the scan must do before any label inference or matching: find the controls, drop the hidden
   * ones (checkVisibility), read the attributes labels come from, step to each control's cell, and find open shadow
   * roots. Measured to show how far from the floor any scan can get; not a product path.
   */
  requiredWork(): { controls: number; ms: number } {
    const t0 = performance.now();
    const els = document.querySelectorAll('input, select, textarea');
    let n = 0;
    for (let i = 0; i < els.length; i++) {
      const e = els[i]!;
      if (!e.checkVisibility()) continue;
      const attrs = [
        e.getAttribute('type'),
        e.getAttribute('name'),
        e.getAttribute('id'),
        e.getAttribute('placeholder'),
        e.getAttribute('title'),
        e.getAttribute('aria-label'),
        e.getAttribute('aria-labelledby'),
      ];
      if (attrs[1] !== null || e.parentElement?.tagName === 'TD') n++;
    }
    const all = document.getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) if (all[i]!.shadowRoot) n++;
    return { controls: n, ms: performance.now() - t0 };
  },
  async fill(plan: FillPlan): Promise<{ filled: number; failed: number; ms: number }> {
    session = newSession();
    const t0 = performance.now();
    const r = await fillDocument(document, plan, session);
    return { filled: r.filled, failed: r.failed, ms: performance.now() - t0 };
  },
  /** Floor for the fill: the same values written straight into known inputs (setter + input/change), no lookup. */
  fillFloor(values: Record<string, string>): { ms: number } {
    const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('input'));
    const list = Object.values(values);
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const t0 = performance.now();
    for (let i = 0; i < list.length && i < inputs.length; i++) {
      setter.call(inputs[i], list[i]!);
      inputs[i]!.dispatchEvent(new Event('input', { bubbles: true }));
      inputs[i]!.dispatchEvent(new Event('change', { bubbles: true }));
    }
    const ms = performance.now() - t0;
    for (const el of inputs) setter.call(el, '');
    return { ms };
  },
  async undo(): Promise<number> {
    return (await undoFill(session)).restored;
  },
};

(globalThis as unknown as { __autofillBench: typeof api }).__autofillBench = api;
