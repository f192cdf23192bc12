import { describe, expect, it } from 'vitest';
import type { InkGrid } from './red-mask';
import { findSealShapes, GREY_SEAL_SHAPE, sealConfidence, withoutLongLines } from './seal-shape';

/** A 300×420-cell page (A4 at 72 DPI, 2-px cells would be 298×421) painted by a predicate. */
function page(paint: (x: number, y: number) => boolean, cols = 300, rows = 420): InkGrid {
  const cells = new Uint8Array(cols * rows);
  for (let y = 0; y < rows; y++) for (let x = 0; x < cols; x++) cells[y * cols + x] = paint(x, y) ? 1 : 0;
  return { cols, rows, cell: 2, cells, counts: new Uint16Array(cells) };
}

const ring =
  (cx: number, cy: number, rx: number, ry: number, t = 3) =>
  (x: number, y: number) => {
    const d = Math.hypot((x - cx) / rx, (y - cy) / ry);
    return d <= 1 && d >= 1 - t / Math.min(rx, ry);
  };
const star = (cx: number, cy: number, r: number) => (x: number, y: number) => Math.abs(x - cx) + Math.abs(y - cy) < r;
const or =
  (...fs: Array<(x: number, y: number) => boolean>) =>
  (x: number, y: number) =>
    fs.some((f) => f(x, y));

describe('findSealShapes', () => {
  it.each([
    ['round seal with a star', or(ring(150, 300, 30, 30), star(150, 300, 8)), 1],
    ['oval seal with a line of text', or(ring(150, 300, 36, 25), (x, y) => Math.abs(y - 312) <= 1 && Math.abs(x - 150) < 15), 1],
    [
      'ring with a 70° gap (faded ink)',
      or(
        (x: number, y: number) => ring(150, 300, 30, 30)(x, y) && !(x > 150 && y > 300 && Math.atan2(y - 300, x - 150) < 1.2),
        star(150, 300, 8),
      ),
      1,
    ],
    ['hand-drawn loop with nothing inside it', ring(150, 300, 36, 28), 0],
    [
      // A red blob of a colour photo (or a tick) reaching just inside one side of a loop is no seal's arc text or star.
      'hand-drawn loop with one blob inside one side',
      or(ring(150, 300, 36, 28), (x: number, y: number) => Math.hypot(x - 150, y - 285) < 5),
      0,
    ],
    [
      'rounded square stamp with a word inside',
      or(
        (x: number, y: number) => {
          const dx = Math.max(0, Math.abs(x - 150) - 18);
          const dy = Math.max(0, Math.abs(y - 300) - 18);
          const d = Math.hypot(dx, dy);
          return d <= 12 && d >= 9;
        },
        (x, y) => Math.abs(y - 300) <= 2 && Math.abs(x - 150) < 16,
      ),
      0,
    ],
    ['filled red disc (logo)', (x: number, y: number) => Math.hypot(x - 150, y - 300) < 30, 0],
    [
      'square frame',
      (x: number, y: number) => x >= 120 && x <= 180 && y >= 270 && y <= 330 && (x < 123 || x > 177 || y < 273 || y > 327),
      0,
    ],
    ['wide red letterhead band', (x: number, y: number) => x > 30 && x < 270 && y > 20 && y < 45 && x % 12 < 9, 0],
    ['red line', (x: number, y: number) => y === 200 || y === 201, 0],
    ['tiny ring (below seal size)', ring(150, 300, 8, 8, 2), 0],
    ['huge ring (page border-like circle)', ring(150, 210, 140, 140), 0],
  ])('%s → %i seal(s)', (_name, paint, count) => {
    expect(findSealShapes(page(paint)).seals).toHaveLength(count);
  });

  it('reports a slice cut by the right edge as an edge candidate, not a seal', () => {
    const r = findSealShapes(page(ring(300 + 30 - 14, 200, 30, 30)));
    expect(r.seals).toHaveLength(0);
    expect(r.edges).toHaveLength(1);
    expect(r.edges[0]!.edge).toBe('right');
    expect(r.edges[0]!.centre).toBeCloseTo(200 / 420, 1);
  });

  it('finds a seal crossed by long red lines (a rule through it, a margin line)', () => {
    const r = findSealShapes(
      page(
        or(
          ring(150, 300, 30, 30),
          star(150, 300, 8),
          (x, y) => x === 20 && y > 20 && y < 400,
          (x, y) => y === 290 && x > 20 && x < 280,
        ),
      ),
    );
    expect(r.seals).toHaveLength(1);
    const clean = findSealShapes(page(or(ring(150, 330, 30, 30), star(150, 330, 8), (x, y) => x === 20 && y > 20 && y < 400)));
    expect(clean.seals).toHaveLength(1);
    expect(clean.seals[0]!.box).toEqual({ x: 240, y: 600, width: 122, height: 122 });
  });
});

describe('seals cut by the page border and riding-seal strips (issue 15)', () => {
  it.each([
    ['a third off the left edge', or(ring(20, 300, 30, 30), star(20, 300, 8)), 'left'],
    ['a third off the right edge', or(ring(280, 300, 30, 30), star(280, 300, 8)), 'right'],
    ['a third off the bottom', or(ring(150, 400, 30, 30), star(150, 400, 8)), 'bottom'],
    ['a third off the top', or(ring(150, 10, 30, 30), star(150, 10, 8)), 'top'],
  ])('a seal %s is a seal, not a strip', (_name, paint) => {
    const r = findSealShapes(page(paint));
    expect(r.seals).toHaveLength(1);
    expect(r.edges).toHaveLength(0);
    // The box stays on the page.
    expect(r.seals[0]!.box.x).toBeGreaterThanOrEqual(0);
    expect(r.seals[0]!.box.x + r.seals[0]!.box.width).toBeLessThanOrEqual(600);
  });

  it.each([
    // An oval lying flat, 45 % of its height off the bottom: flatter than half a round seal.
    ['an oval (0.7:1) 45 % off the bottom', or(ring(150, 410, 34, 24), (x, y) => Math.abs(y - 402) <= 1 && Math.abs(x - 150) < 15)],
    // An oval wider than tall, a sixth of it off the right edge: wider than high even though it is cut.
    ['a flat oval a sixth off the right edge', or(ring(282, 300, 36, 25), (x, y) => Math.abs(y - 308) <= 1 && Math.abs(x - 282) < 15)],
  ])('finds %s', (_name, paint) => {
    expect(findSealShapes(page(paint)).seals).toHaveLength(1);
  });

  it('does not take a red band at the top border (a letterhead cut by the scan) for a seal', () => {
    expect(findSealShapes(page((x, y) => x > 40 && x < 260 && y < 14 && x % 12 < 9)).seals).toHaveLength(0);
  });

  it('finds a seal 45 % off the left edge (it may also be offered as a riding strip: the matcher decides)', () => {
    const r = findSealShapes(page(or(ring(3, 300, 30, 30), star(3, 300, 8), (x, y) => Math.abs(y - 282) <= 1 && x < 20)));
    expect(r.seals).toHaveLength(1);
    expect(r.seals[0]!.box.x).toBe(0);
  });

  it('groups the pieces of a narrow strip (ring arcs apart, star between) into one strip centred on the seal', () => {
    // The right-most eighth of a seal of radius 30 centred 8 cells outside the page: two arcs and a bit of star.
    const r = findSealShapes(page(or(ring(300 + 22, 200, 30, 30), star(300 + 22, 200, 30))));
    expect(r.seals).toHaveLength(0);
    expect(r.edges).toHaveLength(1);
    expect(r.edges[0]!.centre).toBeCloseTo(200 / 420, 2);
  });

  it('does not take a filled half disc at the edge for a seal', () => {
    expect(findSealShapes(page((x, y) => Math.hypot(x - 290, y - 200) < 30)).seals).toHaveLength(0);
  });

  it('finds a middle strip (two arcs a seal apart) crossed by a slightly turned red margin rule', () => {
    // The middle third of a seal of radius 30 at the left border, and a rule from top to bottom drifting 6 columns.
    const strip = (x: number, y: number) => x < 20 && ring(10, 200, 30, 30)(x, y);
    const rule = (x: number, y: number) => y > 30 && y < 390 && x === 14 + Math.floor((y - 30) / 60);
    const r = findSealShapes(page(or(strip, rule)));
    expect(r.edges.some((e) => e.edge === 'left' && Math.abs(e.centre - 200 / 420) < 0.02 && e.size > 0.15)).toBe(true);
  });
});

describe('withoutLongLines (issue 15)', () => {
  it('takes out a slightly turned red rule with its fringe, and keeps a ring it crosses', () => {
    const rule = (x: number, y: number) => y === 100 + Math.floor(x / 40) || (y === 101 + Math.floor(x / 40) && x % 7 === 0);
    const grid = page(or(rule, ring(150, 104, 30, 30)));
    const out = withoutLongLines(grid, 126);
    const at = (x: number, y: number) => out.cells[y * out.cols + x];
    // Far from the ring, the rule is gone.
    expect(at(20, 100)).toBe(0);
    expect(at(280, 107)).toBe(0);
    // Where the ring's sides cross it, the rule's cells are kept, so the ring stays whole.
    expect(at(120, 103) || at(121, 103)).toBe(1);
    expect(at(180, 104) || at(179, 104)).toBe(1);
    // The ring's top and bottom are untouched.
    expect(at(150, 74) || at(150, 75)).toBe(1);
  });

  it('leaves a page with only short marks as it is', () => {
    const grid = page(or(ring(150, 300, 30, 30), star(150, 300, 8)));
    expect(withoutLongLines(grid, 126)).toBe(grid);
  });
});

describe('grey marks on a grayscale scan (GREY_SEAL_SHAPE)', () => {
  // Measures of marks found on grayscale scans of the tune part: a seal over the signing text, and the outline of a
  // few table cells (rulings with text inside) that reaches into its box's corners.
  const greySeal = { size: 0.28, aspect: 1.4, ringCoverage: 0.72, innerInk: 0.75, cornerInk: 0.07, innerFill: 0.17, fill: 0.15 };
  const tableCells = { size: 0.26, aspect: 0.66, ringCoverage: 0.75, innerInk: 1, cornerInk: 0.22, innerFill: 0.27, fill: 0.26 };

  it('keeps a seal-shaped grey mark whose corners are empty', () => {
    expect(sealConfidence(greySeal, GREY_SEAL_SHAPE)).toBeGreaterThan(0);
  });

  it('drops an outline of table cells that reaches into its corners (a red one would still be judged by the colour limits)', () => {
    expect(sealConfidence(tableCells, GREY_SEAL_SHAPE)).toBe(0);
    expect(sealConfidence({ ...tableCells, cornerInk: 0.11 }, GREY_SEAL_SHAPE)).toBe(0);
    expect(sealConfidence(tableCells)).toBeGreaterThan(0);
  });

  it('drops a grey ring smaller than any seal stamped over print (a number column of a table)', () => {
    const numberCells = { size: 0.094, aspect: 1, ringCoverage: 0.68, innerInk: 0.47, cornerInk: 0.05, innerFill: 0.07, fill: 0.16 };
    expect(sealConfidence(numberCells, GREY_SEAL_SHAPE)).toBe(0);
    expect(sealConfidence(numberCells)).toBeGreaterThan(0);
  });
});
