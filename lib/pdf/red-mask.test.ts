import { describe, expect, it } from 'vitest';
import { inkGrid, isSealInk } from './red-mask';

describe('isSealInk', () => {
  it.each([
    ['seal red', [215, 30, 40], true],
    ['dark red', [160, 20, 30], true],
    ['faded pink', [236, 140, 150], true],
    ['pink-ish', [236, 110, 135], true],
    ['orange-ish', [232, 100, 40], true],
    ['red under JPEG noise', [205, 52, 60], true],
    ['black text', [20, 20, 20], false],
    ['grey', [128, 128, 128], false],
    ['paper tint', [248, 244, 232], false],
    ['very faint pink', [245, 225, 225], false],
    ['yellow', [230, 200, 40], false],
    ['blue ink', [30, 40, 200], false],
    ['purple', [150, 40, 200], false],
    ['red printed over black', [60, 10, 12], false],
  ] as const)('%s %j → %s', (_name, [r, g, b], expected) => {
    expect(isSealInk(r, g, b)).toBe(expected);
  });
});

describe('inkGrid', () => {
  it('marks cells holding seal ink and measures colour and marks', () => {
    const w = 8;
    const h = 4;
    const px = new Uint8ClampedArray(w * h * 4).fill(255);
    const set = (x: number, y: number, rgb: [number, number, number]) => px.set([...rgb, 255], (y * w + x) * 4);
    set(1, 1, [215, 30, 40]);
    set(6, 2, [20, 20, 20]);
    const { grid, stats } = inkGrid(px, w, h, 2, 1);
    expect([grid.cols, grid.rows]).toEqual([4, 2]);
    expect([...grid.cells]).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(stats.inkPixels).toBe(1);
    expect(stats.chromaticFraction).toBeCloseTo(1 / 32);
    expect(stats.markedFraction).toBeCloseTo(2 / 32);
  });
});
