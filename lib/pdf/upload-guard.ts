import type { Locale } from '../i18n';
import { pdfGuardPage } from '../i18n/messages/pdf';
import { pick, translate } from '../i18n/table';
import type { Bilingual } from '../forms/types';
import type { UploadPolicy } from './result-schema';
import type { PdfCheckResult, PdfStatus } from './types';
import { rateLimiter } from './rate-limit';
import { UPLOAD_AREAS } from '../page/kits/upload-areas';

/** The guard's messages: its table only, not the whole i18n bundle (this runs in every page of a permitted site). */
const t = (key: keyof typeof pdfGuardPage, params: Record<string, string | number> | undefined, locale: Locale) =>
  translate(pdfGuardPage, key, locale, params);

/**
 * Upload guard, page side: notices PDFs chosen in `<input type=file>` or dropped on known upload areas, asks the
 * extension to check them (the bytes go to the extension only, never over the network) and shows the verdict next to
 * the control before the user submits. With the site's policy `clear`, an unsealed or misplaced file is removed from
 * the input. Pure DOM code with its `check` injected, so it is testable without an extension.
 */

export type GuardCheck = (file: File) => Promise<{ result: PdfCheckResult; policy: UploadPolicy; locale?: Locale }>;

/** Statuses the policy may act on; `uncertain` and `error` only warn (the user must look). */
const BLOCKING: ReadonlySet<PdfStatus> = new Set(['unsealed', 'seal-misplaced']);

const COLOURS: Record<PdfStatus | 'checking', string> = {
  sealed: '#1b7a3a',
  'seal-misplaced': '#b42318',
  unsealed: '#b42318',
  uncertain: '#9a6700',
  error: '#b42318',
  checking: '#445',
};

export function isPdfFile(file: File): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

export interface GuardOptions {
  check: GuardCheck;
  locale?: Locale;
  signal?: AbortSignal;
  /**
   * Whether an event is a real user's choice. A page can build a File, put it in an input through DataTransfer and
   * dispatch `change` or `drop` itself; only the browser's own events (isTrusted) in a page the user has interacted
   * with are acted on (issue 13 §8). Injectable for DOM tests, whose events are never trusted.
   */
  isUserChoice?: (e: Event) => boolean;
  /** Checks started per page per minute (default 6); more are refused with a message, not queued. */
  perMinute?: number;
}

function userChoice(e: Event): boolean {
  const activation = (e.target as Node | null)?.ownerDocument?.defaultView?.navigator.userActivation;
  return e.isTrusted && (activation?.hasBeenActive ?? true);
}

/** Where to show the verdict for a control: after it, or after its nearest visible wrapper when it is hidden. */
function anchorFor(el: Element): Element {
  let cur: Element | null = el;
  while (cur && cur !== el.ownerDocument.body) {
    const box = (cur as HTMLElement).getBoundingClientRect?.();
    if (box && box.width > 0 && box.height > 0) return cur;
    cur = cur.parentElement;
  }
  return el;
}

function panelFor(anchor: Element): HTMLElement {
  const doc = anchor.ownerDocument;
  const next = anchor.nextElementSibling;
  if (next instanceof HTMLElement && next.dataset.guoyouPdfVerdict !== undefined) {
    next.replaceChildren();
    return next;
  }
  const panel = doc.createElement('div');
  panel.dataset.guoyouPdfVerdict = '';
  panel.setAttribute('role', 'status');
  panel.setAttribute('aria-live', 'polite');
  panel.style.cssText = 'margin:4px 0;font:13px/1.5 system-ui,sans-serif;';
  anchor.after(panel);
  return panel;
}

function line(panel: HTMLElement, status: PdfStatus | 'checking', text: string): HTMLElement {
  const p = panel.ownerDocument.createElement('div');
  p.dataset.status = status;
  p.textContent = text;
  p.style.cssText = `color:${COLOURS[status]};border-left:3px solid ${COLOURS[status]};padding:2px 6px;margin:2px 0;background:#fff;`;
  panel.append(p);
  return p;
}

async function checkFiles(files: File[], anchor: Element, opts: GuardOptions, onBlocked?: () => void): Promise<void> {
  const pdfs = files.filter(isPdfFile);
  if (!pdfs.length) return;
  let locale = opts.locale ?? 'zh-CN';
  const panel = panelFor(anchor);
  let cleared = false;
  for (const file of pdfs) {
    const row = line(panel, 'checking', t('pdf.guard.checking', { file: file.name }, locale));
    try {
      const { result, policy, locale: chosen } = await opts.check(file);
      if (opts.signal?.aborted) return;
      locale = chosen ?? locale;
      row.dataset.status = result.status;
      row.style.color = row.style.borderLeftColor = COLOURS[result.status];
      row.textContent = t(
        'pdf.guard.verdict',
        { file: file.name, status: t(`pdf.status.${result.status}`, undefined, locale), reason: pick(result.reason, locale) },
        locale,
      );
      // Draft comparisons (school names) never go into the page: the guard sends no draft, and shows none (§9).
      if (policy === 'clear' && BLOCKING.has(result.status) && onBlocked && !cleared) {
        cleared = true;
        onBlocked();
        line(panel, result.status, t('pdf.guard.cleared', undefined, locale));
      }
    } catch (e) {
      const detail = (e as { bilingual?: Bilingual }).bilingual
        ? pick((e as { bilingual: Bilingual }).bilingual, locale)
        : t('pdf.error.internal', undefined, locale);
      row.dataset.status = 'error';
      row.textContent = t('pdf.guard.failed', { file: file.name, detail }, locale);
    }
  }
}

/** Start watching a document; returns a function that removes every listener. */
export function watchUploads(doc: Document, opts: GuardOptions): () => void {
  const trusted = opts.isUserChoice ?? userChoice;
  const rate = rateLimiter({ max: opts.perMinute ?? 6, perMs: 60_000 });
  /** Within the page's allowance? Else say so next to the control, and check nothing. */
  const allowed = (anchor: Element, files: File[]) => {
    if (!files.some(isPdfFile)) return false;
    if (rate.take('page')) return true;
    line(panelFor(anchor), 'error', t('pdf.guard.rateLimited', undefined, opts.locale ?? 'zh-CN'));
    return false;
  };
  const onChange = (e: Event) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length) return;
    // Our own `change` after clearing an input, and any event the page made up, are not a user's choice.
    if (!trusted(e) || !allowed(anchorFor(input), [...input.files])) return;
    void checkFiles([...input.files], anchorFor(input), opts, () => {
      input.value = '';
      // Frameworks keep their own copy of the chosen file: tell them it is gone.
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  };
  const onDrop = (e: DragEvent) => {
    const files = [...(e.dataTransfer?.files ?? [])];
    const target = e.target instanceof Element ? e.target : null;
    const area = target?.closest(UPLOAD_AREAS.join(','));
    if (!area || !files.some(isPdfFile) || !trusted(e) || !allowed(anchorFor(area), files)) return;
    // A drop cannot be undone by the page's input; only warn.
    void checkFiles(files, anchorFor(area), opts);
  };
  doc.addEventListener('change', onChange, true);
  doc.addEventListener('drop', onDrop, true);
  const stop = () => {
    doc.removeEventListener('change', onChange, true);
    doc.removeEventListener('drop', onDrop, true);
  };
  opts.signal?.addEventListener('abort', stop);
  return stop;
}
