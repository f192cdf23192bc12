import type { InkGrid } from './red-mask';

/** A rectangle in pixels of the rendered page (origin top-left). */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ShapeMetrics {
  /** Larger side of the box relative to the page's shorter side. */
  size: number;
  /** width / height. */
  aspect: number;
  /** Share of 72 directions from the centre in which ink lies on the outer band (0.72–1.08 of the radius). */
  ringCoverage: number;
  /** Share of ink cells inside 0.6 of the radius (a filled disc or logo is near 1, a seal's star and text far less). */
  innerFill: number;
  /** Ink cells over the ellipse area. */
  fill: number;
  /**
   * Share of the directions with ring ink that also hold ink well inside the ring (the arc text, the star, the bottom
   * line): a seal is inked inside, a hand-drawn loop or a circle around a word is not.
   */
  innerInk: number;
  /**
   * Share of directions with ink in the box's corners well beyond the inscribed ellipse (CORNER_FROM of its radius): a
   * rounded rectangle's corners (~40 %), never a seal's ring, even an oval turned 45° in its box (≤ 20 %).
   */
  cornerInk: number;
}

export interface SealCandidate {
  box: PixelBox;
  metrics: ShapeMetrics;
  confidence: number;
}

export interface EdgeCandidate {
  box: PixelBox;
  edge: 'left' | 'right';
  /** Centre, top and bottom of the slice along the edge, relative to the page height (0 top, 1 bottom). */
  centre: number;
  top: number;
  bottom: number;
  /** Slice height relative to the page's shorter side. */
  size: number;
}

/**
 * Shape limits of an official seal on a page. A government seal is about 4.2 cm round (4.2–6 cm allowed), oval finance
 * and contract seals are up to ~1.6:1; an A4 page is 21 cm across, so a seal spans roughly 0.14–0.3 of the short side.
 * The range is widened for scans printed smaller or larger than life.
 */
export const SEAL_SHAPE = {
  minSize: 0.09,
  maxSize: 0.42,
  minAspect: 0.6,
  maxAspect: 1.67,
  minRingCoverage: 0.6,
  maxInnerFill: 0.45,
  maxFill: 0.6,
  /**
   * Seals are inked inside the ring (arc text, star, a line of text); a hand-drawn loop is not, and a loop with one
   * blob reaching in from a side (a colour photo's red patch, a tick) is seen inked from a few directions only. Tune
   * part of the evaluation: seals 0.22–1 (48 files of every sealed class), such a loop 0.11 — it was called sealed.
   */
  minInnerInk: 0.16,
  /** Rectangular stamps (已审核, 受理), rounded or not, reach into the corners of their box. */
  maxCornerInk: 0.25,
} as const;

export type SealShapeLimits = { readonly [K in keyof typeof SEAL_SHAPE]: number };

/**
 * Limits for grey marks on a grayscale scan. There, black print is in the same grid as the seal would be (its blurred
 * edges fall in the seal-ink greys), and a table's cell rulings with text inside can draw a ring-like outline. Such an
 * outline reaches into the corners of its box (rulings meet there); a seal's ellipse leaves them empty, whatever print
 * it is stamped over. And a grey seal merges with the print it is stamped on, so it is never smaller than a real seal
 * (≥ 0.12 of the short side; a number column's cells are ~0.09). On the tune part, seal-shaped grey marks reached at
 * most 7 % of the corner directions and were ≥ 0.2 of the short side; table outlines reached 11–22 %. Inner ink keeps
 * the lower limit: this path only ever says uncertain, and a grey seal's arc text merges with the print under it.
 */
export const GREY_SEAL_SHAPE: SealShapeLimits = { ...SEAL_SHAPE, minSize: 0.12, maxCornerInk: 0.09, minInnerInk: 0.08 };

/** Share of a seal's ring that must lie on the page for a seal cut by the page border to count. */
const MIN_VISIBLE = 0.5;
/** Ink inside the ring counts from this far in (share of the radius) … */
const INNER_MIN = 0.1;
/** … and only when this much (share of the radius) of paper lies between it and the ring's outer edge. */
const INNER_GAP = 0.2;
/** Ink counts as in the box's corner from this far out (share of the inscribed ellipse's radius). */
const CORNER_FROM = 1.12;
/** A mark at the left/right border at least this wide for its height (half a seal, or a little less) may be a seal cut by it. */
const MIN_CUT_WIDTH = 0.5;
/** At the top/bottom border, where no riding seal lies, a flatter mark may be one too: less than half of an oval lying flat. */
const MIN_CUT_HEIGHT = 0.3;
/**
 * Shapes a seal cut by the border may have had whole: its extent across the border this many times its extent along
 * it, from an oval lying flat through a round seal to an oval standing up (within SEAL_SHAPE's aspect range).
 */
const WHOLE_ASPECTS = [0.68, 0.8, 0.9, 1, 1.12, 1.25, 1.45] as const;

/**
 * The boxes a mark cut by the page border on `side` may have had whole, reaching past the border with at most half of
 * it off the page (and MIN_VISIBLE of its ring on the page, as `measure` checks), and the mark itself when it is as
 * wide across the border as a flat oval: a seal barely cut, or an oval wider than high.
 */
function uncut(c: Cluster, side: 'left' | 'right' | 'top' | 'bottom'): Cluster[] {
  const horizontal = side === 'left' || side === 'right';
  const across = horizontal ? c.x1 - c.x0 + 1 : c.y1 - c.y0 + 1;
  const along = horizontal ? c.y1 - c.y0 + 1 : c.x1 - c.x0 + 1;
  const out: Cluster[] = [];
  for (const k of WHOLE_ASPECTS) {
    const whole = Math.round(along * k);
    if (whole <= across || whole > 2 * across) continue;
    if (side === 'left') out.push({ ...c, x0: c.x1 - whole + 1 });
    else if (side === 'right') out.push({ ...c, x1: c.x0 + whole - 1 });
    else if (side === 'top') out.push({ ...c, y0: c.y1 - whole + 1 });
    else out.push({ ...c, y1: c.y0 + whole - 1 });
  }
  if (across >= along * WHOLE_ASPECTS[0]) out.push(c);
  return out;
}

interface Cluster {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  n: number;
}

/** Connected components of ink cells, bridging one-cell gaps (5×5 neighbourhood), as bounding boxes with cell counts. */
export function components(grid: InkGrid): Cluster[] {
  const { cols, rows, cells } = grid;
  const seen = new Uint8Array(cells.length);
  const out: Cluster[] = [];
  const stack: number[] = [];
  for (let start = 0; start < cells.length; start++) {
    if (!cells[start] || seen[start]) continue;
    seen[start] = 1;
    stack.push(start);
    const c: Cluster = { x0: cols, y0: rows, x1: -1, y1: -1, n: 0 };
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % cols;
      const y = (i / cols) | 0;
      c.n++;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      for (let dy = -2; dy <= 2; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= rows) continue;
        for (let dx = -2; dx <= 2; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= cols) continue;
          const j = yy * cols + xx;
          if (cells[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    out.push(c);
  }
  return out;
}

/** Merge components whose boxes overlap (a seal's ring, star and arc text are separate strokes). */
export function mergeOverlapping(list: Cluster[], margin: number): Cluster[] {
  let cur = list.filter((c) => c.n >= 3).sort((a, b) => (b.x1 - b.x0) * (b.y1 - b.y0) - (a.x1 - a.x0) * (a.y1 - a.y0));
  let changed = true;
  while (changed) {
    changed = false;
    const next: Cluster[] = [];
    for (const c of cur) {
      const host = next.find((h) => c.x0 <= h.x1 + margin && c.x1 >= h.x0 - margin && c.y0 <= h.y1 + margin && c.y1 >= h.y0 - margin);
      if (host) {
        host.x0 = Math.min(host.x0, c.x0);
        host.y0 = Math.min(host.y0, c.y0);
        host.x1 = Math.max(host.x1, c.x1);
        host.y1 = Math.max(host.y1, c.y1);
        host.n += c.n;
        changed = true;
      } else next.push({ ...c });
    }
    cur = next;
  }
  return cur;
}

function at(grid: InkGrid, x: number, y: number): number {
  const xi = Math.round(x);
  const yi = Math.round(y);
  if (xi < 0 || yi < 0 || xi >= grid.cols || yi >= grid.rows) return 0;
  return grid.cells[yi * grid.cols + xi]!;
}

/** Ring, fill and size measures of the ink inside a cluster's box. */
export function measure(grid: InkGrid, c: Cluster): ShapeMetrics {
  const w = c.x1 - c.x0 + 1;
  const h = c.y1 - c.y0 + 1;
  const cx = (c.x0 + c.x1) / 2;
  const cy = (c.y0 + c.y1) / 2;
  const rx = w / 2;
  const ry = h / 2;
  const steps = 72;
  let hits = 0;
  let inside = 0;
  let corner = 0;
  const rStep = 0.5 / Math.max(rx, ry);
  let visible = 0;
  for (let k = 0; k < steps; k++) {
    const a = (k / steps) * 2 * Math.PI;
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    // A seal cut by the page border: directions whose ring lies off the page are not counted either way.
    const ox = cx + 0.9 * rx * cos;
    const oy = cy + 0.9 * ry * sin;
    if (ox < 0 || oy < 0 || ox > grid.cols - 1 || oy > grid.rows - 1) continue;
    visible++;
    // Ink in the box's corner beyond the ellipse: a rectangle's corner (rounded or not), which no seal reaches.
    const edge = 1 / Math.max(Math.abs(cos), Math.abs(sin));
    for (let r = CORNER_FROM; r <= edge; r += rStep) {
      if (at(grid, cx + r * rx * cos, cy + r * ry * sin)) {
        corner++;
        break;
      }
    }
    // From the outside in: the ring's outer edge, then any ink clearly inside it (a gap of INNER_GAP of the radius).
    let ring = 0;
    for (let r = 1.08; r >= INNER_MIN; r -= rStep) {
      if (!at(grid, cx + r * rx * cos, cy + r * ry * sin)) continue;
      if (!ring) {
        if (r < 0.72) break;
        ring = r;
        hits++;
      } else if (r < ring - INNER_GAP) {
        inside++;
        break;
      }
    }
  }
  let inner = 0;
  let innerAll = 0;
  let total = 0;
  let area = 0;
  for (let y = Math.max(0, c.y0); y <= Math.min(grid.rows - 1, c.y1); y++) {
    for (let x = Math.max(0, c.x0); x <= Math.min(grid.cols - 1, c.x1); x++) {
      const nx = (x - cx) / rx;
      const ny = (y - cy) / ry;
      const d2 = nx * nx + ny * ny;
      const v = grid.cells[y * grid.cols + x]!;
      total += v;
      if (d2 <= 1) area++;
      if (d2 < 0.36) {
        innerAll++;
        inner += v;
      }
    }
  }
  const short = Math.min(grid.cols, grid.rows);
  return {
    size: Math.max(w, h) / short,
    aspect: w / h,
    ringCoverage: visible >= steps * MIN_VISIBLE ? hits / visible : 0,
    innerInk: hits ? inside / hits : 0,
    cornerInk: visible ? corner / visible : 0,
    innerFill: innerAll ? inner / innerAll : 0,
    fill: total / Math.max(1, area),
  };
}

function toPixels(grid: InkGrid, c: Cluster): PixelBox {
  return { x: c.x0 * grid.cell, y: c.y0 * grid.cell, width: (c.x1 - c.x0 + 1) * grid.cell, height: (c.y1 - c.y0 + 1) * grid.cell };
}

/** Whether a measured shape is a seal, and how confidently (0 when not). */
export function sealConfidence(m: ShapeMetrics, s: SealShapeLimits = SEAL_SHAPE): number {
  if (m.size < s.minSize || m.size > s.maxSize) return 0;
  if (m.aspect < s.minAspect || m.aspect > s.maxAspect) return 0;
  if (m.ringCoverage < s.minRingCoverage || m.innerFill > s.maxInnerFill || m.fill > s.maxFill) return 0;
  if (m.innerInk < s.minInnerInk || m.cornerInk > s.maxCornerInk) return 0;
  const ring = Math.min(1, (m.ringCoverage - s.minRingCoverage) / (0.95 - s.minRingCoverage));
  const roundness = 1 - Math.min(1, Math.abs(Math.log(m.aspect)) / Math.log(s.maxAspect));
  return Math.round((0.5 + 0.35 * ring + 0.14 * roundness) * 100) / 100;
}

/** Ink in the corners of the box: an ellipse leaves them empty, a rectangle (frame, table border) does not. */
function inkedCorners(grid: InkGrid, c: Cluster): number {
  const w = c.x1 - c.x0 + 1;
  const h = c.y1 - c.y0 + 1;
  const k = Math.max(1, Math.round(Math.min(w, h) * 0.1));
  let corners = 0;
  for (const [x0, y0] of [
    [c.x0, c.y0],
    [c.x1 - k + 1, c.y0],
    [c.x0, c.y1 - k + 1],
    [c.x1 - k + 1, c.y1 - k + 1],
  ] as const) {
    let ink = 0;
    for (let y = y0; y < y0 + k; y++) for (let x = x0; x < x0 + k; x++) ink += grid.cells[y * grid.cols + x] ?? 0;
    if (ink >= Math.max(2, k)) corners++;
  }
  return corners;
}

/** A component together with every component lying inside its box (a ring with its star and arc text). */
function withContained(c: Cluster, all: readonly Cluster[], margin: number): Cluster {
  const out = { ...c };
  for (const o of all) {
    if (o === c) continue;
    if (o.x0 >= c.x0 - margin && o.x1 <= c.x1 + margin && o.y0 >= c.y0 - margin && o.y1 <= c.y1 + margin) out.n += o.n;
  }
  return out;
}

function clip(grid: InkGrid, b: PixelBox): PixelBox {
  const x = Math.max(0, b.x);
  const y = Math.max(0, b.y);
  return { x, y, width: Math.min(grid.cols * grid.cell, b.x + b.width) - x, height: Math.min(grid.rows * grid.cell, b.y + b.height) - y };
}

/**
 * Lengths of the longest ink paths through each cell that step one cell along `main` and at most one across per step
 * (a line turned a few degrees drifts across columns): `a` from the start side, `b` from the end side.
 */
function pathLengths(cells: Uint8Array, width: number, rows: number, vertical: boolean): { a: Uint16Array; b: Uint16Array } {
  const a = new Uint16Array(cells.length);
  const b = new Uint16Array(cells.length);
  const [along, across] = vertical ? [rows, width] : [width, rows];
  const at = (i: number, j: number) => (vertical ? i * width + j : j * width + i);
  for (const [out, from, to, step] of [
    [a, 0, along, 1],
    [b, along - 1, -1, -1],
  ] as const) {
    for (let i = from; i !== to; i += step) {
      for (let j = 0; j < across; j++) {
        const k = at(i, j);
        if (!cells[k]) continue;
        let best = 0;
        const p = i - step;
        if (p >= 0 && p < along) for (let d = -1; d <= 1; d++) if (j + d >= 0 && j + d < across) best = Math.max(best, out[at(p, j + d)]!);
        out[k] = best + 1;
      }
    }
  }
  return { a, b };
}

/** Steepest tilt of a page's lines against its axes (a scan turned ±3° and skewed ±1.5°, with room to spare): ~5°. */
const MAX_LINE_SLOPE = 0.09;
/** Breaks in a line (black text printed over it, a JPEG speck) bridged when following it, in cells. */
const LINE_GAP = 2;

/**
 * Marks (in `mark`) the ink of near-horizontal straight lines at least `maxRun` cells long in a `width`-wide grid,
 * tilted up to MAX_LINE_SLOPE, with the cells above and below them (a line's blurred fringe). Lines are followed on
 * sampled straight paths whose slopes differ by one cell over `maxRun`, so a tilted line is never lost between two of
 * them. Bands of rows whose ink spans fewer than `maxRun` columns (a seal, text) are skipped unread.
 */
function markStraightLines(cells: Uint8Array, width: number, height: number, maxRun: number, mark: Uint8Array): void {
  const drift = Math.ceil(MAX_LINE_SLOPE * width);
  const slopes = Math.ceil(MAX_LINE_SLOPE * maxRun);
  // Columns holding ink in the band of rows a line from row j0 can cross, kept as the band slides down: a band whose
  // ink covers fewer than `maxRun` columns (a seal, a word, specks) holds no line and is skipped unread.
  const perColumn = new Int32Array(width);
  let covered = 0;
  const slide = (y: number, by: number) => {
    if (y < 0 || y >= height) return;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (!cells[row + x]) continue;
      const before = perColumn[x]!;
      perColumn[x] = before + by;
      if (before === 0) covered++;
      else if (before + by === 0) covered--;
    }
  };
  for (let j0 = -drift; j0 < height + drift; j0++) {
    slide(j0 + drift, 1);
    slide(j0 - drift - 1, -1);
    if (covered < maxRun) continue;
    for (let k = -slopes; k <= slopes; k++) {
      const s = k / maxRun;
      let from = -1;
      let last = -1;
      for (let i = 0; i <= width + LINE_GAP + 1; i++) {
        // The two rows the exact path passes between: a one-cell line stepping up every few dozen columns stays on it.
        const j = Math.floor(j0 + s * i);
        const ink =
          i < width &&
          ((j >= 0 && j < height && cells[j * width + i] === 1) || (j + 1 >= 0 && j + 1 < height && cells[(j + 1) * width + i] === 1));
        if (ink && from >= 0 && i - last <= LINE_GAP + 1) {
          last = i;
          continue;
        }
        if (from >= 0 && (ink || i - last > LINE_GAP + 1)) {
          if (last - from + 1 >= maxRun) {
            for (let t = from; t <= last; t++) {
              const jt = Math.round(j0 + s * t);
              for (let d = -1; d <= 1; d++) if (jt + d >= 0 && jt + d < height) mark[(jt + d) * width + t] = 1;
            }
          }
          from = -1;
        }
        if (ink) {
          from = i;
          last = i;
        }
      }
    }
  }
}

function transpose(cells: Uint8Array, cols: number, rows: number): Uint8Array {
  const out = new Uint8Array(cells.length);
  for (let y = 0; y < rows; y++) for (let x = 0; x < cols; x++) out[x * rows + y] = cells[y * cols + x]!;
  return out;
}

/**
 * Whether ink lies on both sides of a removed line at cell (x, y): within LINE_GAP + 1 cells past the line's marked
 * band, across it (`dx`, `dy` one step across). That is a mark crossing the line (a seal's ring), not its fringe.
 */
function crossed(out: Uint8Array, mark: Uint8Array, cols: number, rows: number, x: number, y: number, dx: number, dy: number): boolean {
  for (const sign of [-1, 1]) {
    let xx = x;
    let yy = y;
    while (xx >= 0 && yy >= 0 && xx < cols && yy < rows && mark[yy * cols + xx]) {
      xx += sign * dx;
      yy += sign * dy;
    }
    let ink = false;
    for (let k = 0; k <= LINE_GAP && !ink; k++) {
      const x1 = xx + sign * dx * k;
      const y1 = yy + sign * dy * k;
      ink = x1 >= 0 && y1 >= 0 && x1 < cols && y1 < rows && out[y1 * cols + x1] === 1;
    }
    if (!ink) return false;
  }
  return true;
}

/**
 * The grid without straight lines longer than `maxRun` cells (red rules, a margin line, table borders) and their
 * fringe, except where another mark crosses them. A seal's ring holds no straight path of that length (a chord inside
 * a 3-cell ring of radius 45 is ~33 cells), so it keeps its ink, also where a line runs across it.
 */
export function withoutLongLines(grid: InkGrid, maxRun: number): InkGrid {
  const { cols, rows, cells } = grid;
  const across = new Uint8Array(cells.length);
  const down = new Uint8Array(cells.length);
  markStraightLines(cells, cols, rows, maxRun, across);
  const downT = new Uint8Array(cells.length);
  markStraightLines(transpose(cells, cols, rows), rows, cols, maxRun, downT);
  down.set(transpose(downT, rows, cols));
  let any = false;
  const out = cells.slice();
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] && (across[i] || down[i])) {
      out[i] = 0;
      any = true;
    }
  }
  if (!any) return grid;
  const crossings: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (!cells[i] || out[i]) continue;
    const x = i % cols;
    const y = (i / cols) | 0;
    if (
      (across[i] && !down[i] && crossed(out, across, cols, rows, x, y, 0, 1)) ||
      (down[i] && !across[i] && crossed(out, down, cols, rows, x, y, 1, 0))
    )
      crossings.push(i);
  }
  for (const i of crossings) out[i] = 1;
  return { ...grid, cells: out };
}

/**
 * The ink of the band along one side border, turned so the border is column 0, without the straight lines no strip
 * can hold: near-vertical paths taller than a seal (a red margin rule, even turned a few degrees) and near-horizontal
 * paths from the band's inner side across more than half of it (red rules and table lines). A strip touching such a
 * line would otherwise vanish into it.
 */
function edgeBand(grid: InkGrid, edge: 'left' | 'right', width: number, maxRun: number): InkGrid {
  const { cols, rows } = grid;
  const cells = new Uint8Array(width * rows);
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < width; x++) cells[y * width + x] = grid.cells[y * cols + (edge === 'left' ? x : cols - 1 - x)]!;
  const v = pathLengths(cells, width, rows, true);
  const h = pathLengths(cells, width, rows, false);
  const out = cells.slice();
  for (let i = 0; i < cells.length; i++) {
    if (!cells[i]) continue;
    // `h.b` counts from the band's inner side: a path of that length ending here started at the inner side only if it
    // is as long as the distance to it.
    const x = i % width;
    const fromInner = h.b[i]! >= width - x;
    if (v.a[i]! + v.b[i]! - 1 > maxRun || (fromInner && width - x > width / 2)) out[i] = 0;
  }
  return { cols: width, rows, cell: grid.cell, cells: out, counts: new Uint16Array(0) };
}

/** Pieces closer than this share of the page width to the left/right border count as touching it (blur, a slight turn). */
const EDGE_TOUCH = 0.01;

/**
 * Riding-seal strips: a narrow slice of a seal at the left or right border falls apart into pieces (the ring's top and
 * bottom arcs, bits of the star and text), and in a middle slice the two arcs lie nearly a seal's height apart with
 * nothing touching the border between them. Every run of border-touching pieces whose span is seal-sized and which is
 * narrow and not solid is a candidate: the riding-seal matcher picks, page by page, the ones that line up (a lone page
 * cannot tell a strip from anything else at its border).
 */
function stripsAtEdges(grid: InkGrid, short: number): EdgeCandidate[] {
  const out: EdgeCandidate[] = [];
  const touch = Math.max(1, Math.round(grid.cols * EDGE_TOUCH));
  const maxSpan = short * SEAL_SHAPE.maxSize;
  const bandWidth = Math.min(grid.cols, Math.ceil(maxSpan * 0.6) + 2);
  for (const edge of ['left', 'right'] as const) {
    const band = edgeBand(grid, edge, bandWidth, maxSpan);
    const touching = components(band)
      .filter((c) => c.n >= 3 && c.x0 <= touch && c.x1 < bandWidth - 1)
      .sort((a, b) => a.y0 - b.y0);
    for (let i = 0; i < touching.length; i++) {
      let cur: Cluster = { ...touching[i]! };
      for (let j = i; j < touching.length; j++) {
        const c = touching[j]!;
        if (j > i) cur = { x0: Math.min(cur.x0, c.x0), y0: cur.y0, x1: Math.max(cur.x1, c.x1), y1: Math.max(cur.y1, c.y1), n: cur.n + c.n };
        const w = cur.x1 + 1;
        const h = cur.y1 - cur.y0 + 1;
        if (h > maxSpan) break;
        if (h / short >= SEAL_SHAPE.minSize && w <= 0.6 * h && w >= 2 && cur.n / (w * h) < 0.6) {
          const onPage = edge === 'left' ? { ...cur, x0: 0 } : { ...cur, x0: grid.cols - 1 - cur.x1, x1: grid.cols - 1 };
          out.push({
            box: toPixels(grid, onPage),
            edge,
            centre: (cur.y0 + cur.y1 + 1) / 2 / grid.rows,
            top: cur.y0 / grid.rows,
            bottom: (cur.y1 + 1) / grid.rows,
            size: h / short,
          });
        }
      }
    }
  }
  return out;
}

function overlapShare(a: PixelBox, b: PixelBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.min(a.width * a.height, b.width * b.height);
}

/**
 * Find seal-like shapes and partial seals cut by the left/right page edge (骑缝章 slices) in one page's ink grid.
 * Each component is judged with what lies inside it (so red lines or handwriting elsewhere cannot swallow a seal), and
 * overlapping components are also judged together (a ring broken by black text). Red letterheads and lines fail the
 * aspect test, logos the inner-fill test, frames the corner test, handwriting the ring test.
 */
export function findSealShapes(grid: InkGrid, limits: SealShapeLimits = SEAL_SHAPE): { seals: SealCandidate[]; edges: EdgeCandidate[] } {
  const short = Math.min(grid.cols, grid.rows);
  const margin = Math.max(1, Math.round(short * 0.006));
  const minCells = Math.max(4, Math.round(short * SEAL_SHAPE.minSize));
  // Long straight red lines (rules, a margin line, table borders) are taken out first: a seal stamped over one would
  // otherwise merge with it into one page-wide component and never be judged on its own.
  const lines = withoutLongLines(grid, Math.round(short * SEAL_SHAPE.maxSize));
  const comps = components(lines).filter((c) => c.n >= 3);
  const big = (c: Cluster) => Math.max(c.x1 - c.x0 + 1, c.y1 - c.y0 + 1) >= minCells;
  const groups = comps.filter(big).map((c) => withContained(c, comps, margin));
  for (const m of mergeOverlapping(comps, margin)) {
    if (big(m) && !groups.some((g) => g.x0 === m.x0 && g.y0 === m.y0 && g.x1 === m.x1 && g.y1 === m.y1)) groups.push(m);
  }
  const seals: SealCandidate[] = [];
  const judge = (c: Cluster) => {
    const metrics = measure(lines, c);
    const confidence = inkedCorners(lines, c) >= 2 ? 0 : sealConfidence(metrics, limits);
    if (confidence <= 0) return;
    const box = clip(lines, toPixels(lines, c));
    const same = seals.findIndex((s) => overlapShare(s.box, box) > 0.5);
    if (same < 0) seals.push({ box, metrics, confidence });
    else if (seals[same]!.confidence < confidence) seals[same] = { box, metrics, confidence };
  };
  for (const c of groups) {
    const w = c.x1 - c.x0 + 1;
    const h = c.y1 - c.y0 + 1;
    const atLeft = c.x0 <= 1;
    const atRight = c.x1 >= lines.cols - 2;
    const atTop = c.y0 <= 1;
    const atBottom = c.y1 >= lines.rows - 2;
    if (atLeft !== atRight) {
      // A seal cut by the left/right border (up to half of it gone). Narrower marks are left to the riding-seal
      // matcher, and a strip of a 骑缝章 taken for a cut seal is dropped when the matcher claims it.
      if (w > MIN_CUT_WIDTH * h) for (const whole of uncut(c, atLeft ? 'left' : 'right')) judge(whole);
      continue;
    }
    if (atTop !== atBottom && !atLeft && !atRight && h > MIN_CUT_HEIGHT * w) {
      // Cut by the top/bottom border: no riding seal lies there, so a flatter mark (an oval, or more of the ring gone) counts.
      for (const whole of uncut(c, atTop ? 'top' : 'bottom')) if (whole !== c) judge(whole); // c itself is judged below
    }
    if (atLeft || atRight) continue;
    judge(c);
  }
  return { seals, edges: stripsAtEdges(grid, short) };
}
