/** Offer bytes as a file download from an extension page: an <a download> on a blob URL (no `downloads` permission). */
export function downloadBytes(filename: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Chromium starts the download after the click returns: revoke later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
