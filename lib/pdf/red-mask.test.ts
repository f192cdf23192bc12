import { describe, expect, it } from 'vitest';
import { greyInkGrid, inkGrid, isSealInk, stampedOnPaper } from './red-mask';

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

describe('inkGrid fast path', () => {
  /** The plain per-pixel definition the fast loop must match: isSealInk on every pixel, counts per cell. */
  function reference(px: Uint8Array, w: number, h: number, cell: number) {
    const cols = Math.ceil(w / cell);
    const counts = new Array<number>(cols * Math.ceil(h / cell)).fill(0);
    let chromatic = 0;
    let marked = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const [r, g, b] = [px[(y * w + x) * 4]!, px[(y * w + x) * 4 + 1]!, px[(y * w + x) * 4 + 2]!];
        if (g < 160) marked++;
        if (Math.abs(r - g) > 6 || Math.abs(g - b) > 6) chromatic++;
        if (isSealInk(r, g, b)) counts[Math.floor(y / cell) * cols + Math.floor(x / cell)]!++;
      }
    }
    return { counts, chromatic, marked };
  }

  it.each([
    ['aligned, cell 2', 0, 37, 23, 2],
    ['unaligned buffer, cell 3', 1, 31, 17, 3],
  ] as const)('%s: same cells and statistics as isSealInk per pixel', (_name, offset, w, h, cell) => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const backing = new Uint8Array(w * h * 4 + offset);
    const px = backing.subarray(offset);
    for (let i = 0; i < w * h; i++) {
      // Mostly reddish pixels around every threshold, some grey and paper.
      const r = Math.round(60 + rnd() * 195);
      const k = rnd();
      const g = k < 0.2 ? r : Math.round(rnd() * r);
      const b = k < 0.2 ? Math.min(255, r + Math.round(rnd() * 8)) : Math.round(rnd() * r);
      px.set([r, g, b, 255], i * 4);
    }
    const ref = reference(px, w, h, cell);
    const { grid, stats } = inkGrid(px, w, h, cell, 1);
    expect([...grid.counts]).toEqual(ref.counts);
    expect(ref.counts.some((n) => n > 0) && ref.counts.some((n) => n === 0)).toBe(true);
    expect(stats.inkPixels).toBe(ref.counts.reduce((a, n) => a + n, 0));
    expect(stats.chromaticFraction).toBeCloseTo(ref.chromatic / (w * h), 12);
    expect(stats.markedFraction).toBeCloseTo(ref.marked / (w * h), 12);
  });
});

describe('paper-adaptive ink (issue 15)', () => {
  const fill = (w: number, h: number, paper: number[], ink: number[], inkFrom: number) => {
    const px = new Uint8Array(w * h * 4);
    for (let i = 0; i < w * h; i++) px.set([...(i >= inkFrom ? ink : paper), 255], i * 4);
    return px;
  };
  it('counts a faded seal on cream paper as ink, and the cream paper itself not', () => {
    const paper = [252, 240, 222];
    const faded = [236, 190, 182];
    const { stats } = inkGrid(fill(100, 100, paper, faded, 9000), 100, 100, 2, 1);
    expect(stats.inkPixels).toBe(1000);
    expect(inkGrid(fill(100, 100, paper, paper, 0), 100, 100, 2, 1).stats.inkPixels).toBe(0);
  });
  it('finds a grey mark of seal-ink weight on a grayscale page', () => {
    const g = greyInkGrid(fill(10, 10, [250, 250, 250], [120, 120, 120], 50), 10, 10, 2);
    expect(g.cells.reduce((a, b) => a + b, 0)).toBe(15);
  });
});

describe('stampedOnPaper (issue 15)', () => {
  /** A 40×40 page of `paper` with a red ring, and `other` painted where `at` says. */
  function page(other: [number, number, number], at: (x: number, y: number) => boolean): Uint8ClampedArray {
    const px = new Uint8ClampedArray(40 * 40 * 4);
    for (let y = 0; y < 40; y++)
      for (let x = 0; x < 40; x++) {
        const d = Math.hypot(x - 20, y - 20);
        const rgb = d > 15 && d < 18 ? [210, 40, 50] : at(x, y) ? other : [250, 248, 240];
        px.set([...rgb, 255], (y * 40 + x) * 4);
      }
    return px;
  }
  const box = { x: 0, y: 0, width: 40, height: 40 };

  it('keeps a seal on paper, with black print and a blue signature across it', () => {
    expect(
      stampedOnPaper(
        page([20, 20, 20], (x, y) => y % 6 === 0),
        40,
        40,
        box,
      ),
    ).toBe(true);
    expect(
      stampedOnPaper(
        page([30, 50, 190], (x, y) => Math.abs(y - 22 - Math.round(3 * Math.sin(x / 3))) <= 1),
        40,
        40,
        box,
      ),
    ).toBe(true);
  });

  it('drops a red ring inside a colour photo (green, purple fields)', () => {
    expect(
      stampedOnPaper(
        page([60, 160, 90], (x) => x < 25),
        40,
        40,
        box,
      ),
    ).toBe(false);
    expect(
      stampedOnPaper(
        page([120, 40, 150], () => true),
        40,
        40,
        box,
      ),
    ).toBe(false);
  });
});
