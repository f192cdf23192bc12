import type { FormData } from '../forms/types';
import type { PdfCheckResult } from './types';

/**
 * Background → offscreen document. Not part of the page protocol: only the background sends it, and the background's
 * router ignores it (unknown type), so it never reaches a handler meant for pages.
 */
export const OFFSCREEN_TARGET = 'guoyou-pdf-offscreen';

export interface OffscreenCheckRequest {
  target: typeof OFFSCREEN_TARGET;
  type: 'pdf.offscreen.check';
  payload: { name: string; data: string; draft?: { formId: string; data: FormData } };
}

export type OffscreenCheckReply = { ok: true; result: PdfCheckResult } | { ok: false; error: { zh: string; en: string } };

export function isOffscreenCheck(m: unknown): m is OffscreenCheckRequest {
  return (
    !!m &&
    typeof m === 'object' &&
    (m as { target?: unknown }).target === OFFSCREEN_TARGET &&
    (m as { type?: unknown }).type === 'pdf.offscreen.check'
  );
}
