/**
 * Resource guard on a PDF's bytes, before pdf.js or pdf-lib allocate anything (issue 13 §4–§5). A dictionary can lie:
 * an image that says 64×64 while its JPEG frame header (SOF) says 30000×30000 makes pdf.js (and Chromium's image
 * decoder) allocate from the SOF; a 2 MB content stream can inflate to 1 GB of path operators, which no per-page
 * time check stops once rendering has begun. So every stream is looked at where its size is really decided:
 *
 * - images: the decoded size from the stream's own header — JPEG SOF, JPEG 2000 `ihdr`/SIZ — also for inline images
 *   inside content streams;
 * - other Flate streams (content, fonts, object streams): inflated in small steps, counting, up to a cap.
 *
 * Pure byte scanning with indexOf: no PDF parser, so nothing here can itself be driven into a loop.
 */
import { Inflate } from 'fflate';
import { bilingual } from './text';
import type { PdfError } from './types';

export interface PdfGuardLimits {
  /** Decoded pixels of one image (the same limit pdf.js is given for dictionaries). */
  maxImagePixels: number;
  /** Decoded bytes of one non-image stream (a text page's content is kilobytes; a CJK font tens of MB at most). */
  maxStreamBytes: number;
  /**
   * Decoded bytes of one page content stream: pdf-lib and pdf.js parse a content stream in one synchronous pass
   * (~0.4 s per MB here), so its size is its time; a scanned or typed form page draws in kilobytes.
   */
  maxContentBytes: number;
  /** Decoded bytes of all non-image streams together. */
  maxDecodedBytes: number;
}

export const PDF_GUARD_LIMITS: PdfGuardLimits = {
  maxImagePixels: 50_000_000,
  maxStreamBytes: 64 * 1024 * 1024,
  maxContentBytes: 16 * 1024 * 1024,
  maxDecodedBytes: 512 * 1024 * 1024,
};

const latin1 = new TextDecoder('latin1');

function indexOf(b: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  for (let i = b.indexOf(first, from); i !== -1 && i + needle.length <= b.length; i = b.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && b[i + k] === needle.charCodeAt(k)) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/** Width and height from a JPEG's first SOF marker (baseline, progressive, lossless…). */
export function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  let i = 0;
  // Some writers put padding before SOI.
  while (i + 1 < Math.min(b.length, 64) && !(b[i] === 0xff && b[i + 1] === 0xd8)) i++;
  if (b[i] !== 0xff || b[i + 1] !== 0xd8) return undefined;
  i += 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const m = b[i + 1]!;
    if (m === 0xff || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      i += m === 0xff ? 1 : 2;
      continue;
    }
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC).
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc)
      return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
    if (m === 0xda) return undefined; // scan data before any frame header
    i += 2 + len;
  }
  return undefined;
}

/** Width and height of a JPEG 2000 image: the JP2 `ihdr` box, or a raw codestream's SIZ marker. */
export function jpxSize(b: Uint8Array): { width: number; height: number } | undefined {
  const u32 = (i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
  const ihdr = indexOf(b.subarray(0, Math.min(b.length, 4096)), 'ihdr', 0);
  if (ihdr >= 0 && ihdr + 12 <= b.length) return { height: u32(ihdr + 4), width: u32(ihdr + 8) };
  const siz = b[0] === 0xff && b[1] === 0x4f && b[2] === 0xff && b[3] === 0x51 ? 4 : -1;
  if (siz < 0 || siz + 18 > b.length) return undefined;
  // Lsiz(2) Rsiz(2) Xsiz Ysiz XOsiz YOsiz
  return { width: u32(siz + 4) - u32(siz + 12), height: u32(siz + 8) - u32(siz + 16) };
}

function inflatePrefix(data: Uint8Array, want: number): Uint8Array {
  const out: Uint8Array[] = [];
  let n = 0;
  const inf = new Inflate((chunk) => {
    if (n < want) out.push(chunk);
    n += chunk.length;
  });
  try {
    for (let i = 0; i < data.length && n < want; i += 4096) inf.push(data.subarray(i, i + 4096), false);
  } catch {
    // a damaged stream: pdf.js will say so
  }
  const all = new Uint8Array(Math.min(n, want + 65536));
  let o = 0;
  for (const c of out) {
    const take = c.subarray(0, all.length - o);
    all.set(take, o);
    o += take.length;
    if (o >= all.length) break;
  }
  return all.subarray(0, o);
}

/** Inflates `data` counting bytes, calling `each` with each chunk; stops (returns false) past `max` bytes. */
function inflateCounting(data: Uint8Array, max: number, each?: (chunk: Uint8Array) => void): { bytes: number; ok: boolean } {
  let bytes = 0;
  let over = false;
  const inf = new Inflate((chunk) => {
    bytes += chunk.length;
    if (bytes > max) over = true;
    else each?.(chunk);
  });
  try {
    for (let i = 0; i < data.length && !over; i += 16 * 1024) inf.push(data.subarray(i, i + 16 * 1024), false);
  } catch {
    // damaged data: counted as far as it went
  }
  return { bytes, ok: !over };
}

type Size = { width: number; height: number };

const imageError = (s: Size): PdfError => ({
  code: 'too-large',
  message: bilingual('pdf.error.imageTooLarge', { width: s.width, height: s.height }),
});
const streamError = (): PdfError => ({ code: 'too-large', message: bilingual('pdf.error.streamTooLarge') });

/** Inline images (`BI … ID <data> EI`) of a decoded content stream with a DCT or JPX filter. */
function inlineImages(content: Uint8Array, limits: PdfGuardLimits): PdfError | undefined {
  for (let i = indexOf(content, 'BI', 0); i !== -1; i = indexOf(content, 'BI', i + 2)) {
    const id = indexOf(content, 'ID', i + 2);
    if (id < 0) return undefined;
    const dict = latin1.decode(content.subarray(i, Math.min(id, i + 1024)));
    const data = content.subarray(id + 3, id + 3 + (1 << 20));
    const size = /\/DCT/.test(dict) ? jpegSize(data) : /\/JPX/.test(dict) ? jpxSize(data) : undefined;
    if (size && size.width * size.height > limits.maxImagePixels) return imageError(size);
    i = id;
  }
  return undefined;
}

/**
 * Refuses a PDF whose streams would make the readers allocate or work without bound; undefined when it may be read.
 * Cost: one pass over the file plus inflating its Flate streams (the readers inflate them anyway).
 */
export function guardPdf(bytes: Uint8Array, limits: PdfGuardLimits = PDF_GUARD_LIMITS): PdfError | undefined {
  let decoded = 0;
  for (let s = indexOf(bytes, 'stream', 0); s !== -1; s = indexOf(bytes, 'stream', s + 6)) {
    // `endstream` contains `stream`: skip it.
    if (s >= 3 && bytes[s - 3] === 0x65 && bytes[s - 2] === 0x6e && bytes[s - 1] === 0x64) continue;
    let start = s + 6;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    else if (bytes[start - 1] !== 0x0d) continue; // not a stream keyword (e.g. inside a name)
    // The stream's dictionary: from its `obj` keyword (at most a few KB back) to here.
    const from = Math.max(0, s - 8192);
    const head = bytes.subarray(from, s);
    let obj = -1;
    for (let k = indexOf(head, ' obj', 0); k !== -1; k = indexOf(head, ' obj', k + 4)) obj = k;
    const dict = latin1.decode(head.subarray(obj >= 0 ? obj : 0));
    const lengthMatch = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let end = lengthMatch ? start + Number(lengthMatch[1]) : indexOf(bytes, 'endstream', start);
    if (end < 0 || end > bytes.length) end = bytes.length;
    const data = bytes.subarray(start, end);
    const filters = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? '';
    const flate = /FlateDecode|\/Fl\b/.test(filters);
    if (/\/Subtype\s*\/Image/.test(dict) || /DCTDecode|JPXDecode/.test(filters)) {
      const raw = flate ? inflatePrefix(data, 256 * 1024) : data;
      const size = /DCTDecode/.test(filters) ? jpegSize(raw) : /JPXDecode/.test(filters) ? jpxSize(raw) : undefined;
      if (size && size.width * size.height > limits.maxImagePixels) return imageError(size);
    } else if (flate) {
      // Content streams are also searched for inline images, in the decoded bytes, one chunk at a time.
      let tail = new Uint8Array(0);
      let inline: PdfError | undefined;
      // Fonts (/Length1…, /Subtype) and object streams (/Type) may be large; anything else is page content.
      const content = !/\/(Type|Subtype|Length1|Length2|Length3|N)\b/.test(dict.slice(dict.lastIndexOf('<<')));
      const cap = Math.min(content ? limits.maxContentBytes : limits.maxStreamBytes, limits.maxDecodedBytes - decoded);
      const r = inflateCounting(data, cap, (chunk) => {
        if (inline) return;
        const look = new Uint8Array(tail.length + chunk.length);
        look.set(tail);
        look.set(chunk, tail.length);
        inline = indexOf(look, 'BI', 0) >= 0 ? inlineImages(look, limits) : undefined;
        tail = look.subarray(Math.max(0, look.length - 64 * 1024));
      });
      if (inline) return inline;
      if (!r.ok) return streamError();
      decoded += r.bytes;
    }
    s = Math.max(s + 6, end - 6);
  }
  return undefined;
}
