/**
 * Bytes of a text file → text, the same in the CLI and in the extension. Files saved on Chinese Windows come as UTF-8
 * (with or without BOM), as GBK, or as UTF-16 ("Unicode" in Notepad and Excel's "Unicode text"): a BOM decides; UTF-16
 * without a BOM is recognised by its zero bytes; otherwise strict UTF-8, then GB18030 (a superset of GBK).
 * Returns undefined when no encoding fits.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const label =
    b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf
      ? 'utf-8'
      : b0 === 0xff && b1 === 0xfe
        ? 'utf-16le'
        : b0 === 0xfe && b1 === 0xff
          ? 'utf-16be'
          : utf16WithoutBom(bytes);
  const tries = label ? [label] : ['utf-8', 'gb18030'];
  for (const l of tries) {
    try {
      // fatal: a wrong guess throws instead of filling the text with U+FFFD; the BOM itself is dropped.
      return new TextDecoder(l, { fatal: true }).decode(bytes);
    } catch {
      // next encoding
    }
  }
  return undefined;
}

/** UTF-16 text of mostly ASCII/CJK has zero bytes in the high half of ASCII characters: count them in the first 4 KB. */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.3 && even < half * 0.05) return 'utf-16le';
  if (even > half * 0.3 && odd < half * 0.05) return 'utf-16be';
  return undefined;
}
