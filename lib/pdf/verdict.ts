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

/** Who signed: the certificate's organisation and name when the signature was read, else the `/Name` the file gives. */
export function signerName(s: SealFound): string | undefined {
  const { certificateOrganisation: org, certificateName: cn } = s.signature ?? {};
  if (org && cn && org !== cn) return `${org}（${cn}）`;
  return org ?? cn ?? s.signer;
}

/**
 * The status rule of issue 6 §3. An image or digital seal on a signature page seals the file; an invisible digital
 * signature covers the whole document. A 骑缝章 alone does not stand for the seal on the signing block. A digital
 * signature whose file was changed after signing (issue 15 §3) leaves the file `uncertain`, whatever its image shows.
 */
export function verdict(v: VerdictInput): { status: Exclude<PdfStatus, 'error'>; reason: Bilingual } {
  const sig = new Set(v.signaturePages);
  const pages = pageList(v.signaturePages);
  const main = v.seals.filter((s) => s.kind !== 'riding');
  const onSignature = main.filter((s) => sig.has(s.page) || (s.kind === 'digital' && s.invisible));
  if (onSignature.length) {
    const digital = onSignature.filter((s) => s.kind === 'digital');
    if (digital.length) {
      // A signature over a file altered since is no seal of what is uploaded, even though its image still shows.
      const intact = digital.find((s) => s.signature?.integrity === 'unchanged');
      const changed = digital.find((s) => s.signature?.integrity === 'changed');
      const shown = intact ?? changed ?? digital[0]!;
      const key = intact
        ? intact.signature!.appended
          ? 'pdf.reason.sealedDigitalAppended'
          : 'pdf.reason.sealedDigitalUnchanged'
        : changed
          ? 'pdf.reason.digitalChanged'
          : 'pdf.reason.sealedDigital';
      const unknown = bilingual('pdf.checker.unknownSigner');
      const who = signerName(shown);
      return {
        status: !intact && changed ? 'uncertain' : 'sealed',
        reason: { zh: bilingual(key, { signer: who ?? unknown.zh }).zh, en: bilingual(key, { signer: who ?? unknown.en }).en },
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
