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
  minSaturation: 0.2,
  minValue: 0.35,
  /** r must exceed both g and b by at least this much (0–255): kills faint JPEG fringes. */
  minRedExcess: 28,
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
  let chromatic = 0;
  let ink = 0;
  let marked = 0;
  for (let y = 0; y < height; y++) {
    const rowBase = ((y / cell) | 0) * cols;
    const start = y * width * 4;
    const end = start + width * 4;
    for (let p = start; p < end; p += 4) {
      const r = px[p]!;
      const g = px[p + 1]!;
      const b = px[p + 2]!;
      if (g < 160) marked++;
      const dr = r - g;
      const db = g - b;
      if (dr > 6 || dr < -6 || db > 6 || db < -6) {
        chromatic++;
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
