import type { EdgeCandidate } from './seal-shape';

export interface RidingSlice {
  /** 1-based page. */
  page: number;
  slice: EdgeCandidate;
  confidence: number;
}

/** How far apart (share of page height) slices on neighbouring pages may sit and still be one 骑缝章. */
const MAX_SHIFT = 0.06;

/**
 * 骑缝章: one seal stamped across the fanned edges of all pages leaves a slice at the same edge and height on each
 * consecutive page. A lone slice on one page is not enough (a seal merely cut by the scan border looks the same).
 */
export function findRidingSeals(pages: ReadonlyArray<{ page: number; edges: readonly EdgeCandidate[] }>): RidingSlice[] {
  const sorted = [...pages].sort((a, b) => a.page - b.page);
  const out: RidingSlice[] = [];
  for (const edge of ['left', 'right'] as const) {
    let run: Array<{ page: number; slice: EdgeCandidate }> = [];
    const flush = () => {
      if (run.length >= 2) {
        const confidence = Math.min(0.95, 0.6 + 0.1 * (run.length - 1));
        for (const r of run) out.push({ ...r, confidence });
      }
      run = [];
    };
    for (const p of sorted) {
      const prev = run[run.length - 1];
      const candidates = p.edges.filter((e) => e.edge === edge);
      const match =
        prev && prev.page === p.page - 1
          ? candidates.find(
              (e) =>
                Math.abs(e.centre - prev.slice.centre) <= MAX_SHIFT && e.size / prev.slice.size > 0.6 && e.size / prev.slice.size < 1.6,
            )
          : undefined;
      if (match) {
        run.push({ page: p.page, slice: match });
        continue;
      }
      flush();
      const first = candidates[0];
      if (first) run.push({ page: p.page, slice: first });
    }
    flush();
  }
  return out.sort((a, b) => a.page - b.page);
}
