// Uint8Array.toBase64/fromBase64 are too new for our minimum Chrome (116); btoa/atob exist in pages, workers and Node.

const CHUNK = 0x8000;

export function bytesToBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  // eslint-disable-next-line no-restricted-syntax -- bounded: 32 KiB a chunk
  for (let i = 0; i < view.length; i += CHUNK) binary += String.fromCharCode(...view.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Decode base64 that has already been validated (the backup schema checks it). */
export function base64ToBytes(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
