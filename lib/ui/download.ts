/**
 * Offer a blob as a file download from an extension page: an <a download> on a blob URL
 * (no network, no `downloads` permission).
 */
function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Chromium starts the download asynchronously after the click returns: revoke later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Offer `text` as a file download (UTF-8). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  downloadBlob(filename, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** Offer raw bytes (an .xlsx, a .pdf) as a file download. */
export function downloadBytes(filename: string, bytes: Uint8Array, type: string): void {
  downloadBlob(filename, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}

/** The bytes of a file the user picked. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A file name safe on every OS, keeping Chinese characters: `江苏省推荐表-2024-08-01.json`. */
export function safeFileName(base: string, ext: string, date = new Date()): string {
  const clean =
    base
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
      .trim()
      .slice(0, 80) || 'guoyou';
  const day = date.toISOString().slice(0, 10);
  return `${clean}-${day}.${ext}`;
}
