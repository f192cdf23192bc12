/**
 * The zip's central directory, read the way JSZip (ExcelJS's unzipper) reads it: end record → central directory →
 * each entry's local header. The guard walks these entries, so what it measures is what the reader will inflate; a
 * walk of the local headers in file order can be fooled by an entry whose stored data contains another entry (issue
 * 13 §1). Entries whose data ranges overlap, duplicate names and names that disagree with their local header are
 * refused: no honest zip writer produces them.
 */
import { fail } from './errors';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
  /** First and one-past-last byte of the entry's (compressed) data. */
  dataStart: number;
  dataEnd: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  // Offsets past 2^53 cannot be honest in a file we accept (≤ 50 MB).
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function findEndRecord(b: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) if (u32(b, i) === EOCD) return i;
  return -1;
}

const decoderUtf8 = new TextDecoder('utf-8');
const decoderLatin1 = new TextDecoder('latin1');

/** Every entry of the central directory, checked for overlaps. Throws XlsxError (`truncated`, `zipBomb`). */
export function readZipDirectory(b: Uint8Array, maxEntries: number): ZipEntry[] {
  const end = findEndRecord(b);
  if (end < 0 || end + 22 > b.length) fail('excel.error.truncated');
  let count = u16(b, end + 10);
  let cdSize = u32(b, end + 12);
  let cdOffset = u32(b, end + 16);
  if (u16(b, end + 4) !== 0 || u16(b, end + 6) !== 0) fail('excel.error.truncated'); // multi-disk archives
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const loc = end - 20;
    if (loc < 0 || u32(b, loc) !== ZIP64_LOCATOR) fail('excel.error.truncated');
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== ZIP64_EOCD) fail('excel.error.truncated');
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdOffset = u64(b, z + 48);
  }
  if (count > maxEntries) fail('excel.error.zipBomb');
  if (cdOffset + cdSize > end + 1 || cdOffset > b.length) fail('excel.error.truncated');
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL) fail('excel.error.truncated');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let offset = u32(b, p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > b.length) fail('excel.error.truncated');
    const rawName = b.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? decoderUtf8 : decoderLatin1).decode(rawName);
    // Zip64 extended information: the 8-byte values of the fields set to 0xFFFFFFFF, in this order.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (offset === 0xffffffff) offset = u64(b, q);
      }
      e += 4 + len;
    }
    // Encrypted entries, and methods other than stored/deflate, are not a spreadsheet we can read.
    if (flags & 0x1 || (method !== 0 && method !== 8)) fail('excel.error.truncated');
    if (names.has(name)) fail('excel.error.zipBomb');
    names.add(name);
    if (offset + 30 > b.length || u32(b, offset) !== LOCAL) fail('excel.error.truncated');
    const localName = b.subarray(offset + 30, offset + 30 + u16(b, offset + 26));
    if (!sameBytes(localName, rawName)) fail('excel.error.zipBomb');
    const dataStart = offset + 30 + u16(b, offset + 26) + u16(b, offset + 28);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > cdOffset) fail('excel.error.truncated');
    entries.push({ name, method, compressedSize, size, offset, dataStart, dataEnd });
    p += 46 + nameLen + extraLen + commentLen;
  }
  // No two entries may share bytes: a stored entry that contains another hides it from any walk but this one.
  const byOffset = [...entries].sort((a, c) => a.offset - c.offset);
  for (let i = 1; i < byOffset.length; i++) if (byOffset[i]!.offset < byOffset[i - 1]!.dataEnd) fail('excel.error.zipBomb');
  return entries;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
