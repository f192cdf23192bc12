import type { Bilingual } from '../forms/types';
import { bilingual, pageList } from './text';
import type { PdfStatus, SealFound } from './types';

export interface VerdictInput {
  signaturePages: readonly number[];
  seals: readonly SealFound[];
  /** Image-only pages rendered without any colour at all (grayscale scans). */
  grayscalePages: readonly number[];
  /** Pages that ran out of the time budget before being analysed. */
  skippedPages: readonly number[];
  totalPages: number;
  budgetSeconds: number;
}

/**
 * The status rule of issue 6 §3. An image or digital seal on a signature page seals the file; an invisible digital
 * signature covers the whole document. A 骑缝章 alone does not stand for the seal on the signing block.
 */
export function verdict(v: VerdictInput): { status: Exclude<PdfStatus, 'error'>; reason: Bilingual } {
  const sig = new Set(v.signaturePages);
  const pages = pageList(v.signaturePages);
  const main = v.seals.filter((s) => s.kind !== 'riding');
  const onSignature = main.filter((s) => sig.has(s.page) || (s.kind === 'digital' && s.invisible));
  if (onSignature.length) {
    const digital = onSignature.find((s) => s.kind === 'digital');
    if (digital) {
      const unknown = bilingual('pdf.checker.unknownSigner');
      return {
        status: 'sealed',
        reason: {
          zh: bilingual('pdf.reason.sealedDigital', { signer: digital.signer ?? unknown.zh }).zh,
          en: bilingual('pdf.reason.sealedDigital', { signer: digital.signer ?? unknown.en }).en,
        },
      };
    }
    return { status: 'sealed', reason: bilingual('pdf.reason.sealed', { pages }) };
  }
  if (main.length) {
    const found = pageList([...new Set(main.map((s) => s.page))].sort((a, b) => a - b));
    return { status: 'seal-misplaced', reason: bilingual('pdf.reason.misplaced', { found, pages }) };
  }
  if (v.seals.length) return { status: 'seal-misplaced', reason: bilingual('pdf.reason.ridingOnly', { pages }) };
  if (v.skippedPages.length) {
    return {
      status: 'uncertain',
      reason: bilingual('pdf.reason.budget', { seconds: v.budgetSeconds, done: v.totalPages - v.skippedPages.length, total: v.totalPages }),
    };
  }
  const grayscaleSignature = v.grayscalePages.filter((p) => sig.has(p));
  if (grayscaleSignature.length)
    return { status: 'uncertain', reason: bilingual('pdf.reason.grayscale', { pages: pageList(grayscaleSignature) }) };
  return { status: 'unsealed', reason: bilingual('pdf.reason.unsealed', { pages }) };
}
