/**
 * README screenshots (`npm run screenshots`): run the headless demo, then copy the pictures the README shows into
 * docs/screenshots under stable names. Arguments are passed to `npm start` (e.g. `--no-build`).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main, ROOT } from '../start/main';

/** docs/screenshots name → the demo's file. */
export const README_SHOTS: Record<string, string> = {
  'editor-findings.png': 'editor.png',
  'portal-filled.png': 'portal-filled.png',
  'record-list-findings.png': 'record-list-findings.png',
  'pdf-verdict.png': 'pdf-verdict-unsealed.png',
  'upload-check.png': 'portal-upload-unsealed.png',
  'print-view.png': 'toolkit-print.png',
};

export async function readmeShots(argv: string[], docs = path.join(ROOT, 'docs/screenshots')): Promise<number> {
  const out = mkdtempSync(path.join(tmpdir(), 'guoyou-readme-'));
  const code = await main(['--headless', ...argv, '--out', out]);
  mkdirSync(docs, { recursive: true });
  let missing = 0;
  for (const [name, from] of Object.entries(README_SHOTS)) {
    const src = path.join(out, from);
    if (!existsSync(src)) {
      console.error(`✗ ${from}`);
      missing++;
      continue;
    }
    copyFileSync(src, path.join(docs, name));
    console.log(`✓ ${path.relative(ROOT, path.join(docs, name))}`);
  }
  return code !== 0 ? code : missing ? 1 : 0;
}
