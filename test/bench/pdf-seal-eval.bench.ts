/**
 * Seal-check evaluation (issue 15), run by `npm run bench -- pdf`: the generated tune part (seed 1) and held-out part
 * (seed 2), each a confusion matrix per class with overall accuracy and the targets, printed under the table. The row's
 * figures are the median check time per generated file. `SEAL_EVAL_PER_CLASS` sets the files per class (default 8).
 */
import { evaluate, formatReport, HELD_OUT_SEED, TUNE_SEED, type EvalReport } from '../../scripts/seal-eval/evaluate';
import type { BenchRow } from './types';

const meets = (r: EvalReport) => r.falseSealed === 0 && r.sealedFound >= 0.97 && r.ridingFound >= 0.95 && r.uncertainOnClean <= 0.03;

export default async function (): Promise<BenchRow[]> {
  const perClass = Number(process.env.SEAL_EVAL_PER_CLASS ?? 8);
  const tune = await evaluate(TUNE_SEED, perClass);
  const held = await evaluate(HELD_OUT_SEED, perClass);
  return [
    {
      name: 'pdf: seal evaluation, held-out part (ms per file)',
      medianMs: held.msPerFile,
      baselineName: 'tune part',
      baselineMs: tune.msPerFile,
      target: 'accuracy targets of issue 15',
      ok: meets(held),
      notes: [...formatReport(tune, 'tune'), ...formatReport(held, 'held-out')],
    },
  ];
}
