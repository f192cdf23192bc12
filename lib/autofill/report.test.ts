import { describe, expect, it } from 'vitest';
import { mergeReports } from './report';
import type { FieldResult, FillReport } from './types';

const r = (path: string, status: FieldResult['status'], reason: FieldResult['reason']): FieldResult => ({
  path,
  label: path,
  status,
  reason,
  value: 'v',
});
const rep = (results: FieldResult[], url = ''): FillReport => ({ url, frameUrl: url, results, filled: 0, skipped: 0, failed: 0, ms: 1 });

describe('mergeReports', () => {
  it('keeps the most informative result per field across frames', () => {
    const m = mergeReports([
      rep([r('a', 'skipped', 'notFound'), r('b', 'skipped', 'notFound'), r('c', 'skipped', 'notFound')], 'http://x/'),
      rep([r('a', 'filled', 'ok'), r('b', 'failed', 'noOption'), r('c', 'skipped', 'notFound')]),
    ]);
    expect(m.results.map((x) => [x.path, x.status, x.reason])).toEqual([
      ['a', 'filled', 'ok'],
      ['b', 'failed', 'noOption'],
      ['c', 'skipped', 'notFound'],
    ]);
    expect([m.filled, m.failed, m.skipped, m.url, m.ms]).toEqual([1, 1, 1, 'http://x/', 2]);
  });

  it('prefers a reasoned skip (read-only) over not found', () => {
    const m = mergeReports([rep([r('a', 'skipped', 'notFound')]), rep([r('a', 'skipped', 'readonly')])]);
    expect(m.results[0]!.reason).toBe('readonly');
  });
});
