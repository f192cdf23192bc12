/** One row of `npm run bench`: a median, the baseline measured in the same run, and the target. */
export interface BenchRow {
  name: string;
  medianMs: number;
  /** What medianMs and baselineMs count when not milliseconds (a size bench reports KB). */
  unit?: 'KB';
  /** What the ratio is against, e.g. "querySelectorAll + attributes". */
  baselineName: string;
  baselineMs: number;
  /** Human-readable targets, e.g. "≤ 30 ms, ≤ 4×". */
  target: string;
  /** Whether the measured numbers meet the target. */
  ok: boolean;
  /** Extra figures (sizes, memory), printed under the table. */
  notes?: string[];
}

export type BenchSuite = () => Promise<BenchRow[]>;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Run `fn` `runs` times after `warmup` unmeasured runs; returns the median in ms. */
export async function measure(fn: () => unknown, runs = 7, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
