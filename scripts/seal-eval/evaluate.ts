/**
 * The seal-check evaluation (issue 15): generates `perClass` cases of every class with one seed, runs the same check
 * as the extension on each, and prints a confusion matrix per class (rows: true class, columns: verdicts), overall
 * accuracy and the targets. Seed 1 is the tune part, seed 2 the held-out part.
 *
 *   npx jiti scripts/seal-eval/evaluate.ts [seed] [perClass]      (also run by `npm run bench -- pdf`)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkPdfInNode } from '../../lib/pdf/node';
import type { PdfStatus } from '../../lib/pdf/types';
import { EVAL_CLASSES, generateCase, type EvalCase, type EvalClass } from './generate';

export const TUNE_SEED = 1;
export const HELD_OUT_SEED = 2;

const STATUSES: readonly PdfStatus[] = ['sealed', 'seal-misplaced', 'unsealed', 'uncertain', 'error'];

export interface EvalReport {
  seed: number;
  perClass: number;
  matrix: Record<EvalClass, Record<PdfStatus, number>>;
  accuracy: number;
  /** Unsealed, grayscale-unsealed or distractor files called sealed (target 0). */
  falseSealed: number;
  /** Share of files with a seal on the signing page found sealed (target ≥ 0.97). */
  sealedFound: number;
  /** Share of riding-seal files whose strips were reported on every page (target ≥ 0.95). */
  ridingFound: number;
  /** Share of clean unsealed scans answered uncertain (target ≤ 0.03). */
  uncertainOnClean: number;
  failures: string[];
  /** Median check time per file. */
  msPerFile: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/**
 * Generated cases are kept in node_modules/.cache, under a hash of the generator's own source: drawing a 400-DPI
 * page costs about as much as checking it, and the same seed always draws the same bytes. Editing the generator (or
 * its random source) starts a fresh cache. `SEAL_EVAL_CACHE=0` draws every case anew.
 */
const cacheDir = (() => {
  const h = createHash('sha256');
  for (const f of [path.join(here, 'generate.ts'), path.join(root, 'test/fixtures/rng.ts')]) h.update(readFileSync(f));
  return path.join(root, 'node_modules/.cache/seal-eval', h.digest('hex').slice(0, 16));
})();

async function cachedCase(cls: EvalClass, seed: number): Promise<EvalCase> {
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

/** Seed of case `i` of class `c` in split `seed`: disjoint between splits. */
const caseSeed = (seed: number, c: number, i: number) => seed * 1_000_003 + c * 10_007 + i * 101;

export async function evaluate(seed: number, perClass: number): Promise<EvalReport> {
  const matrix = Object.fromEntries(EVAL_CLASSES.map((c) => [c, Object.fromEntries(STATUSES.map((s) => [s, 0]))])) as EvalReport['matrix'];
  const failures: string[] = [];
  const times: number[] = [];
  let right = 0;
  let ridingAll = 0;
  let ridingOk = 0;
  const only = process.env.SEAL_EVAL_CLASSES?.split(',');
  for (const [ci, cls] of EVAL_CLASSES.entries()) {
    if (only && !only.includes(cls)) continue;
    for (let i = 0; i < perClass; i++) {
      const c = await cachedCase(cls, caseSeed(seed, ci, i));
      const t0 = performance.now();
      const r = await checkPdfInNode(c.bytes, { fileName: `${cls}-${i}.pdf` });
      times.push(performance.now() - t0);
      matrix[cls][r.status]++;
      if (r.status === c.status) right++;
      else failures.push(`${cls} #${i} (seed ${c.seed}; ${c.params}): ${r.status} — ${r.reason.en}`);
      if (c.ridingPages.length) {
        ridingAll++;
        const found = new Set(r.seals.filter((s) => s.kind === 'riding').map((s) => s.page));
        if (c.ridingPages.every((p) => found.has(p))) ridingOk++;
        else
          failures.push(`${cls} #${i} (seed ${c.seed}): riding strips found on [${[...found].join(',')}] of [${c.ridingPages.join(',')}]`);
      }
    }
  }
  const count = (classes: EvalClass[], status: PdfStatus) => classes.reduce((n, c) => n + matrix[c][status], 0);
  const sealedClasses: EvalClass[] = ['sealed', 'sealed-edge', 'riding'];
  times.sort((a, b) => a - b);
  return {
    seed,
    perClass,
    matrix,
    accuracy: right / (perClass * EVAL_CLASSES.length),
    falseSealed: count(['unsealed', 'distractor', 'grayscale'], 'sealed'),
    sealedFound: count(sealedClasses, 'sealed') / (perClass * sealedClasses.length),
    ridingFound: ridingAll ? ridingOk / ridingAll : 1,
    uncertainOnClean: matrix.unsealed.uncertain / perClass,
    failures,
    msPerFile: times[times.length >> 1] ?? 0,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The report as printed lines: matrix, accuracy and the targets. */
export function formatReport(r: EvalReport, label: string): string[] {
  const head = ['class \\ verdict', ...STATUSES];
  const rows = EVAL_CLASSES.map((c) => [c, ...STATUSES.map((s) => String(r.matrix[c][s]))]);
  const widths = head.map((_, i) => [head, ...rows].reduce((w, row) => Math.max(w, row[i]!.length), 0));
  const line = (row: string[]) => row.map((x, i) => x.padEnd(widths[i]!)).join(' | ');
  return [
    `seal evaluation, ${label}: seed ${r.seed}, ${r.perClass} files per class, median ${Math.round(r.msPerFile)} ms per file`,
    line(head),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(line),
    `overall accuracy ${pct(r.accuracy)}`,
    `unsealed/distractor called sealed: ${r.falseSealed} (target 0)`,
    `sealed found: ${pct(r.sealedFound)} (target ≥ 97 %)`,
    `riding seals found on every page: ${pct(r.ridingFound)} (target ≥ 95 %)`,
    `uncertain on clean unsealed scans: ${pct(r.uncertainOnClean)} (target ≤ 3 %)`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href || process.argv[1]?.endsWith('evaluate.ts')) {
  const seed = Number(process.argv[2] ?? TUNE_SEED);
  const perClass = Number(process.argv[3] ?? 12);
  const r = await evaluate(seed, perClass);
  for (const l of formatReport(r, seed === HELD_OUT_SEED ? 'held-out' : 'tune')) console.log(l);
  if (process.env.SEAL_EVAL_FAILURES) for (const f of r.failures) console.log('  ✗ ' + f);
}
