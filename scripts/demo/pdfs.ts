/**
 * The two PDFs the demo checks, drawn by the PDF corpus generator: a one-page colour scan with a round red seal on
 * its signing block, and the same form printed to PDF without one.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS } from '../make-pdf-corpus';

const SOURCES = { sealed: 'scan-sealed-1p.pdf', unsealed: 'text-unsealed.pdf' } as const;

export async function demoPdfs(dir: string): Promise<Record<keyof typeof SOURCES, string>> {
  const out = {} as Record<keyof typeof SOURCES, string>;
  for (const [kind, file] of Object.entries(SOURCES) as Array<[keyof typeof SOURCES, string]>) {
    const entry = CORPUS.find((e) => e.file === file);
    if (!entry) throw new Error(`the PDF corpus has no ${file}`);
    out[kind] = path.join(dir, `${kind}.pdf`);
    writeFileSync(out[kind], await entry.make());
  }
  return out;
}
