import { autofillPage as messages } from '../i18n/messages/autofill';
import type { FillReport } from './types';

/**
 * In-page UI of the content script (report panel, teach-mode chooser): plain DOM inside a closed shadow root, so the
 * page's CSS cannot restyle it and the page's scripts cannot read it. Imports only the autofill message table, not
 * the whole i18n bundle, to keep the injected script small.
 */

export type Locale = 'zh-CN' | 'en';
type Key = keyof typeof messages;

export function tr(key: Key, locale: Locale, params?: Record<string, string | number>): string {
  let s: string = locale === 'en' ? messages[key].en : messages[key].zh;
  if (params) for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

const STYLE = `
:host{all:initial}
.box{position:fixed;z-index:2147483647;right:16px;bottom:16px;width:340px;max-height:60vh;overflow:auto;background:#fff;color:#1f2937;
 font:13px/1.5 system-ui,"Microsoft YaHei",sans-serif;border:1px solid #d1d5db;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.18);padding:10px 12px}
h2{font-size:14px;margin:0 0 6px}
ul{margin:6px 0;padding-left:18px}
li.failed{color:#b91c1c}li.skipped{color:#92400e}
.row{display:flex;gap:8px;justify-content:flex-end;margin-top:6px}
button{font:inherit;padding:3px 10px;border:1px solid #9ca3af;border-radius:4px;background:#f9fafb;cursor:pointer}
button.primary{background:#2563eb;border-color:#2563eb;color:#fff}
input{font:inherit;width:100%;box-sizing:border-box;padding:3px 6px;margin:4px 0;border:1px solid #9ca3af;border-radius:4px}
.choice{display:block;width:100%;text-align:left;margin:2px 0;border-color:#e5e7eb}
.banner{position:fixed;z-index:2147483647;top:8px;left:50%;transform:translateX(-50%);background:#1d4ed8;color:#fff;padding:4px 12px;border-radius:4px;
 font:13px system-ui,"Microsoft YaHei",sans-serif}
`;

export interface Overlay {
  root: ShadowRoot;
  host: HTMLElement;
  destroy(): void;
}

/** A host element with a closed shadow root, attached to the page's body (or documentElement in framesets). */
export function createOverlay(doc: Document): Overlay {
  const host = doc.createElement('guoyou-overlay');
  host.setAttribute('data-guoyou', '');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
  (doc.body && doc.body.tagName !== 'FRAMESET' ? doc.body : doc.documentElement).append(host);
  return { root, host, destroy: () => host.remove() };
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Record<string, string> = {},
  ...kids: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) e.setAttribute(k === 'className' ? 'class' : k, v);
  e.append(...kids);
  return e;
}

function rowSuffix(path: string, locale: Locale): string {
  const m = /\[(\d+)\]/.exec(path);
  return m ? ` · ${tr('autofill.teach.row', locale, { n: Number(m[1]) + 1 })}` : '';
}

/** Reasons whose full text quotes the draft's value have a page version that does not. */
const PAGE_REASON: Partial<Record<string, Key>> = { noOption: 'autofill.reason.noOption.page', notShown: 'autofill.reason.notShown.page' };

/** The report panel: summary, the skipped/failed fields with reasons, undo and close buttons. */
export function showReport(overlay: Overlay, report: FillReport, locale: Locale, onUndo: () => void): void {
  const doc = overlay.host.ownerDocument;
  overlay.root.querySelector('.box')?.remove();
  const box = el(doc, 'div', { className: 'box' });
  box.setAttribute('role', 'dialog');
  box.append(el(doc, 'h2', {}, tr('autofill.panel.title', locale)));
  box.append(el(doc, 'div', {}, tr('autofill.summary', locale, { filled: report.filled, skipped: report.skipped, failed: report.failed })));
  const notable = report.results.filter((r) => r.status === 'failed' || (r.status === 'skipped' && r.reason !== 'emptyValue'));
  const list = el(doc, 'ul');
  for (const r of notable.slice(0, 30)) {
    // No draft text in the page's DOM, shadow root or not (a page can read closed shadow roots through selection):
    // the reason without its value; the value itself is in the popup's report (issue 13 §9).
    const reason = tr(PAGE_REASON[r.reason] ?? (`autofill.reason.${r.reason}` as Key), locale);
    list.append(el(doc, 'li', { className: r.status }, `${r.label}${rowSuffix(r.path, locale)}：${reason}`));
  }
  if (notable.length > 30) list.append(el(doc, 'li', {}, tr('autofill.panel.more', locale, { n: notable.length - 30 })));
  if (notable.length) box.append(list, el(doc, 'div', {}, tr('autofill.panel.details', locale)));
  const undo = el(doc, 'button', { className: 'primary', type: 'button' }, tr('autofill.undo', locale));
  undo.addEventListener('click', onUndo);
  const close = el(doc, 'button', { type: 'button' }, tr('autofill.panel.close', locale));
  close.addEventListener('click', () => box.remove());
  box.append(el(doc, 'div', { className: 'row' }, undo, close));
  overlay.root.append(box);
}

export function showMessage(overlay: Overlay, text: string): void {
  const doc = overlay.host.ownerDocument;
  overlay.root.querySelector('.box')?.remove();
  const box = el(doc, 'div', { className: 'box' }, text);
  overlay.root.append(box);
  setTimeout(() => box.remove(), 4000);
}

/** Teach mode chooser: a searchable list of fields; resolves with the chosen path or undefined. */
export function chooseField(
  overlay: Overlay,
  fields: Array<{ path: string; label: string }>,
  locale: Locale,
  hint: string,
): Promise<string | undefined> {
  const doc = overlay.host.ownerDocument;
  overlay.root.querySelector('.box')?.remove();
  return new Promise((resolve) => {
    const box = el(doc, 'div', { className: 'box' });
    box.setAttribute('role', 'dialog');
    box.append(el(doc, 'h2', {}, tr('autofill.teach.pick', locale)));
    if (hint) box.append(el(doc, 'div', {}, hint));
    const search = el(doc, 'input', { type: 'search', placeholder: tr('autofill.teach.search', locale) });
    const list = el(doc, 'div');
    const render = () => {
      list.replaceChildren();
      const q = search.value.trim().toLowerCase();
      for (const f of fields.filter((x) => !q || x.label.toLowerCase().includes(q) || x.path.toLowerCase().includes(q))) {
        const b = el(doc, 'button', { className: 'choice', type: 'button' }, f.label);
        b.dataset.path = f.path;
        b.addEventListener('click', () => {
          box.remove();
          resolve(f.path);
        });
        list.append(b);
      }
    };
    search.addEventListener('input', render);
    // Enter takes the first field still listed: the chooser works from the keyboard alone.
    search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') list.querySelector<HTMLButtonElement>('button')?.click();
      if (e.key === 'Escape') cancel.click();
    });
    render();
    const cancel = el(doc, 'button', { type: 'button' }, tr('autofill.panel.close', locale));
    cancel.addEventListener('click', () => {
      box.remove();
      resolve(undefined);
    });
    box.append(search, list, el(doc, 'div', { className: 'row' }, cancel));
    overlay.root.append(box);
    search.focus();
  });
}

export function showBanner(overlay: Overlay, text: string): () => void {
  const b = el(overlay.host.ownerDocument, 'div', { className: 'banner' }, text);
  overlay.root.append(b);
  return () => b.remove();
}
