import { describe, expect, it } from 'vitest';
import { MATCH_THRESHOLD, matchControls, type Matchable } from './match';
import type { FieldHint, LabelSource } from '../page/types';

const hint = (path: string, names: string[], codes: string[] = []): FieldHint => {
  const group = /^(\w+)\[\]\./.exec(path)?.[1];
  return { path, key: path.split('.').pop()!, label: names[0]!, names, codes, type: 'text', ...(group ? { group } : {}) };
};

const hints = [
  hint('contactPhone', ['联系电话'], ['lxdh']),
  hint('filler', ['填表人'], ['tbr']),
  hint('schools[].schoolName', ['学校名称'], ['xxmc']),
  hint('schools[].contactPhone', ['联系电话'], ['lxdh']),
];

type Control = Matchable & { id: string };
const control = (id: string, label: string, source: LabelSource, extra: Partial<Matchable> = {}): Control => ({
  id,
  labels: label ? [{ text: label, source }] : [],
  code: { key: '' },
  ...extra,
});
const paths = (controls: Control[], skip?: Set<string>) => matchControls(controls, hints, skip).map((a) => [a.control.id, a.path, a.via]);

describe('matchControls', () => {
  it('gives a path to the best evidence first, then to document order among equals', () => {
    const controls = [
      control('placeholder', '填表人', 'placeholder'),
      control('label', '填表人', 'label-for'),
      control('second', '填表人', 'label-for'),
    ];
    expect(paths(controls)).toEqual([['label', 'filler', 'label-for']]);
  });

  it('puts controls under a column header into their row, and a control outside the table to the top-level field', () => {
    const controls = [
      control('phone', '联系电话', 'cell-left'),
      control('r0', '联系电话', 'column-header', { row: { index: 0 } }),
      control('r1', '联系电话', 'column-header', { row: { index: 1 } }),
    ];
    expect(paths(controls)).toEqual([
      ['r0', 'schools[0].contactPhone', 'column-header'],
      ['r1', 'schools[1].contactPhone', 'column-header'],
      ['phone', 'contactPhone', 'cell-left'],
    ]);
  });

  it('numbers a block repeated per school in document order, after the rows a name index already claimed', () => {
    const controls = [
      control('a', '学校名称', 'cell-left'),
      control('indexed', '', 'cell-left', { code: { key: 'xxmc', index: 0 } }),
      control('b', '学校名称', 'cell-left'),
    ];
    expect(paths(controls)).toEqual([
      ['indexed', 'schools[0].schoolName', 'code'],
      ['a', 'schools[1].schoolName', 'cell-left'],
      ['b', 'schools[2].schoolName', 'cell-left'],
    ]);
  });

  it('never assigns a path in `skip` (filled by an adapter or in another frame)', () => {
    const controls = [control('r0', '学校名称', 'column-header', { row: { index: 0 } }), control('top', '填表人', 'label-for')];
    expect(paths(controls, new Set(['schools[0].schoolName', 'filler']))).toEqual([]);
    const block = [control('a', '学校名称', 'cell-left'), control('b', '学校名称', 'cell-left')];
    expect(paths(block, new Set(['schools[0].schoolName']))).toEqual([
      ['a', 'schools[1].schoolName', 'cell-left'],
      ['b', 'schools[2].schoolName', 'cell-left'],
    ]);
  });

  it('leaves a control unmatched below the threshold rather than guessing', () => {
    // `电话` inside `联系电话` scores 0.55 + 0.35 × 2/4 = 0.725 as a title (× 0.75): 0.54, under the threshold.
    const weak = control('weak', '电话', 'title');
    expect(0.75 * (0.55 + 0.35 * 0.5)).toBeLessThan(MATCH_THRESHOLD);
    expect(paths([weak])).toEqual([]);
    expect(paths([control('strong', '电话', 'label-for')])).toEqual([['strong', 'contactPhone', 'label-for']]);
  });
});
