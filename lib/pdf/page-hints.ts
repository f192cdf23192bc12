import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Whether a text page could show a seal when drawn: it paints an image, draws in red, or carries annotations with
 * appearances. Read from the page's objects with pdf-lib (content streams decoded, operators scanned by pattern),
 * which costs far less than pdf.js building the page's operator list. When unsure (an unknown filter, a shading),
 * the answer is yes: the page is then simply rendered.
 */
export function pageMayShowSeal(doc: PDFDocument, pageIndex: number): boolean {
  const page = doc.getPages()[pageIndex];
  if (!page) return true;
  const annots = page.node.Annots();
  if (annots) {
    for (let i = 0; i < annots.size(); i++) {
      const a = annots.lookupMaybe(i, PDFDict);
      if (a && a.get(PDFName.of('AP')) !== undefined && a.get(PDFName.of('Subtype')) !== PDFName.of('Link')) return true;
    }
  }
  return drawsSealInk(page.node.Contents(), page.node.Resources(), 0);
}

/** Whether a page shows text through its content streams (or forms they draw): text-showing operators present. */
export function pageHasTextOps(doc: PDFDocument, pageIndex: number): boolean {
  const page = doc.getPages()[pageIndex];
  if (!page) return false;
  return showsText(page.node.Contents(), page.node.Resources(), 0);
}

const TEXT_OPS = /(?:\)|>|\])\s*(?:Tj|TJ|'|")/;

function showsText(contents: PDFObject | undefined, resources: PDFDict | undefined, depth: number): boolean {
  if (depth > 4) return false;
  try {
    for (const s of streamsOf(contents)) {
      const text = streamText(s);
      if (text === undefined) return true;
      if (TEXT_OPS.test(text)) return true;
    }
  } catch {
    return true;
  }
  for (const x of streamXObjects(resources)) {
    if (x.dict.get(PDFName.of('Subtype')) === PDFName.of('Form') && showsText(x, resourcesOf(x), depth + 1)) return true;
  }
  return false;
}

/** The stream XObjects (images, forms) named in a page's or form's resources, references resolved one by one. */
function* streamXObjects(resources: PDFDict | undefined): Generator<PDFRawStream | PDFStream> {
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return;
  for (const [, ref] of xobjects.entries()) {
    const x = ref instanceof PDFRef ? xobjects.context.lookup(ref) : ref;
    if (x instanceof PDFRawStream || x instanceof PDFStream) yield x;
  }
}

function resourcesOf(x: PDFRawStream | PDFStream): PDFDict | undefined {
  return x.dict.lookupMaybe(PDFName.of('Resources'), PDFDict);
}

function streamsOf(contents: PDFObject | undefined): PDFObject[] {
  const streams: PDFObject[] = [];
  if (contents instanceof PDFArray) {
    for (let i = 0; i < contents.size(); i++) {
      const c = contents.lookup(i);
      if (c) streams.push(c);
    }
  } else if (contents) streams.push(contents);
  return streams;
}

const RED_RGB = /(-?\d*\.?\d+)\s+(-?\d*\.?\d+)\s+(-?\d*\.?\d+)\s+(?:rg|RG|sc|SC|scn|SCN)\b/g;
const RED_CMYK = /(-?\d*\.?\d+)\s+(-?\d*\.?\d+)\s+(-?\d*\.?\d+)\s+(-?\d*\.?\d+)\s+(?:k|K|sc|SC|scn|SCN)\b/g;

function isRed(r: number, g: number, b: number): boolean {
  return r - g > 0.16 && r - b > 0.16;
}

/** Red fill/stroke colours, inline images or shadings in a content stream's text. */
export function contentMayShowSeal(ops: string): boolean {
  if (/\bBI\b/.test(ops) || /\bsh\b/.test(ops)) return true;
  for (const m of ops.matchAll(RED_RGB)) if (isRed(Number(m[1]), Number(m[2]), Number(m[3]))) return true;
  for (const m of ops.matchAll(RED_CMYK)) {
    const [c, y, mm, k] = [Number(m[1]), Number(m[3]), Number(m[2]), Number(m[4])];
    if (isRed((1 - c) * (1 - k), (1 - mm) * (1 - k), (1 - y) * (1 - k))) return true;
  }
  return false;
}

function streamText(obj: PDFObject | undefined): string | undefined {
  if (!(obj instanceof PDFRawStream)) return obj instanceof PDFStream ? undefined : '';
  const bytes = decodePDFRawStream(obj).decode();
  let s = '';
  // eslint-disable-next-line no-restricted-syntax -- bounded: 32 KiB a chunk
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

function drawsSealInk(contents: PDFObject | undefined, resources: PDFDict | undefined, depth: number): boolean {
  if (depth > 4) return true;
  const streams = streamsOf(contents);
  try {
    for (const s of streams) {
      const text = streamText(s);
      if (text === undefined || contentMayShowSeal(text)) return true;
    }
  } catch {
    return true;
  }
  for (const x of streamXObjects(resources)) {
    const sub = x.dict.get(PDFName.of('Subtype'));
    if (sub === PDFName.of('Image')) return true;
    if (sub === PDFName.of('Form') && drawsSealInk(x, resourcesOf(x), depth + 1)) return true;
  }
  return false;
}
