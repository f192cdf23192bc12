/**
 * Bytes ⇄ base64 for runtime messages: Chrome serialises extension messages as JSON, so an ArrayBuffer would arrive
 * as `{}`. Chunked so large files do not overflow the argument list of String.fromCharCode.
 */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    // Copied by index, not `subarray`: that looks up the array's `constructor`, which Firefox denies a content script
    // when the bytes came from a page's File ("Permission denied to access property "constructor"").
    chunk.length = 0;
    for (let j = i; j < Math.min(bytes.length, i + 0x8000); j++) chunk.push(bytes[j]!);
    // eslint-disable-next-line no-restricted-syntax -- bounded: 32 KiB a chunk
    s += String.fromCharCode(...chunk);
  }
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
