/**
 * Seeded generator of the seal-check evaluation (issue 15): many scanned PDFs per class, each drawn from parameter
 * ranges rather than picked by hand, so that a detector tuned on one seed is measured on documents it has never seen.
 *
 * Every case is a pure function of (class, seed): the same seed gives the same bytes on every machine. The tune part
 * uses seed 1, the held-out part seed 2 (see `evaluate.ts`); nothing in lib/ may be tuned while looking at seed 2.
 *
 * Parameter ranges (all uniform unless said):
 * - ink: HSV hue 330°→360°/0°→22° (magenta-red through red to orange-red), saturation 0.28–0.95 (faded to fresh),
 *   value 0.72–0.97, ink density (alpha) 0.5–1, uneven inking (specks, missing ring sectors up to 30 %);
 * - scan: 100–400 DPI, JPEG quality 20–95, blur 0–1.4 px at 150 DPI, noise 0–10 levels, paper tint (white to cream/grey),
 *   rotation ±3°, skew ±1.5°;
 * - seal: round 3.6–5 cm (one in six oval up to 1.45:1), centred anywhere in the signing block, overlapping black text
 *   and a black/blue signature; `sealed-edge` cuts 20–45 % of the seal off the page;
 * - riding seals: one seal split in strips over 2–8 consecutive pages at the left or right edge, strip order either way,
 *   each sheet turned ±3° and skewed ±1.5° on its own (the strip moves along the edge and tilts; the border cuts it);
 * - distractors: red letterheads (红头) and rules, red emblems, red handwriting (ticks, underlines, a hand-drawn loop,
 *   a red signature), red table lines, rectangular "已审核"/"受理" stamps, colour photos and logos.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import type { PdfStatus } from '../../lib/pdf/types';
import { rng } from '../../test/fixtures/rng';

export const EVAL_CLASSES = [
  'sealed',
  'sealed-edge',
  'riding',
  'riding-only',
  'misplaced',
  'unsealed',
  'distractor',
  'grayscale',
  'grayscale-sealed',
] as const;
export type EvalClass = (typeof EVAL_CLASSES)[number];

export interface EvalCase {
  cls: EvalClass;
  seed: number;
  /** Expected verdict. */
  status: PdfStatus;
  pages: number;
  /** Pages carrying a riding-seal strip. */
  ridingPages: number[];
  /** Short description of the drawn parameters (for a failure listing). */
  params: string;
  bytes: Uint8Array;
}

const A4 = { w: 595.28, h: 841.89 };
const FONT = 'WenQuanYi Micro Hei, DejaVu Sans';
const UNIT_NAME = '河北省教育厅国优计划专用章';
const SCHOOLS = ['石家庄市第一中学', '保定市第二小学', '唐山市实验学校', '邯郸市第四中学', '廊坊市第一小学', '邢台市第一中学', '衡水中学'];

type Rand = () => number;
const between = (r: Rand, a: number, b: number) => a + (b - a) * r();
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;

function hsv(h: number, s: number, v: number): [number, number, number] {
  const f = (n: number) => {
    const k = (n + h / 60) % 6;
    return Math.round(255 * (v - v * s * Math.max(0, Math.min(k, 4 - k, 1))));
  };
  return [f(5), f(3), f(1)];
}
const css = ([r, g, b]: readonly number[], a = 1) => `rgba(${r},${g},${b},${a})`;

export interface InkParams {
  rgb: [number, number, number];
  alpha: number;
}

/** Seal ink from magenta-red to orange-red, fresh to faded. */
function sealInk(r: Rand): InkParams {
  const hue = (between(r, -30, 22) + 360) % 360;
  const faded = chance(r, 0.3);
  const s = faded ? between(r, 0.28, 0.5) : between(r, 0.5, 0.95);
  return { rgb: hsv(hue, s, between(r, 0.72, 0.97)), alpha: faded ? between(r, 0.5, 0.85) : between(r, 0.7, 1) };
}

/** Red of print (letterheads, lines, stamps of other kinds): the same hue range, usually saturated. */
function printRed(r: Rand): [number, number, number] {
  return hsv((between(r, -20, 15) + 360) % 360, between(r, 0.55, 0.95), between(r, 0.7, 0.95));
}

interface SealDraw {
  /** Centre in page pixels. */
  cx: number;
  cy: number;
  /** Horizontal radius in pixels; vertical = rx * oval. */
  rx: number;
  oval: number;
  rotate: number;
  ink: InkParams;
  /** Missing ring sectors (degrees). */
  gaps: Array<[number, number]>;
  specks: number;
  seed: number;
}

function drawStar(ctx: SKRSContext2D, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const rr = i % 2 === 0 ? r : r * 0.38;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    ctx.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
}

/** An official seal: ring, star (round seals) or inner ring (ovals), the unit's name along the arc, a line below. */
function drawSeal(ctx: SKRSContext2D, s: SealDraw): void {
  const r = rng(s.seed);
  const { rx } = s;
  const ry = rx * s.oval;
  ctx.save();
  ctx.translate(s.cx, s.cy);
  ctx.rotate((s.rotate * Math.PI) / 180);
  ctx.globalCompositeOperation = 'multiply';
  ctx.globalAlpha = s.ink.alpha;
  ctx.strokeStyle = ctx.fillStyle = css(s.ink.rgb);
  ctx.lineWidth = rx * between(r, 0.05, 0.085);
  const inGap = (deg: number) => s.gaps.some(([a0, a1]) => deg >= a0 && deg <= a1);
  for (let deg = 0; deg < 360; deg += 4) {
    if (inGap(deg)) continue;
    ctx.beginPath();
    ctx.ellipse(0, 0, rx, ry, 0, (deg * Math.PI) / 180, ((deg + 4.5) * Math.PI) / 180);
    ctx.stroke();
  }
  if (s.oval > 1.05 || s.oval < 0.95) {
    ctx.lineWidth = rx * 0.02;
    ctx.beginPath();
    ctx.ellipse(0, 0, rx * 0.86, ry * 0.86, 0, 0, 2 * Math.PI);
    ctx.stroke();
  } else drawStar(ctx, 0, 0, rx * between(r, 0.26, 0.34));
  ctx.font = `bold ${Math.round(rx * 0.24)}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const name = UNIT_NAME.slice(0, 6 + Math.floor(r() * 8));
  const span = between(r, 1.1, 1.45) * Math.PI;
  for (let i = 0; i < name.length; i++) {
    const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / name.length;
    ctx.save();
    ctx.translate(Math.cos(a) * rx * 0.7, Math.sin(a) * ry * 0.7);
    ctx.rotate(a + Math.PI / 2);
    ctx.fillText(name[i]!, 0, 0);
    ctx.restore();
  }
  ctx.font = `bold ${Math.round(rx * 0.16)}px ${FONT}`;
  ctx.fillText(pick(r, ['业务专用章', '公章', '国优计划', '推荐专用']), 0, ry * 0.55);
  ctx.restore();
  // Uneven ink: paper shows through in specks.
  if (s.specks > 0) {
    ctx.save();
    ctx.fillStyle = 'rgba(255,255,255,0.6)';
    ctx.globalCompositeOperation = 'source-over';
    for (let i = 0; i < s.specks; i++) {
      const a = r() * 2 * Math.PI;
      const rr = Math.sqrt(r()) * rx * 1.05;
      const sz = rx * between(r, 0.01, 0.035);
      ctx.fillRect(s.cx + Math.cos(a) * rr, s.cy + Math.sin(a) * rr * s.oval, sz, sz);
    }
    ctx.restore();
  }
}

function randomSeal(r: Rand, dpi: number, cx: number, cy: number, sizeScale = 1): SealDraw {
  const cm = between(r, 3.6, 5) * sizeScale;
  const oval = chance(r, 1 / 6) ? pick(r, [between(r, 0.68, 0.8), between(r, 1.25, 1.45)]) : between(r, 0.97, 1.03);
  const gaps: Array<[number, number]> = [];
  if (chance(r, 0.4)) {
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const a = r() * 360;
      gaps.push([a, a + between(r, 10, 36)]);
    }
  }
  return {
    cx,
    cy,
    rx: ((cm / 2.54) * dpi) / 2,
    oval,
    rotate: between(r, -25, 25),
    ink: sealInk(r),
    gaps,
    specks: Math.floor(between(r, 0, 400)),
    seed: Math.floor(r() * 1e9),
  };
}

// ---------- page content ----------
interface PageCtx {
  ctx: SKRSContext2D;
  W: number;
  H: number;
  /** Pixels per 150-DPI pixel. */
  u: number;
  dpi: number;
  r: Rand;
}

function textLines(p: PageCtx, y0: number, y1: number, color = '#141414'): void {
  const { ctx, W, u, r } = p;
  ctx.fillStyle = color;
  const size = Math.round(between(r, 18, 24) * u);
  ctx.font = `${size}px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  for (let y = y0; y < y1; y += size * between(r, 1.6, 2.2)) {
    let line = '';
    const n = 6 + Math.floor(r() * 20);
    for (let i = 0; i < n; i++)
      line += pick(r, ['学校', '推荐', '实践', '教育', '基地', '河北', '中学', '小学', '计划', '国优', '，', '。']);
    ctx.fillText(line, 110 * u + between(r, 0, 30) * u, y, W - 240 * u);
  }
}

function table(p: PageCtx, y: number, rows: number, color = '#1e1e1e'): number {
  const { ctx, W, u, r } = p;
  const rowH = between(r, 44, 56) * u;
  const x0 = 100 * u;
  const x1 = W - 100 * u;
  ctx.strokeStyle = color;
  ctx.lineWidth = between(r, 1.2, 2.4) * u;
  for (let i = 0; i <= rows; i++) {
    ctx.beginPath();
    ctx.moveTo(x0, y + i * rowH);
    ctx.lineTo(x1, y + i * rowH);
    ctx.stroke();
  }
  const cols = [x0, x0 + 70 * u, x0 + 480 * u, x0 + 700 * u, x1];
  for (const x of cols) {
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x, y + rows * rowH);
    ctx.stroke();
  }
  ctx.fillStyle = '#141414';
  ctx.font = `${Math.round(20 * u)}px ${FONT}`;
  ctx.textAlign = 'left';
  for (let i = 0; i < rows; i++) {
    const ty = y + i * rowH + rowH * 0.65;
    ctx.fillText(String(i + 1), x0 + 20 * u, ty);
    ctx.fillText(pick(r, SCHOOLS), x0 + 85 * u, ty);
    ctx.fillText(pick(r, ['公办', '民办']), x0 + 500 * u, ty);
    ctx.fillText(`1213${Math.floor(r() * 1e8)}`, x0 + 715 * u, ty);
  }
  return y + rows * rowH;
}

/** A handwritten-looking stroke: a run of cubic curves. */
function scribble(ctx: SKRSContext2D, r: Rand, x: number, y: number, w: number, h: number, color: string, width: number): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(x, y);
  const n = 4 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const x1 = x + ((i + 1) * w) / n;
    ctx.bezierCurveTo(
      x1 - w / n / 2,
      y - h * between(r, 0.3, 1),
      x1 - w / n / 3,
      y + h * between(r, 0.2, 0.8),
      x1,
      y + h * between(r, -0.2, 0.2),
    );
  }
  ctx.stroke();
}

/** The signing block; returns where a seal goes. */
function signingBlock(p: PageCtx, y: number): { x: number; y: number } {
  const { ctx, W, u, r } = p;
  ctx.fillStyle = '#141414';
  ctx.font = `${Math.round(24 * u)}px ${FONT}`;
  ctx.textAlign = 'left';
  const x = W * between(r, 0.42, 0.55);
  ctx.fillText('推荐单位（盖章）：河北省教育厅', x - 120 * u, y);
  ctx.fillText('2024年8月5日', x + 40 * u, y + 60 * u);
  if (chance(r, 0.7)) scribble(ctx, r, x - 80 * u, y + 110 * u, 220 * u, 40 * u, chance(r, 0.5) ? '#15152a' : '#1a2a8a', 3.5 * u);
  return { x: x + between(r, -40, 140) * u, y: y + between(r, -30, 80) * u };
}

type Distractor = 'letterhead' | 'red-rules' | 'emblem' | 'red-handwriting' | 'red-table' | 'rect-stamp' | 'photo' | 'logo';
const DISTRACTORS: readonly Distractor[] = [
  'letterhead',
  'red-rules',
  'emblem',
  'red-handwriting',
  'red-table',
  'rect-stamp',
  'photo',
  'logo',
];

function drawDistractor(p: PageCtx, d: Distractor, sign: { x: number; y: number }): void {
  const { ctx, W, H, u, r } = p;
  const red = css(printRed(r));
  ctx.save();
  ctx.globalCompositeOperation = 'multiply';
  switch (d) {
    case 'letterhead': {
      ctx.fillStyle = red;
      ctx.font = `bold ${Math.round(between(r, 50, 72) * u)}px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.fillText(pick(r, ['河北省教育厅文件', '河北师范大学文件', '石家庄市教育局']), W / 2, 150 * u);
      ctx.fillRect(90 * u, 190 * u, W - 180 * u, between(r, 3, 7) * u);
      if (chance(r, 0.6)) ctx.fillRect(90 * u, 202 * u, W - 180 * u, 2 * u);
      break;
    }
    case 'red-rules': {
      ctx.fillStyle = red;
      const n = 1 + Math.floor(r() * 3);
      for (let i = 0; i < n; i++) ctx.fillRect(90 * u, between(r, 0.15, 0.9) * H, W - 180 * u, between(r, 2, 6) * u);
      if (chance(r, 0.4)) ctx.fillRect(between(r, 60, 100) * u, 110 * u, 3 * u, H - 300 * u);
      break;
    }
    case 'emblem': {
      // A filled emblem (国徽-like): disc or gear with a white star, at the head of the page or beside the title.
      const rr = ((between(r, 1.2, 3) / 2.54) * p.dpi) / 2;
      const ex = pick(r, [W / 2, 180 * u, W - 180 * u]);
      const ey = between(r, 90, 260) * u;
      ctx.fillStyle = red;
      ctx.beginPath();
      const teeth = chance(r, 0.5) ? 16 : 0;
      for (let i = 0; i <= 64; i++) {
        const a = (i / 64) * 2 * Math.PI;
        const k = teeth && Math.floor((i / 64) * teeth * 2) % 2 ? 0.88 : 1;
        ctx.lineTo(ex + rr * k * Math.cos(a), ey + rr * k * Math.sin(a));
      }
      ctx.fill();
      ctx.globalCompositeOperation = 'source-over';
      ctx.fillStyle = 'rgb(250,220,90)';
      drawStar(ctx, ex, ey, rr * 0.45);
      break;
    }
    case 'red-handwriting': {
      const c = red;
      scribble(
        ctx,
        r,
        between(r, 0.15, 0.5) * W,
        between(r, 0.3, 0.8) * H,
        between(r, 150, 400) * u,
        between(r, 20, 60) * u,
        c,
        between(r, 2, 5) * u,
      );
      // A tick, an underline and sometimes a loop drawn around a word.
      ctx.beginPath();
      const tx = between(r, 0.2, 0.8) * W;
      const ty = between(r, 0.2, 0.8) * H;
      ctx.moveTo(tx, ty);
      ctx.lineTo(tx + 15 * u, ty + 25 * u);
      ctx.lineTo(tx + 50 * u, ty - 30 * u);
      ctx.stroke();
      ctx.beginPath();
      const ly = between(r, 0.3, 0.8) * H;
      ctx.moveTo(150 * u, ly);
      ctx.lineTo(between(r, 300, 800) * u, ly + between(r, -8, 8) * u);
      ctx.stroke();
      if (chance(r, 0.5)) {
        const lx = between(r, 0.25, 0.75) * W;
        const lyy = between(r, 0.25, 0.75) * H;
        const lr = between(r, 60, 140) * u;
        ctx.beginPath();
        for (let i = 0; i <= 70; i++) {
          const a = (i / 64) * 2 * Math.PI;
          const k = 1 + 0.08 * Math.sin(3 * a + 1) + (i / 70) * 0.1;
          ctx.lineTo(lx + lr * k * Math.cos(a) * 1.3, lyy + lr * k * Math.sin(a));
        }
        ctx.stroke();
      }
      if (chance(r, 0.5))
        scribble(ctx, r, sign.x - 60 * u, sign.y, between(r, 120, 240) * u, between(r, 25, 50) * u, c, between(r, 2.5, 4.5) * u);
      break;
    }
    case 'red-table': {
      table({ ...p }, between(r, 0.25, 0.5) * H, 3 + Math.floor(r() * 5), red);
      break;
    }
    case 'rect-stamp': {
      // 已审核 / 受理 stamps: a rectangle (sometimes rounded, sometimes double) with a word and a date.
      const w = ((between(r, 2.4, 5) / 2.54) * p.dpi) as number;
      const h = w * between(r, 0.35, 1);
      const x = pick(r, [sign.x - w / 2, between(r, 0.1, 0.6) * W]);
      const y = pick(r, [sign.y - h / 2, between(r, 0.15, 0.75) * H]);
      ctx.translate(x + w / 2, y + h / 2);
      ctx.rotate(between(r, -0.12, 0.12));
      ctx.strokeStyle = ctx.fillStyle = css(sealInk(r).rgb);
      ctx.lineWidth = w * between(r, 0.025, 0.05);
      const rad = chance(r, 0.4) ? h * 0.2 : 0;
      ctx.beginPath();
      ctx.roundRect(-w / 2, -h / 2, w, h, rad);
      ctx.stroke();
      if (chance(r, 0.4)) {
        ctx.lineWidth = w * 0.012;
        ctx.strokeRect(-w / 2 + w * 0.06, -h / 2 + w * 0.06, w - w * 0.12, h - w * 0.12);
      }
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.font = `bold ${Math.round(h * 0.32)}px ${FONT}`;
      ctx.fillText(pick(r, ['已审核', '受理', '已核对', '审核通过']), 0, -h * 0.12);
      ctx.font = `${Math.round(h * 0.16)}px ${FONT}`;
      ctx.fillText('2024.08.05', 0, h * 0.28);
      break;
    }
    case 'photo': {
      // A colour photo: smooth colour field with blobs, among them red ones (clothes, a flag, a lantern).
      const pw = between(r, 200, 420) * u;
      const ph = pw * between(r, 0.7, 1.4);
      const px = between(r, 0.1, 0.9) * W - pw / 2;
      const py = between(r, 0.2, 0.8) * H - ph / 2;
      ctx.globalCompositeOperation = 'source-over';
      const g = ctx.createLinearGradient(px, py, px + pw, py + ph);
      g.addColorStop(0, css(hsv(r() * 360, between(r, 0.2, 0.7), between(r, 0.4, 0.95))));
      g.addColorStop(1, css(hsv(r() * 360, between(r, 0.2, 0.7), between(r, 0.3, 0.9))));
      ctx.fillStyle = g;
      ctx.fillRect(px, py, pw, ph);
      for (let i = 0; i < 14; i++) {
        ctx.fillStyle = css(i % 3 === 0 ? printRed(r) : hsv(r() * 360, between(r, 0.2, 0.9), between(r, 0.2, 0.95)), 0.85);
        ctx.beginPath();
        ctx.ellipse(px + r() * pw, py + r() * ph, between(r, 0.05, 0.3) * pw, between(r, 0.05, 0.3) * ph, r() * 3, 0, 2 * Math.PI);
        ctx.fill();
      }
      break;
    }
    case 'logo': {
      const lx = between(r, 0.12, 0.88) * W;
      const ly = between(r, 0.08, 0.3) * H;
      const lr = between(r, 30, 90) * u;
      ctx.fillStyle = red;
      ctx.beginPath();
      ctx.arc(lx, ly, lr, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = css(hsv(between(r, 190, 240), 0.8, 0.7));
      ctx.beginPath();
      ctx.arc(lx + lr * 0.6, ly + lr * 0.3, lr * 0.6, 0, 2 * Math.PI);
      ctx.fill();
      ctx.font = `bold ${Math.round(lr * 0.7)}px ${FONT}`;
      ctx.fillText('国优', lx + lr * 1.4, ly + lr * 0.25);
      break;
    }
  }
  ctx.restore();
}

// ---------- a scanned page ----------
interface ScanParams {
  dpi: number;
  quality: number;
  blur: number;
  noise: number;
  paper: [number, number, number];
  rotate: number;
  skew: number;
  grayscale: boolean;
}

function scanParams(r: Rand): ScanParams {
  const paperTint = chance(r, 0.5) ? [between(r, 240, 255), between(r, 236, 252), between(r, 220, 246)] : [between(r, 238, 255), 0, 0];
  const paper: [number, number, number] =
    paperTint[1] === 0
      ? [paperTint[0]!, paperTint[0]!, paperTint[0]!]
      : ([paperTint[0]!, paperTint[1]!, paperTint[2]!].map(Math.round) as [number, number, number]);
  return {
    dpi: Math.round(between(r, 100, 400)),
    quality: Math.round(between(r, 20, 95)),
    blur: chance(r, 0.5) ? between(r, 0, 1.4) : 0,
    noise: between(r, 0, 10),
    paper: paper.map(Math.round) as [number, number, number],
    rotate: between(r, -3, 3),
    skew: between(r, -1.5, 1.5),
    grayscale: false,
  };
}

interface PagePlan {
  signing: boolean;
  seal?: 'whole' | 'edge';
  distractors: Distractor[];
  /** Riding strip: seal-local x range [from, to] (−1…1 of the radius), which edge, vertical centre (0–1). */
  riding?: { from: number; to: number; edge: 'left' | 'right'; cy: number; seal: SealDraw; turn: number; skew: number };
}

function drawPage(plan: PagePlan, s: ScanParams, r: Rand): Buffer {
  const { dpi } = s;
  const W = Math.round((A4.w / 72) * dpi);
  const H = Math.round((A4.h / 72) * dpi);
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = css(s.paper);
  ctx.fillRect(0, 0, W, H);
  const u = dpi / 150;
  const p: PageCtx = { ctx, W, H, u, dpi, r };
  // The content is scanned slightly turned and skewed; the riding strips were stamped on the paper's edge, so they
  // turn with it, but stay clipped at the page border.
  ctx.save();
  ctx.translate(W / 2, H / 2);
  ctx.rotate((s.rotate * Math.PI) / 180);
  ctx.transform(1, 0, Math.tan((s.skew * Math.PI) / 180), 1, 0, 0);
  ctx.translate(-W / 2, -H / 2);
  let y = (plan.distractors.includes('letterhead') ? 280 : 150) * u;
  ctx.fillStyle = '#141414';
  ctx.font = `bold ${Math.round(32 * u)}px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.fillText('“国优计划”教育实践学校推荐表', 200 * u, y);
  y += 50 * u;
  if (chance(r, 0.5)) {
    textLines(p, y, y + between(r, 100, 300) * u);
    y += 320 * u;
  }
  y = table(p, y, 3 + Math.floor(r() * 8)) + 60 * u;
  let sign = { x: W * 0.6, y: H * 0.82 };
  if (plan.signing) sign = signingBlock(p, Math.max(y + 80 * u, H * between(r, 0.68, 0.8)));
  else textLines(p, y, H - 200 * u);
  for (const d of plan.distractors) drawDistractor(p, d, sign);
  if (plan.seal === 'whole') {
    drawSeal(ctx, randomSeal(r, dpi, sign.x, sign.y));
  } else if (plan.seal === 'edge') {
    const seal = randomSeal(r, dpi, 0, 0);
    // Cut by the scanner: 20–45 % of the diameter off the left, right or bottom edge.
    const cut = between(r, 0.2, 0.45) * 2 * seal.rx;
    const side = pick(r, ['left', 'right', 'bottom'] as const);
    const ry = seal.rx * seal.oval;
    if (side === 'left') Object.assign(seal, { cx: seal.rx - cut, cy: between(r, 0.55, 0.9) * H });
    else if (side === 'right') Object.assign(seal, { cx: W - seal.rx + cut, cy: between(r, 0.55, 0.9) * H });
    else Object.assign(seal, { cx: between(r, 0.3, 0.8) * W, cy: H - ry + cut * seal.oval });
    drawSeal(ctx, seal);
  }
  ctx.restore();
  if (plan.riding) {
    const { from, to, edge, cy, seal, turn, skew } = plan.riding;
    const w = ((to - from) / 2) * 2 * seal.rx;
    // Seal-local x `from` lands on the strip's inner side.
    const cx = edge === 'right' ? W - w - from * seal.rx : -from * seal.rx;
    // Each sheet lies on the scanner at its own small turn and skew: the strip turns about the point where it meets the
    // border, and that point moves up or down as the sheet turns about its centre; the border still cuts it.
    const ax = edge === 'right' ? W : 0;
    const a = (turn * Math.PI) / 180;
    const ay = cy * H + (edge === 'right' ? 1 : -1) * (W / 2) * Math.sin(a);
    ctx.save();
    ctx.beginPath();
    ctx.rect(edge === 'right' ? W - w : 0, 0, w, H);
    ctx.clip();
    ctx.translate(ax, ay);
    ctx.rotate(a);
    ctx.transform(1, 0, Math.tan((skew * Math.PI) / 180), 1, 0, 0);
    ctx.translate(-ax, -cy * H);
    drawSeal(ctx, { ...seal, cx, cy: cy * H });
    ctx.restore();
  }
  if (s.blur > 0.05) {
    // Optical blur of the scanner, at the same physical size whatever the DPI.
    const b = createCanvas(W, H);
    const bctx = b.getContext('2d');
    bctx.filter = `blur(${(s.blur * u).toFixed(2)}px)`;
    bctx.drawImage(canvas, 0, 0);
    ctx.drawImage(b, 0, 0);
  }
  if (s.noise > 0.5) {
    // Sensor noise: a seeded grey noise tile laid over the page (native drawing; a per-pixel loop costs seconds at 400 DPI).
    const tile = createCanvas(128, 128);
    const tctx = tile.getContext('2d');
    const img = tctx.createImageData(128, 128);
    for (let i = 0; i < img.data.length; i += 4) {
      img.data[i] = img.data[i + 1] = img.data[i + 2] = r() < 0.5 ? 0 : 255;
      img.data[i + 3] = Math.round(r() * s.noise * 2.5);
    }
    tctx.putImageData(img, 0, 0);
    const pattern = ctx.createPattern(tile, 'repeat');
    if (pattern) {
      ctx.fillStyle = pattern;
      ctx.fillRect(0, 0, W, H);
    }
  }
  if (s.grayscale) {
    ctx.globalCompositeOperation = 'saturation';
    ctx.fillStyle = '#808080';
    ctx.fillRect(0, 0, W, H);
    ctx.globalCompositeOperation = 'source-over';
  }
  return canvas.encodeSync('jpeg', s.quality);
}

async function toPdf(pages: Buffer[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const jpg of pages) {
    const img = await doc.embedJpg(jpg);
    const page = doc.addPage([A4.w, A4.h]);
    page.drawImage(img, { x: 0, y: 0, width: A4.w, height: A4.h });
  }
  return doc.save();
}

const EXPECTED: Record<EvalClass, PdfStatus> = {
  sealed: 'sealed',
  'sealed-edge': 'sealed',
  riding: 'sealed',
  'riding-only': 'seal-misplaced',
  misplaced: 'seal-misplaced',
  unsealed: 'unsealed',
  distractor: 'unsealed',
  grayscale: 'unsealed',
  // Red ink scanned in grey cannot be told from black: the honest answer is "uncertain", with the round mark shown.
  'grayscale-sealed': 'uncertain',
};

/** One evaluation case: a scanned PDF of class `cls`, drawn from the ranges above with `seed`. */
export async function generateCase(cls: EvalClass, seed: number): Promise<EvalCase> {
  const r = rng(seed);
  const s = scanParams(r);
  const params: string[] = [`dpi ${s.dpi}`, `q ${s.quality}`, `blur ${s.blur.toFixed(1)}`, `rot ${s.rotate.toFixed(1)}`];
  let n = 1 + Math.floor(r() * 3);
  if (cls === 'riding' || cls === 'riding-only') n = 2 + Math.floor(r() * 7);
  if (cls === 'misplaced') n = Math.max(2, n);
  const plans: PagePlan[] = Array.from({ length: n }, (_, i) => ({ signing: i === n - 1, distractors: [] }));
  const last = plans[n - 1]!;
  if (cls === 'sealed' || cls === 'riding' || cls === 'grayscale-sealed') last.seal = 'whole';
  if (cls === 'sealed-edge') last.seal = 'edge';
  if (cls === 'misplaced') plans[Math.floor(r() * (n - 1))]!.seal = 'whole';
  if (cls === 'grayscale' || cls === 'grayscale-sealed') s.grayscale = true;
  if (cls === 'distractor' || (cls !== 'unsealed' && !s.grayscale && chance(r, 0.3))) {
    const k = 1 + Math.floor(r() * 3);
    const target = cls === 'distractor' ? last : pick(r, plans);
    for (let i = 0; i < k; i++) target.distractors.push(pick(r, DISTRACTORS));
    params.push(target.distractors.join('+'));
  }
  const ridingPages: number[] = [];
  if (cls === 'riding' || cls === 'riding-only') {
    const seal = randomSeal(r, s.dpi, 0, 0, between(r, 0.9, 1.1));
    seal.oval = between(r, 0.97, 1.03);
    seal.gaps = [];
    const edge = chance(r, 0.75) ? 'right' : 'left';
    const cy = between(r, 0.25, 0.75);
    // Strips of the seal's width, one per page, in page order or reversed; a little uneven, as pages fan by hand.
    const cuts = [-1];
    for (let i = 1; i < n; i++) cuts.push(-1 + (2 * i) / n + between(r, -0.25, 0.25) / n);
    cuts.push(1);
    const reversed = chance(r, 0.5);
    for (let i = 0; i < n; i++) {
      const k = reversed ? n - 1 - i : i;
      // Each sheet's own turn (±3°) and skew (±1.5°), from a stream of the seal's own so the case's other draws stay as they were.
      const sheet = rng(seal.seed + 7919 * (i + 1));
      plans[i]!.riding = {
        from: cuts[k]!,
        to: cuts[k + 1]!,
        edge,
        cy: cy + between(r, -0.008, 0.008),
        seal,
        turn: between(sheet, -3, 3),
        skew: between(sheet, -1.5, 1.5),
      };
      ridingPages.push(i + 1);
    }
    params.push(`riding ${edge} ×${n}`);
  }
  params.push(`pages ${n}`);
  const jpgs = plans.map((p) => drawPage(p, s, r));
  return { cls, seed, status: EXPECTED[cls], pages: n, ridingPages, params: params.join(', '), bytes: await toPdf(jpgs) };
}
