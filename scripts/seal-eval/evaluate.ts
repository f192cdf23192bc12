/**
 * The seal-check evaluation (issue 15): generates `perClass` cases of every class with one seed, runs the same check
 * as the extension on each, and prints a confusion matrix per class (rows: true class, columns: verdicts), overall
 * accuracy and the targets. Seed 1 is the tune part, seed 2 the held-out part.
 *
 *   prlimit --as=6000000000 nice -n 10 npx jiti scripts/seal-eval/evaluate.ts [seed] [perClass]   (also `npm run bench -- pdf`)
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfStatus } from '../../lib/pdf/types';
import { root, type CaseOutcome } from './cache';
import { EVAL_CLASSES, type EvalClass } from './generate';

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

/**
 * Memory is bounded per file: every case is generated and checked in its own child process (`check-one.ts`), which
 * gives all canvas buffers back when it ends — napi canvas memory lives outside the JS heap, so neither GC pressure nor
 * `--max-old-space-size` bounds it in one long process (an in-process run at 16 files per class once reached 20 GB).
 * `SEAL_EVAL_JOBS` children run at once (default 1). Still run the whole evaluation under an external cap, e.g.
 * `prlimit --as=6000000000 nice -n 10 npx jiti scripts/seal-eval/evaluate.ts 1 16`.
 */
const CHILD_TIMEOUT_MS = 600_000;
const CHILD_HEAP_MB = 1024;

function checkInChild(cls: EvalClass, seed: number): Promise<CaseOutcome | { error: string }> {
  const args = [
    `--max-old-space-size=${CHILD_HEAP_MB}`,
    '--import',
    pathToFileURL(path.join(root, 'node_modules/jiti/lib/jiti-register.mjs')).href,
    path.join(root, 'scripts/seal-eval/check-one.ts'),
    cls,
    String(seed),
  ];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: CHILD_TIMEOUT_MS, maxBuffer: 1 << 20, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        if (!err) return resolve(JSON.parse(line) as CaseOutcome);
      } catch {
        /* reported below */
      }
      resolve({ error: (err?.message ?? 'no result') + ' ' + stderr.trim().split('\n').slice(-3).join(' | ') });
    });
  });
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
  const jobs: Array<{ cls: EvalClass; i: number; seed: number }> = [];
  for (const [ci, cls] of EVAL_CLASSES.entries()) {
    if (only && !only.includes(cls)) continue;
    for (let i = 0; i < perClass; i++) jobs.push({ cls, i, seed: caseSeed(seed, ci, i) });
  }
  const outcomes: Array<CaseOutcome | { error: string }> = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const k = next++;
      outcomes[k] = await checkInChild(jobs[k]!.cls, jobs[k]!.seed);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(process.env.SEAL_EVAL_JOBS ?? 1)) }, worker));
  for (const [k, { cls, i, seed: s }] of jobs.entries()) {
    const o = outcomes[k]!;
    if ('error' in o) {
      matrix[cls].error++;
      failures.push(`${cls} #${i} (seed ${s}): the check's process failed — ${o.error}`);
      if (cls === 'riding' || cls === 'riding-only') ridingAll++;
      continue;
    }
    times.push(o.ms);
    matrix[cls][o.status]++;
    if (o.status === o.expected) right++;
    else failures.push(`${cls} #${i} (seed ${o.seed}; ${o.params}): ${o.status} — ${o.reason}`);
    if (o.ridingPages.length) {
      ridingAll++;
      const found = new Set(o.ridingFound);
      if (o.ridingPages.every((p) => found.has(p))) ridingOk++;
      else failures.push(`${cls} #${i} (seed ${o.seed}): riding strips found on [${[...found].join(',')}] of [${o.ridingPages.join(',')}]`);
    }
  }
  const count = (classes: EvalClass[], status: PdfStatus) => classes.reduce((n, c) => n + matrix[c][status], 0);
  const sealedClasses: EvalClass[] = ['sealed', 'sealed-edge', 'riding'];
  times.sort((a, b) => a - b);
  return {
    seed,
    perClass,
    matrix,
    accuracy: right / Math.max(1, jobs.length),
    falseSealed: count(['unsealed', 'distractor', 'grayscale'], 'sealed'),
    sealedFound: count(sealedClasses, 'sealed') / Math.max(1, jobs.filter((j) => sealedClasses.includes(j.cls)).length),
    ridingFound: ridingAll ? ridingOk / ridingAll : 1,
    uncertainOnClean: matrix.unsealed.uncertain / Math.max(1, jobs.filter((j) => j.cls === 'unsealed').length),
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
