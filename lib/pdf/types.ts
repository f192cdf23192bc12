import type { Bilingual } from '../forms/types';
import type { Finding } from '../rules/types';

/** Verdict of one PDF. See issue 6 §3. */
export type PdfStatus = 'sealed' | 'seal-misplaced' | 'unsealed' | 'uncertain' | 'error';

export type SealKind = 'image' | 'digital' | 'riding';

/**
 * Whether the signed bytes of a `/Sig` field are still the bytes of the file (issue 15 §3). It says nothing about
 * trust: the signer's certificate chain, revocation and the signing time are not checked, so a signature that is
 * "unchanged" is one whose file was not altered since someone holding that key signed it — not a valid signature in
 * the sense of a trusted chain.
 * - `unchanged`: the `/ByteRange` digest equals the CMS `messageDigest` and the signature over the signed attributes
 *   verifies with the certificate's key;
 * - `changed`: either of them does not (the file or the signed attributes were altered after signing);
 * - `unverifiable`: not a CMS signature this check reads (placeholder, GB/T 38540 SES structure, an algorithm without
 *   an implementation here, no certificate).
 */
export type SignatureIntegrity = 'unchanged' | 'changed' | 'unverifiable';

/** Integrity of one signature and the names in its certificate. */
export interface SignatureCheck {
  integrity: SignatureIntegrity;
  /** Bytes follow the signed range (a later revision: another signature, a filled field, an edit). */
  appended: boolean;
  algorithm?: SignatureAlgorithm;
  /** Common name (CN) of the signer's certificate. */
  certificateName?: string;
  /** Organisation (O) of the signer's certificate: the unit for an official e-seal. */
  certificateOrganisation?: string;
}

export type SignatureAlgorithm = 'RSA' | 'ECDSA' | 'SM2';

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
  /** Signatures: whether the file is still what was signed, and who the certificate names. */
  signature?: SignatureCheck;
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
