import type { Bilingual } from '../forms/types';
import type { Finding } from '../rules/types';

/** Verdict of one PDF. See issue 6 §3. */
export type PdfStatus = 'sealed' | 'seal-misplaced' | 'unsealed' | 'uncertain' | 'error';

export type SealKind = 'image' | 'digital' | 'riding';

/** A rectangle in PDF points, in the page's default user space (origin bottom-left, before /Rotate). */
export interface PdfBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SealFound {
  /** 1-based page number. */
  page: number;
  kind: SealKind;
  box: PdfBox;
  /** 0…1: how sure the detector is that this is a seal (not that it is genuine). */
  confidence: number;
  /** Digital seals: the signer name (`/Name`) when the file carries one. */
  signer?: string;
  /** Digital seals: `/Filter` and `/SubFilter` as written by the signing software. */
  filter?: string;
  subFilter?: string;
  /** Digital seals with no visible widget (zero `/Rect`). */
  invisible?: boolean;
  /** PNG data URL of the seal region, when thumbnails were asked for. */
  thumbnail?: string;
}

export type PdfErrorCode = 'not-pdf' | 'encrypted' | 'damaged' | 'too-large' | 'timeout';

export interface PdfError {
  code: PdfErrorCode;
  message: Bilingual;
}

export interface PdfCheckResult {
  file: string;
  status: PdfStatus;
  pages: number;
  /** 1-based pages holding the signing block (盖章 / 推荐单位 / date line), or the last page of a scan. */
  signaturePages: number[];
  seals: SealFound[];
  /** Why the status is what it is, in words for the user (always set; for `uncertain`, the reason). */
  reason: Bilingual;
  error?: PdfError;
  /** Whether the file has a text layer (a text PDF rather than a scan). */
  textLayer: boolean;
  /** Comparison with a draft (missing/extra schools, page count), when a draft was given. */
  findings: Finding[];
  ms: number;
}
