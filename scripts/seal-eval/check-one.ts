/**
 * One case of the seal evaluation, in its own process: `evaluate.ts` starts this once per file so that the canvas
 * buffers of drawing and rendering (napi memory outside the JS heap, which `--max-old-space-size` does not cap) are
 * all given back when the process ends. Prints one JSON line (`CaseOutcome`) on stdout.
 *
 *   node --import jiti/register scripts/seal-eval/check-one.ts <class> <case seed>
 */
import { checkPdfInNode } from '../../lib/pdf/node';
import { cachedCase, type CaseOutcome } from './cache';
import type { EvalClass } from './generate';

const [cls, seedArg] = process.argv.slice(2) as [EvalClass, string];
const c = await cachedCase(cls, Number(seedArg));
const t0 = performance.now();
const r = await checkPdfInNode(c.bytes, { fileName: `${cls}-${c.seed}.pdf` });
const out: CaseOutcome = {
  expected: c.status,
  status: r.status,
  reason: r.reason.en,
  params: c.params,
  seed: c.seed,
  ridingPages: c.ridingPages,
  ridingFound: [...new Set(r.seals.filter((s) => s.kind === 'riding').map((s) => s.page))],
  ms: performance.now() - t0,
};
process.stdout.write(JSON.stringify(out) + '\n');
