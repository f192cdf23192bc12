import { describe, expect, it } from 'vitest';
import { mergeReports, shownDate, shownMatches } from './report';
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

describe('shownDate', () => {
  it.each([
    ['2024-08-05', { y: 2024, m: 8, d: 5 }],
    ['2024/8/5', { y: 2024, m: 8, d: 5 }],
    ['2024.08.05', { y: 2024, m: 8, d: 5 }],
    ['2024年08月05日', { y: 2024, m: 8, d: 5 }],
    ['２０２４年８月５日', { y: 2024, m: 8, d: 5 }],
    ['20240805', { y: 2024, m: 8, d: 5 }],
    ['2024-08-05 00:00:00', { y: 2024, m: 8, d: 5 }],
    ['2024-08', { y: 2024, m: 8 }],
    ['2024年8月', { y: 2024, m: 8 }],
    ['202408', { y: 2024, m: 8 }],
  ])('%s', (text, want) => expect(shownDate(text)).toEqual(want));

  it.each(['', '45473', '2024-13', '2024-02-30', '请选择日期', '0571-87054321'])('%s is no date', (text) =>
    expect(shownDate(text)).toBeUndefined(),
  );
});

describe('shownMatches: the read-back against the draft, as the user sees it', () => {
  const date = { type: 'date' };
  const stage = {
    type: 'select',
    options: [
      { value: 'GZ', texts: ['GZ', '高中', 'Senior high'] },
      { value: 'CZ', texts: ['CZ', '初中', 'Junior high'] },
    ],
  };
  const nature = { type: 'select', options: [{ value: '公办', texts: ['公办', 'Public', '公立'] }] };
  const subject = { type: 'select', options: [{ value: '07', texts: ['07', '理学'] }] };

  it.each([
    ['2024-08-05', '2024-08-05', date],
    ['2024/08/05', '2024-08-05', date],
    ['2024年08月05日', '2024-08-05', date],
    ['20240805', '2024-08-05', date],
    ['2024-08', '2024-08-05', date],
    ['高中', 'GZ', stage],
    ['GZ', 'GZ', stage],
    ['Senior high', 'GZ', stage],
    ['公立', '公办', nature],
    ['是', '1', undefined],
    ['否', 'N', undefined],
    ['已备案', '是', { type: 'select' }],
    ['已获得', '是', { type: 'select' }],
    ['0702 物理学', '物理学', undefined],
    ['未获得', '否', { type: 'select' }],
    ['√', 'Y', { type: 'select' }],
    ['浙江省 / 杭州市 / 滨江区', '杭州市', undefined],
    ['浙江省/杭州市/滨江区', '滨江区', undefined],
    ['王晓明', ' 王 晓明 ', undefined],
    ['ＡＢＣ１２３', 'abc123', undefined],
    ['0571 87054321', '0571-87054321', { type: 'phone' }],
    ['86', '８６', { type: 'integer' }],
    ['1,200', '1200', undefined],
  ])('%s shows %s', (shown, value, hint) => expect(shownMatches(shown, value, hint)).toBe(true));

  it.each([
    ['', '2024-08-05', date],
    ['2024-08-06', '2024-08-05', date],
    ['2024-07', '2024-08-05', date],
    ['请选择日期', '2024-08-05', date],
    ['初中', 'GZ', stage],
    ['', 'GZ', stage],
    ['管理学', '07', subject],
    ['心理学', '理学', undefined],
    ['0708 地球物理学', '物理学', undefined],
    ['否', '是', undefined],
    ['未备案', '是', { type: 'select' }],
    ['13857100001', '0571-87054321', { type: 'phone' }],
    ['0571-8705432', '0571-87054321', { type: 'phone' }],
    ['浙江省 / 杭州市', '滨江区', undefined],
    ['王晓', '王晓明', undefined],
    ['未获得', '是', { type: 'select' }],
  ])('%s does not show %s', (shown, value, hint) => expect(shownMatches(shown, value, hint)).toBe(false));

  it('an option extending the wanted text holds the value for option fields or the option the driver picked', () => {
    expect(shownMatches('公办学校', '公办', nature)).toBe(true);
    expect(shownMatches('公办学校', '公办', { type: 'select' }, '公办学校')).toBe(true);
    expect(shownMatches('公办学校', '公办', { type: 'select' })).toBe(false);
    expect(shownMatches('民办学校', '公办', { type: 'select' }, '公办学校')).toBe(false);
    expect(shownMatches('管理学', '07', subject, '管理学')).toBe(false);
    expect(shownMatches('王晓明', '王晓', { type: 'text' })).toBe(false);
  });
});

describe('mergeReports: missing rows', () => {
  it('a frame whose rows are missing says more than one without the table', () => {
    const m = mergeReports([rep([r('s[4].a', 'skipped', 'notFound')]), rep([r('s[4].a', 'skipped', 'rowNotAdded')])]);
    expect(m.results[0]!.reason).toBe('rowNotAdded');
  });
});
