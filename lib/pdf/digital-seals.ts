import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import type { PdfBox, SignatureCheck } from './types';

/** A digital seal as written in the file: a signed `/Sig` field, or a `/Stamp` annotation carrying an image. */
export interface DigitalSeal {
  /** 1-based page of the widget/annotation; 0 when no page lists it (the document is signed as a whole). */
  page: number;
  source: 'signature' | 'stamp';
  box: PdfBox;
  invisible: boolean;
  signer?: string;
  filter?: string;
  subFilter?: string;
  /** Signatures: `/ByteRange` and the decoded `/Contents`, for the integrity check. */
  range?: number[];
  contents?: Uint8Array;
  /** Signatures: whether the file is still what was signed, and the certificate's names (filled by `checkIntegrity`). */
  check?: SignatureCheck;
}

function text(obj: PDFObject | undefined): string | undefined {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText().trim() || undefined;
  if (obj instanceof PDFName) return obj.decodeText();
  return undefined;
}

function rectOf(dict: PDFDict): PdfBox {
  const arr = dict.lookupMaybe(PDFName.of('Rect'), PDFArray);
  const n = (i: number) => {
    const v = arr?.lookupMaybe(i, PDFNumber);
    return v ? v.asNumber() : 0;
  };
  const [x0, y0, x1, y1] = [n(0), n(1), n(2), n(3)];
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x: r(Math.min(x0, x1)), y: r(Math.min(y0, y1)), width: r(Math.abs(x1 - x0)), height: r(Math.abs(y1 - y0)) };
}

/** Look up a key on a field dict or, failing that, its `/Parent` chain (widgets often inherit `/FT` and `/V`). */
function inherited(dict: PDFDict, key: string): PDFObject | undefined {
  let cur: PDFDict | undefined = dict;
  for (let depth = 0; cur && depth < 10; depth++) {
    const v = cur.get(PDFName.of(key));
    if (v !== undefined) return v instanceof PDFRef ? cur.context.lookup(v) : v;
    cur = cur.lookupMaybe(PDFName.of('Parent'), PDFDict);
  }
  return undefined;
}

/** Whether a form XObject (an appearance stream) draws an image, directly or through nested forms. */
function drawsImage(stream: PDFObject | undefined, depth = 0): boolean {
  if (!(stream instanceof PDFStream) || depth > 4) return false;
  const xobjects = stream.dict.lookupMaybe(PDFName.of('Resources'), PDFDict)?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return false;
  for (const [, ref] of xobjects.entries()) {
    const x = stream.dict.context.lookup(ref);
    if (!(x instanceof PDFRawStream || x instanceof PDFStream)) continue;
    const sub = x.dict.get(PDFName.of('Subtype'));
    if (sub === PDFName.of('Image')) return true;
    if (sub === PDFName.of('Form') && drawsImage(x, depth + 1)) return true;
  }
  return false;
}

function isSignatureValue(d: PDFDict | undefined): d is PDFDict {
  return !!d && d.get(PDFName.of('ByteRange')) instanceof PDFArray;
}

/** What a signature value dictionary says about itself: names, filters, and the signed range with its CMS. */
function signatureFields(value: PDFDict): Pick<DigitalSeal, 'signer' | 'filter' | 'subFilter' | 'range' | 'contents'> {
  const range = value
    .lookupMaybe(PDFName.of('ByteRange'), PDFArray)
    ?.asArray()
    .map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
  const raw = value.lookup(PDFName.of('Contents'));
  const contents = raw instanceof PDFHexString || raw instanceof PDFString ? raw.asBytes() : undefined;
  return {
    signer: text(value.get(PDFName.of('Name'))),
    filter: text(value.get(PDFName.of('Filter'))),
    subFilter: text(value.get(PDFName.of('SubFilter'))),
    range,
    contents,
  };
}

/**
 * Fill in `check` of each signature: the `/ByteRange` digest and the signature against the CMS (issue 15 §3). The
 * CMS/ASN.1 and SM2 libraries are loaded only when a file is signed.
 */
export async function checkIntegrity(seals: DigitalSeal[], file: Uint8Array): Promise<void> {
  const signed = seals.filter((d) => d.source === 'signature' && d.range && d.contents);
  if (!signed.length) return;
  const { checkSignature } = await import('./signature-integrity');
  for (const d of signed) d.check = await checkSignature(file, d.range!, d.contents!);
}

/** pdf-lib's object model of a file (for digital seals and page hints); undefined when it cannot be parsed. */
export function loadStructure(bytes: Uint8Array): Promise<PDFDocument | undefined> {
  return quietly(() => PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: false, updateMetadata: false })).catch(
    () => undefined,
  );
}

/**
 * pdf-lib reports each invalid object of a damaged file with console.warn/log ("Trying to parse invalid object…"),
 * which the CLI would print to the user's terminal (issue 13 §13): its chatter is dropped while it parses.
 */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const { log, warn } = console;
  console.log = console.warn = () => undefined;
  try {
    return await fn();
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

/**
 * Quick byte test so that files without any signature or stamp skip the second parse. A signature dictionary is
 * never compressed (its `/ByteRange` points at file offsets), but a `/Stamp` annotation may sit in an object stream:
 * small files with object streams are parsed anyway.
 */
export function mayHoldDigitalSeals(bytes: Uint8Array): boolean {
  if (indexOfAscii(bytes, '/ByteRange') >= 0 || indexOfAscii(bytes, '/Stamp') >= 0 || indexOfAscii(bytes, '/Sig') >= 0) return true;
  return bytes.length < 8 * 1024 * 1024 && indexOfAscii(bytes, '/ObjStm') >= 0;
}

export function indexOfAscii(bytes: Uint8Array, needle: string, from = 0): number {
  const first = needle.charCodeAt(0);
  const len = needle.length;
  outer: for (let i = bytes.indexOf(first, from); i >= 0 && i <= bytes.length - len; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < len; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/**
 * Digital seals of a PDF, read with pdf-lib's object model (pdf.js does not expose `/ByteRange`, `/Filter`,
 * `/SubFilter`). Any vendor filter counts (GB/T 38540 software writes its own); integrity is checked apart
 * (`checkIntegrity`), trust never.
 */
export function findDigitalSeals(doc: PDFDocument): DigitalSeal[] {
  const out: DigitalSeal[] = [];
  const claimed = new Set<PDFDict>();
  doc.getPages().forEach((page, index) => {
    const annots = page.node.Annots();
    if (!annots) return;
    for (let i = 0; i < annots.size(); i++) {
      const a = annots.lookupMaybe(i, PDFDict);
      if (!a) continue;
      const subtype = a.get(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Widget') && inherited(a, 'FT') === PDFName.of('Sig')) {
        const v = inherited(a, 'V');
        const value = v instanceof PDFDict ? v : undefined;
        if (!isSignatureValue(value)) continue; // an empty signature field is not a seal
        claimed.add(value);
        const box = rectOf(a);
        out.push({
          page: index + 1,
          source: 'signature',
          box,
          invisible: box.width < 1 || box.height < 1,
          ...signatureFields(value),
        });
      } else if (subtype === PDFName.of('Stamp')) {
        const ap = a.lookupMaybe(PDFName.of('AP'), PDFDict);
        const normal = ap ? ap.context.lookup(ap.get(PDFName.of('N'))) : undefined;
        if (!drawsImage(normal)) continue;
        const box = rectOf(a);
        out.push({ page: index + 1, source: 'stamp', box, invisible: false, signer: text(a.get(PDFName.of('T'))) });
      }
    }
  });
  // Signature values no page lists (a widget left out of /Annots): the document is still signed.
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || claimed.has(obj) || !isSignatureValue(obj)) continue;
    const type = obj.get(PDFName.of('Type'));
    if (type !== undefined && type !== PDFName.of('Sig') && type !== PDFName.of('DocTimeStamp')) continue;
    out.push({
      page: 0,
      source: 'signature',
      box: { x: 0, y: 0, width: 0, height: 0 },
      invisible: true,
      ...signatureFields(obj),
    });
  }
  return out;
}
