import type { FieldResult, FillReport } from './types';

/** Rank of a result when frames disagree: a frame that filled the field wins over one that did not find it. */
const RANK = (r: FieldResult) =>
  r.status === 'filled' ? 4 : r.status === 'failed' ? 3 : r.reason === 'notFound' || r.reason === 'noRow' ? 1 : 2;

/** One report for a whole tab from the reports of its frames: per field path, the most informative result. */
export function mergeReports(reports: FillReport[]): FillReport {
  const best = new Map<string, FieldResult>();
  const order: string[] = [];
  for (const rep of reports)
    for (const r of rep.results) {
      const prev = best.get(r.path);
      if (!prev) order.push(r.path);
      if (!prev || RANK(r) > RANK(prev)) best.set(r.path, r);
    }
  const results = order.map((p) => best.get(p)!);
  const count = (s: FieldResult['status']) => results.filter((r) => r.status === s).length;
  return {
    url: reports.find((r) => r.url)?.url ?? reports[0]?.url ?? '',
    frameUrl: '',
    results,
    filled: count('filled'),
    skipped: count('skipped'),
    failed: count('failed'),
    ms: reports.reduce((s, r) => s + r.ms, 0),
  };
}
