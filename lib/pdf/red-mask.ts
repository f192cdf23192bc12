/**
 * Seal-ink colour: red in a broad sense. Official seals are stamped with red ink that scans as anything from deep red
 * to faded pink or orange-ish; JPEG adds chroma noise. Thresholds are in HSV: hue within [-HUE_PINK, HUE_ORANGE]
 * degrees of pure red, enough saturation to exclude paper tint and grey text, enough value to exclude black text
 * (red ink printed over black toner reads as black and is simply lost — the ring test tolerates gaps).
 */
export const SEAL_INK = {
  /** Degrees below 360 still counted (pink/magenta-ish red). */
  hueBelow: 35,
  /** Degrees above 0 still counted (orange-ish red). */
  hueAbove: 32,
  minSaturation: 0.14,
  minValue: 0.35,
  /** r must exceed both g and b (white-balanced to the paper) by at least this much (0–255): kills faint JPEG fringes. */
  minRedExcess: 20,
} as const;

/** Whether one RGB pixel looks like seal ink. */
export function isSealInk(r: number, g: number, b: number): boolean {
  const max = r > g ? (r > b ? r : b) : g > b ? g : b;
  if (max !== r) return false;
  const min = g < b ? g : b;
  const delta = max - min;
  if (max < SEAL_INK.minValue * 255 || delta < SEAL_INK.minSaturation * max) return false;
  if (r - g < SEAL_INK.minRedExcess || r - b < SEAL_INK.minRedExcess) return false;
  // Hue of a red-max pixel: 60 * (g - b) / delta, in (-60, 60).
  const hue = (60 * (g - b)) / delta;
  return hue >= -SEAL_INK.hueBelow && hue <= SEAL_INK.hueAbove;
}

/** A coarse binary grid: cell (cx, cy) is set when enough seal-ink pixels fall in its `cell × cell` block. */
export interface InkGrid {
  cols: number;
  rows: number;
  /** Cell size in pixels of the source image. */
  cell: number;
  /** 1 where the cell holds seal ink. */
  cells: Uint8Array;
  /** Number of seal-ink pixels in each cell. */
  counts: Uint16Array;
}

export interface PixelStats {
  /** Pixels whose channels differ by more than a few levels (any colour at all). */
  chromaticFraction: number;
  /** Pixels darker than paper (text, lines, stamps): tells a blank page from a grayscale scan. */
  markedFraction: number;
  inkPixels: number;
}

/**
 * The paper's colour: the mean of the bright pixels of a sparse sample (most of a page is paper). White when the page
 * has too few bright pixels to tell.
 */
export function paperColour(px: Uint8Array, width: number, height: number): [number, number, number] {
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  const step = 4 * 61;
  for (let p = 0; p < width * height * 4; p += step) {
    if (px[p]! > 190 && px[p + 1]! > 190 && px[p + 2]! > 170) {
      r += px[p]!;
      g += px[p + 1]!;
      b += px[p + 2]!;
      n++;
    }
  }
  if (n < 50) return [255, 255, 255];
  return [r / n, g / n, b / n];
}

/** Seal-ink value floor as an integer test on the red channel (r ≥ this). */
const MIN_RED = Math.ceil(SEAL_INK.minValue * 255);

/**
 * One pass over an RGBA buffer: seal-ink grid plus colour statistics (to recognise grayscale scans).
 * `cell` pixels per grid cell; a cell counts as ink with at least `minPerCell` ink pixels (JPEG speckle rejection).
 *
 * This runs on every rendered page (~0.5 MP each): the loop reads plain bytes, rejects grey pixels with two
 * differences, and tests seal ink inline in integers (same answers as `isSealInk`, tested against it).
 */
export function inkGrid(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  cell = 2,
  minPerCell = 1,
): { grid: InkGrid; stats: PixelStats } {
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const counts = new Uint16Array(cols * rows);
  const px = rgba instanceof Uint8Array ? rgba : new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length);
  const minExcess = SEAL_INK.minRedExcess;
  const hueBelow = SEAL_INK.hueBelow;
  const hueAbove = SEAL_INK.hueAbove;
  const minSat = SEAL_INK.minSaturation;
  // White balance against the paper: a cream or grey sheet shifts every pixel, and a faded seal differs from its
  // paper by less than from pure white. Green and blue are scaled so the paper reads neutral (fixed point, /256).
  const paper = paperColour(px, width, height);
  const kg = Math.round((paper[0] / Math.max(1, paper[1])) * 256);
  const kb = Math.round((paper[0] / Math.max(1, paper[2])) * 256);
  let chromatic = 0;
  let ink = 0;
  let marked = 0;
  for (let y = 0; y < height; y++) {
    const rowBase = ((y / cell) | 0) * cols;
    const start = y * width * 4;
    const end = start + width * 4;
    for (let p = start; p < end; p += 4) {
      const r = px[p]!;
      const g0 = px[p + 1]!;
      const b0 = px[p + 2]!;
      if (g0 < 160) marked++;
      if (g0 - r > 6 || r - g0 > 6 || g0 - b0 > 6 || b0 - g0 > 6) {
        chromatic++;
        const g = (g0 * kg) >> 8;
        const b = (b0 * kb) >> 8;
        const dr = r - g;
        const db = g - b;
        // isSealInk, inline: red well above g and b (so the maximum), bright and saturated enough, hue near red.
        if (dr >= minExcess && r - b >= minExcess && r >= MIN_RED) {
          const delta = r - (g < b ? g : b);
          const h60 = 60 * db;
          if (delta >= minSat * r && h60 >= -hueBelow * delta && h60 <= hueAbove * delta) {
            counts[rowBase + ((((p - start) >> 2) / cell) | 0)]!++;
            ink++;
          }
        }
      }
    }
  }
  const cells = new Uint8Array(cols * rows);
  for (let i = 0; i < cells.length; i++) cells[i] = counts[i]! >= minPerCell ? 1 : 0;
  return {
    grid: { cols, rows, cell, cells, counts },
    stats: {
      chromaticFraction: chromatic / Math.max(1, width * height),
      markedFraction: marked / Math.max(1, width * height),
      inkPixels: ink,
    },
  };
}

/**
 * Grey marks of seal-ink weight on a page without colour (a grayscale scan): red ink scans as a middle grey, lighter
 * than black text and darker than paper. A seal-shaped mark in this grid is why a grayscale page is `uncertain`; a
 * grayscale page without one is simply unsealed.
 */
export function greyInkGrid(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, cell = 2): InkGrid {
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const counts = new Uint16Array(cols * rows);
  for (let y = 0; y < height; y++) {
    const rowBase = ((y / cell) | 0) * cols;
    for (let x = 0; x < width; x++) {
      const g = rgba[(y * width + x) * 4 + 1]!;
      if (g >= GREY_INK.min && g <= GREY_INK.max) counts[rowBase + ((x / cell) | 0)]!++;
    }
  }
  const cells = new Uint8Array(cols * rows);
  const need = Math.max(1, Math.round((cell * cell) / 2));
  for (let i = 0; i < cells.length; i++) cells[i] = counts[i]! >= need ? 1 : 0;
  return { cols, rows, cell, cells, counts };
}

/** Grey levels (0–255) that red seal ink takes in a grayscale scan, fresh to faded. */
const GREY_INK = { min: 70, max: 185 } as const;

/**
 * Colours no seal ink takes: saturated (channel spread ≥ 48 levels and a quarter of the brightest channel) with a hue
 * outside magenta-red through orange (below −75° or above 50°): green, blue, purple, yellow. A blue-ink signature across
 * a seal covers little of it; a colour photo fills its area.
 */
function foreignColour(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const delta = max - min;
  if (delta < 48 || delta < max / 4) return false;
  if (max !== r) return true;
  const hue = (60 * (g - b)) / delta;
  return hue < -75 || hue > 50;
}

/**
 * Share of the pixels in `box` (rendered page pixels, every second row and column) in colours no seal ink takes. A seal
 * is stamped on paper, over black print and perhaps a signature; a red ring inside a colour photo is part of the photo.
 */
function foreignColourShare(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  box: { x: number; y: number; width: number; height: number },
): number {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(width, Math.ceil(box.x + box.width));
  const y1 = Math.min(height, Math.ceil(box.y + box.height));
  let n = 0;
  let foreign = 0;
  for (let y = y0; y < y1; y += 2) {
    for (let x = x0; x < x1; x += 2) {
      const p = (y * width + x) * 4;
      n++;
      if (foreignColour(rgba[p]!, rgba[p + 1]!, rgba[p + 2]!)) foreign++;
    }
  }
  return n ? foreign / n : 0;
}

/** Most of a seal's box that foreign colours may cover: a signature across it, the edge of a photo it was stamped beside. */
const MAX_FOREIGN = 0.22;

/** Whether a seal candidate lies on paper (with print and signatures), not inside a colour photo or logo. */
export function stampedOnPaper(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  box: { x: number; y: number; width: number; height: number },
): boolean {
  return foreignColourShare(rgba, width, height, box) <= MAX_FOREIGN;
}
