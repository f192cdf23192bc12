/** Offer `text` as a file download from an extension page (no network, no permissions needed). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium starts the download asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name safe on every OS, keeping Chinese characters: `江苏省推荐表-2024-08-01.json`. */
export function safeFileName(base: string, ext: string, date = new Date()): string {
  const clean = base.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 80) || 'guoyou';
  const day = date.toISOString().slice(0, 10);
  return `${clean}-${day}.${ext}`;
}
