/**
 * Bytes ⇄ base64 for runtime messages: Chrome serialises extension messages as JSON, so an ArrayBuffer would arrive
 * as `{}`. Chunked so large files do not overflow the argument list of String.fromCharCode.
 */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  // eslint-disable-next-line no-restricted-syntax -- bounded: 32 KiB a chunk
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
