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
 * Share of the longer slice's height that its neighbour must overlap: one seal's chords share their middle, and a cap
 * (the outermost slice of eight) is still two thirds the height of the slice next to it.
 */
const MIN_OVERLAP = 0.5;

/**
 * Whether two slices on neighbouring pages can be parts of one seal: about the same height on the page (every chord of
 * a circle is centred on its centre line) and overlapping along the edge.
 */
function continues(a: EdgeCandidate, b: EdgeCandidate): boolean {
  if (Math.abs(a.centre - b.centre) > MAX_SHIFT) return false;
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap >= MIN_OVERLAP * Math.max(a.bottom - a.top, b.bottom - b.top);
}

/**
 * 骑缝章: one seal stamped across the fanned edges of consecutive pages leaves a partial mark at the same edge and
 * height on each of them. Each page may offer several candidate slices (pieces at its border grouped in every
 * seal-sized way); the longest chains of consecutive pages whose slices line up are the riding seals, one slice per
 * page, the best-centred ones first. A lone slice on one page is not enough (a seal merely cut by the scan border
 * looks the same).
 */
export function findRidingSeals(pages: ReadonlyArray<{ page: number; edges: readonly EdgeCandidate[] }>): RidingSlice[] {
  const sorted = [...pages].sort((a, b) => a.page - b.page);
  const out: RidingSlice[] = [];
  for (const edge of ['left', 'right'] as const) {
    // chain[k][c]: length of the best chain ending at candidate c of sorted page k, and where it came from.
    const cands = sorted.map((p) => p.edges.filter((e) => e.edge === edge));
    const chain = cands.map((cs) => cs.map(() => ({ len: 1, shift: 0, from: -1 })));
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k]!.page !== sorted[k - 1]!.page + 1) continue;
      for (const [ci, c] of cands[k]!.entries()) {
        for (const [pi, p] of cands[k - 1]!.entries()) {
          if (!continues(p, c)) continue;
          const prev = chain[k - 1]![pi]!;
          const shift = prev.shift + Math.abs(p.centre - c.centre);
          const best = chain[k]![ci]!;
          if (prev.len + 1 > best.len || (prev.len + 1 === best.len && shift < best.shift))
            chain[k]![ci] = { len: prev.len + 1, shift, from: pi };
        }
      }
    }
    // Take the longest chains first; a page gives at most one slice per edge.
    const used = new Set<number>();
    const ends = chain
      .flatMap((cs, k) => cs.map((c, ci) => ({ k, ci, ...c })))
      .filter((e) => e.len >= 2)
      .sort((a, b) => b.len - a.len || a.shift - b.shift);
    for (const end of ends) {
      const members: Array<{ k: number; ci: number }> = [];
      for (let k = end.k, ci = end.ci; ci >= 0; ci = chain[k]![ci]!.from, k--) members.push({ k, ci });
      if (members.some((m) => used.has(m.k))) continue;
      const confidence = Math.min(0.95, 0.6 + 0.1 * (members.length - 1));
      for (const m of members) {
        used.add(m.k);
        out.push({ page: sorted[m.k]!.page, slice: cands[m.k]![m.ci]!, confidence });
      }
    }
  }
  return out.sort((a, b) => a.page - b.page);
}
