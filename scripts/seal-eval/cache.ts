/**
 * Generated cases are kept in node_modules/.cache, under a hash of the generator's own source: drawing a 400-DPI
 * page costs about as much as checking it, and the same seed always draws the same bytes. Editing the generator (or
 * its random source) starts a fresh cache. `SEAL_EVAL_CACHE=0` draws every case anew.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PdfStatus } from '../../lib/pdf/types';
import { generateCase, type EvalCase, type EvalClass } from './generate';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');

const cacheDir = (() => {
  const h = createHash('sha256');
  for (const f of [path.join(here, 'generate.ts'), path.join(root, 'test/fixtures/rng.ts')]) h.update(readFileSync(f));
  return path.join(root, 'node_modules/.cache/seal-eval', h.digest('hex').slice(0, 16));
})();

export async function cachedCase(cls: EvalClass, seed: number): Promise<EvalCase> {
  if (process.env.SEAL_EVAL_CACHE === '0') return generateCase(cls, seed);
  const file = path.join(cacheDir, `${cls}-${seed}`);
  try {
    const meta = JSON.parse(readFileSync(file + '.json', 'utf8')) as Omit<EvalCase, 'bytes'>;
    return { ...meta, bytes: new Uint8Array(readFileSync(file + '.pdf')) };
  } catch {
    const c = await generateCase(cls, seed);
    const { bytes, ...meta } = c;
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file + '.pdf', bytes);
    writeFileSync(file + '.json', JSON.stringify(meta));
    return c;
  }
}

/** What the child process (`check-one.ts`) reports for one case. */
export interface CaseOutcome {
  expected: PdfStatus;
  status: PdfStatus;
  reason: string;
  params: string;
  seed: number;
  ridingPages: number[];
  ridingFound: number[];
  ms: number;
}
