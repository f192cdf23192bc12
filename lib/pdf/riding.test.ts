import { describe, expect, it } from 'vitest';
import { findRidingSeals } from './riding';
import type { EdgeCandidate } from './seal-shape';

/** A slice on an A4 page: `size` relative to the short side, so 0.707 × size of the page height. */
const slice = (edge: 'left' | 'right', centre: number, size = 0.17): EdgeCandidate => ({
  box: { x: 0, y: 0, width: 10, height: 50 },
  edge,
  centre,
  top: centre - (size * 0.707) / 2,
  bottom: centre + (size * 0.707) / 2,
  size,
});

describe('findRidingSeals', () => {
  it.each([
    [
      'three pages, same height, right edge',
      [
        [1, [slice('right', 0.5)]],
        [2, [slice('right', 0.51)]],
        [3, [slice('right', 0.5)]],
      ],
      [1, 2, 3],
    ],
    [
      'a lone slice is a seal cut by the scan border, not a riding seal',
      [
        [1, [slice('right', 0.5)]],
        [2, []],
      ],
      [],
    ],
    [
      'slices at different heights do not match',
      [
        [1, [slice('right', 0.3)]],
        [2, [slice('right', 0.6)]],
      ],
      [],
    ],
    [
      'different edges do not match',
      [
        [1, [slice('left', 0.5)]],
        [2, [slice('right', 0.5)]],
      ],
      [],
    ],
    [
      'non-consecutive pages do not match',
      [
        [1, [slice('right', 0.5)]],
        [3, [slice('right', 0.5)]],
      ],
      [],
    ],
    [
      'very different sizes do not match',
      [
        [1, [slice('right', 0.5, 0.1)]],
        [2, [slice('right', 0.5, 0.3)]],
      ],
      [],
    ],
    [
      'left edge, two pages',
      [
        [4, [slice('left', 0.2)]],
        [5, [slice('left', 0.22)]],
      ],
      [4, 5],
    ],
  ] as const)('%s', (_name, pages, expected) => {
    const input = pages.map(([page, edges]) => ({ page, edges: [...edges] }));
    expect(findRidingSeals(input).map((r) => r.page)).toEqual(expected);
  });

  it('grows more confident with more pages', () => {
    const two = findRidingSeals([1, 2].map((page) => ({ page, edges: [slice('right', 0.5)] })));
    const four = findRidingSeals([1, 2, 3, 4].map((page) => ({ page, edges: [slice('right', 0.5)] })));
    expect(four[0]!.confidence).toBeGreaterThan(two[0]!.confidence);
  });
});
