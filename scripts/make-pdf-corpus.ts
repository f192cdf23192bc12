/**
 * Generates the PDF seal-check corpus (issue 6): scanned and text PDFs with and without seals, e-seals, riding seals,
 * rotations and broken files, each with its expected verdict in `manifest.json`.
 *
 *   npx jiti scripts/make-pdf-corpus.ts [outDir]     (default test/fixtures/pdf/out, gitignored)
 *
 * Scans are drawn with @napi-rs/canvas at 150 DPI and embedded as JPEG; text PDFs carry a real text layer in Chinese
 * through a hand-written Type0 font with a ToUnicode map (no CJK font file is needed to extract text).
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { degrees, PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFPage, PDFRef, PDFString, rgb } from 'pdf-lib';
import type { PdfStatus } from '../lib/pdf/types';
import { rng } from '../test/fixtures/rng';

/** Bump when a generator changes: cached corpora of another version are rebuilt. */
export const CORPUS_VERSION = 5;

export interface CorpusEntry {
  file: string;
  /** What the file represents, for people reading the manifest. */
  what: string;
  status: PdfStatus;
  /** Pages expected to carry an image or digital seal (checked when given). */
  sealPages?: number[];
  /** Expect riding-seal slices on these pages. */
  ridingPages?: number[];
  signaturePages?: number[];
  errorCode?: string;
  /** Expect a digital seal with these properties. */
  digital?: { signer?: string; subFilter?: string; invisible?: boolean };
}

// ---------- scanned pages ----------
const A4 = { w: 595.28, h: 841.89 };

interface SealSpec {
  /** Centre relative to the page (0–1). */
  cx: number;
  cy: number;
  /** Diameter in cm (horizontal), and vertical/horizontal ratio for ovals. */
  cm?: number;
  oval?: number;
  color?: [number, number, number];
  alpha?: number;
  /** Leave out these ring sectors (degrees), as with an unevenly inked stamp. */
  gaps?: Array<[number, number]>;
  rotate?: number;
}

interface ScanPage {
  rows?: number;
  signature?: boolean;
  seals?: SealSpec[];
  letterhead?: boolean;
  redLines?: boolean;
  redFrame?: boolean;
  handwriting?: boolean;
  logo?: boolean;
  /** Riding-seal slice at the right edge: visible width as a share of the seal diameter, and vertical centre. */
  riding?: { share: number; cy: number };
  rotate?: 0 | 90 | 180 | 270;
}

interface ScanOptions {
  dpi?: number;
  quality?: number;
  grayscale?: boolean;
  seed?: number;
}

const SCHOOLS = [
  'Shijiazhuang No.1 Middle School',
  'Baoding No.2 Primary School',
  'Tangshan Experimental School',
  'Handan No.4 Middle School',
  'Langfang Primary School',
  'Xingtai No.1 Middle School',
  'Hengshui High School',
  'Cangzhou No.3 Middle School',
];

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

function drawSeal(ctx: SKRSContext2D, s: SealSpec, W: number, H: number, dpi: number, rand: () => number): void {
  const d = ((s.cm ?? 4.2) / 2.54) * dpi;
  const rx = d / 2;
  const ry = rx * (s.oval ?? 1);
  const [r, g, b] = s.color ?? [215, 30, 40];
  ctx.save();
  ctx.translate(s.cx * W, s.cy * H);
  ctx.rotate(((s.rotate ?? 0) * Math.PI) / 180);
  ctx.globalCompositeOperation = 'multiply';
  ctx.globalAlpha = s.alpha ?? 0.92;
  ctx.strokeStyle = ctx.fillStyle = `rgb(${r},${g},${b})`;
  ctx.lineWidth = d * 0.04;
  const gaps = s.gaps ?? [];
  const inGap = (deg: number) => gaps.some(([a0, a1]) => deg >= a0 && deg <= a1);
  for (let deg = 0; deg < 360; deg += 3) {
    if (inGap(deg)) continue;
    ctx.beginPath();
    ctx.ellipse(0, 0, rx, ry, 0, (deg * Math.PI) / 180, ((deg + 3.5) * Math.PI) / 180);
    ctx.stroke();
  }
  if (s.oval) {
    ctx.lineWidth = d * 0.012;
    ctx.beginPath();
    ctx.ellipse(0, 0, rx * 0.88, ry * 0.86, 0, 0, 2 * Math.PI);
    ctx.stroke();
  } else drawStar(ctx, 0, 0, rx * 0.3);
  // Arc text of the unit's name.
  const name = 'HEBEI PROVINCIAL EDUCATION DEPARTMENT';
  ctx.font = `bold ${Math.round(rx * 0.2)}px DejaVu Sans`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const span = 1.35 * Math.PI;
  for (let i = 0; i < name.length; i++) {
    const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / name.length;
    ctx.save();
    ctx.translate(Math.cos(a) * rx * 0.74, Math.sin(a) * ry * 0.74);
    ctx.rotate(a + Math.PI / 2);
    ctx.fillText(name[i]!, 0, 0);
    ctx.restore();
  }
  ctx.font = `bold ${Math.round(rx * 0.16)}px DejaVu Sans`;
  ctx.fillText('OFFICIAL SEAL', 0, ry * (s.oval ? 0.1 : 0.5));
  // Uneven ink: paper shows through in specks.
  ctx.globalCompositeOperation = 'source-over';
  ctx.globalAlpha = 0.8;
  ctx.fillStyle = 'rgb(248,246,240)';
  for (let i = 0; i < 120; i++) {
    const a = rand() * 2 * Math.PI;
    const rr = rand() * rx;
    ctx.fillRect(Math.cos(a) * rr, Math.sin(a) * rr * (ry / rx), 1 + rand() * 2, 1 + rand() * 2);
  }
  ctx.restore();
}

function drawRidingSlice(ctx: SKRSContext2D, share: number, cy: number, W: number, H: number, dpi: number): void {
  const d = (4.2 / 2.54) * dpi;
  const cx = W - share * d + d / 2;
  ctx.save();
  ctx.globalCompositeOperation = 'multiply';
  ctx.strokeStyle = ctx.fillStyle = 'rgb(210,35,45)';
  ctx.lineWidth = d * 0.04;
  ctx.beginPath();
  ctx.ellipse(cx, cy * H, d / 2, d / 2, 0, 0, 2 * Math.PI);
  ctx.stroke();
  drawStar(ctx, cx, cy * H, d * 0.15);
  ctx.restore();
}

function drawScanPage(p: ScanPage, o: ScanOptions, pageIndex: number): Buffer {
  const dpi = o.dpi ?? 150;
  const W = Math.round((A4.w / 72) * dpi);
  const H = Math.round((A4.h / 72) * dpi);
  const rand = rng((o.seed ?? 1) * 1000 + pageIndex);
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'rgb(248,246,240)';
  ctx.fillRect(0, 0, W, H);
  const u = dpi / 150;
  ctx.fillStyle = '#111';
  ctx.strokeStyle = '#222';
  let y = 150 * u;
  if (p.letterhead) {
    ctx.fillStyle = 'rgb(205,25,30)';
    ctx.font = `bold ${Math.round(64 * u)}px DejaVu Sans`;
    ctx.textAlign = 'center';
    ctx.fillText('HEBEI EDUCATION DEPT DOCUMENT', W / 2, 160 * u);
    ctx.fillRect(100 * u, 200 * u, W - 200 * u, 6 * u);
    ctx.fillRect(100 * u, 212 * u, W - 200 * u, 2 * u);
    ctx.textAlign = 'left';
    y = 280 * u;
  }
  if (p.logo) {
    const lx = 170 * u;
    const ly = (p.letterhead ? 330 : 200) * u;
    ctx.fillStyle = 'rgb(200,30,35)';
    ctx.beginPath();
    ctx.arc(lx, ly, 70 * u, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#fff';
    drawStar(ctx, lx, ly, 30 * u);
    y = Math.max(y, ly + 100 * u);
  }
  ctx.fillStyle = '#111';
  ctx.font = `bold ${Math.round(34 * u)}px DejaVu Sans`;
  ctx.fillText(pageIndex === 0 ? 'Practice School Recommendation Form' : 'Practice Schools (continued)', 150 * u, y);
  y += 60 * u;
  ctx.font = `${Math.round(20 * u)}px DejaVu Sans`;
  const rows = p.rows ?? 8;
  const rowH = 52 * u;
  const x0 = 100 * u;
  const x1 = W - 100 * u;
  ctx.lineWidth = 2 * u;
  for (let i = 0; i <= rows; i++) {
    ctx.beginPath();
    ctx.moveTo(x0, y + i * rowH);
    ctx.lineTo(x1, y + i * rowH);
    ctx.stroke();
  }
  for (const x of [x0, x0 + 70 * u, x0 + 560 * u, x0 + 800 * u, x1]) {
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x, y + rows * rowH);
    ctx.stroke();
  }
  for (let i = 0; i < rows; i++) {
    const ty = y + i * rowH + 34 * u;
    ctx.fillText(String(i + 1 + pageIndex * rows), x0 + 20 * u, ty);
    ctx.fillText(SCHOOLS[(i + pageIndex) % SCHOOLS.length]!, x0 + 85 * u, ty);
    ctx.fillText(rand() > 0.5 ? 'Public' : 'Private', x0 + 580 * u, ty);
    ctx.fillText(`1213${Math.floor(rand() * 1e9)}`, x0 + 815 * u, ty);
  }
  y += rows * rowH + 60 * u;
  if (p.redLines) {
    ctx.fillStyle = 'rgb(210,30,40)';
    ctx.fillRect(x0, y - 30 * u, x1 - x0, 3 * u);
    ctx.fillRect(x0, 110 * u, 3 * u, H - 300 * u);
    ctx.fillStyle = '#111';
  }
  if (p.redFrame) {
    ctx.strokeStyle = 'rgb(210,30,40)';
    ctx.lineWidth = 8 * u;
    ctx.strokeRect(W * 0.62, H * 0.74, 250 * u, 250 * u);
    ctx.strokeStyle = '#222';
  }
  if (p.signature) {
    ctx.font = `${Math.round(24 * u)}px DejaVu Sans`;
    ctx.fillText('Recommending unit (seal): Hebei Provincial Education Department', 180 * u, H * 0.8);
    ctx.fillText('Date:  2024 - 08 - 05', W * 0.55, H * 0.86);
  }
  if (p.handwriting) {
    ctx.strokeStyle = 'rgb(200,25,35)';
    ctx.lineWidth = 4 * u;
    const hx = W * 0.5;
    const hy = H * 0.7;
    ctx.beginPath();
    ctx.moveTo(hx, hy);
    for (let i = 0; i < 14; i++)
      ctx.bezierCurveTo(hx + i * 28 * u + 10 * u, hy - 50 * u, hx + i * 28 * u + 20 * u, hy + 40 * u, hx + (i + 1) * 28 * u, hy - 5 * u);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(hx + 40 * u, hy + 60 * u);
    ctx.lineTo(hx + 300 * u, hy + 55 * u);
    ctx.stroke();
  }
  for (const s of p.seals ?? []) drawSeal(ctx, s, W, H, dpi, rand);
  if (p.riding) drawRidingSlice(ctx, p.riding.share, p.riding.cy, W, H, dpi);
  if (o.grayscale) {
    const img = ctx.getImageData(0, 0, W, H);
    const d = img.data;
    for (let i = 0; i < d.length; i += 4) {
      const l = Math.round(0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!);
      d[i] = d[i + 1] = d[i + 2] = l;
    }
    ctx.putImageData(img, 0, 0);
  }
  const rot = p.rotate ?? 0;
  if (rot === 0) return canvas.encodeSync('jpeg', o.quality ?? 80);
  // Stored turned back by the page's /Rotate, so the page displays upright.
  const swap = rot === 90 || rot === 270;
  const out = createCanvas(swap ? H : W, swap ? W : H);
  const octx = out.getContext('2d');
  octx.translate(out.width / 2, out.height / 2);
  octx.rotate((-rot * Math.PI) / 180);
  octx.drawImage(canvas, -W / 2, -H / 2);
  return out.encodeSync('jpeg', o.quality ?? 80);
}

async function scanPdf(pages: ScanPage[], o: ScanOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const [i, p] of pages.entries()) {
    const jpg = await doc.embedJpg(drawScanPage(p, o, i));
    const rot = p.rotate ?? 0;
    const swap = rot === 90 || rot === 270;
    const w = swap ? A4.h : A4.w;
    const h = swap ? A4.w : A4.h;
    const page = doc.addPage([w, h]);
    page.drawImage(jpg, { x: 0, y: 0, width: w, height: h });
    if (rot) page.setRotation(degrees(rot));
  }
  return doc.save();
}

// ---------- text PDFs ----------
/** A Type0 font with Identity-H codes = Unicode code points and a ToUnicode map: text extracts exactly, no font file. */
function cjkFont(doc: PDFDocument): PDFRef {
  const ctx = doc.context;
  const toUnicode = ctx.flateStream(
    [
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
      '1 begincodespacerange <0000> <FFFF> endcodespacerange',
      '1 beginbfrange <0000> <FFFF> <0000> endbfrange',
      'endcmap CMapName currentdict /CMap defineresource pop end end',
    ].join('\n'),
  );
  const descriptor = ctx.obj({
    Type: 'FontDescriptor',
    FontName: 'SimSun',
    Flags: 4,
    FontBBox: [0, -200, 1000, 800],
    ItalicAngle: 0,
    Ascent: 800,
    Descent: -200,
    CapHeight: 700,
    StemV: 80,
  });
  const cid = ctx.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: 'SimSun',
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: ctx.register(descriptor),
    DW: 1000,
    CIDToGIDMap: 'Identity',
  });
  const font = ctx.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: 'SimSun',
    Encoding: 'Identity-H',
    DescendantFonts: [ctx.register(cid)],
    ToUnicode: ctx.register(toUnicode),
  });
  return ctx.register(font);
}

function hex(s: string): string {
  return [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
}

interface TextLine {
  text: string;
  x: number;
  y: number;
  size?: number;
  red?: boolean;
}

function addText(doc: PDFDocument, page: PDFPage, font: PDFRef, lines: TextLine[]): void {
  page.node.setFontDictionary(PDFName.of('FCJK'), font);
  const ops = lines.map(
    (l) => `BT ${l.red ? '0.85 0.1 0.12 rg' : '0 0 0 rg'} /FCJK ${l.size ?? 11} Tf ${l.x} ${l.y} Td <${hex(l.text)}> Tj ET`,
  );
  page.node.addContentStream(doc.context.register(doc.context.flateStream(ops.join('\n'))));
}

const CN_SCHOOLS = [
  '石家庄市第一中学',
  '保定市第二小学',
  '唐山市实验学校',
  '邯郸市第四中学',
  '廊坊市第一小学',
  '邢台市第一中学',
  '衡水中学',
];

function formPageLines(pageIndex: number, pageCount: number, schools: string[], title = true): TextLine[] {
  const lines: TextLine[] = [];
  if (pageIndex === 0 && title) {
    lines.push({ text: '“国优计划”教育实践学校推荐表', x: 150, y: 780, size: 18 });
    lines.push({ text: '推荐单位：河北省教育厅　填表人：王芳　联系电话：0311-86661234', x: 60, y: 740 });
  }
  schools.forEach((s, i) => {
    lines.push({ text: `${i + 1}　${s}　初中　公办　石家庄市`, x: 60, y: 700 - i * 24 });
  });
  if (pageIndex === pageCount - 1) {
    lines.push({ text: '推荐单位（盖章）：河北省教育厅', x: 300, y: 200 });
    lines.push({ text: '2024年8月5日', x: 380, y: 170 });
  }
  return lines;
}

async function sealPng(cm = 4.2, color: [number, number, number] = [215, 30, 40]): Promise<Buffer> {
  const dpi = 150;
  const d = Math.round((cm / 2.54) * dpi) + 8;
  const canvas = createCanvas(d, d);
  const ctx = canvas.getContext('2d');
  drawSeal(ctx, { cx: 0.5, cy: 0.5, cm, color, alpha: 1 }, d, d, dpi, rng(7));
  // drawSeal leaves paper-coloured specks; make them transparent so the stamp lies over the text.
  const img = ctx.getImageData(0, 0, d, d);
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i + 1]! > 200) img.data[i + 3] = 0;
  ctx.putImageData(img, 0, 0);
  return canvas.encodeSync('png');
}

interface TextPdfOptions {
  pages?: number;
  schoolsPerPage?: number;
  /** Stamp a seal image on these 0-based pages (at the signing block position). */
  stampImageOn?: number[];
  vectorSealOn?: number;
  redTitle?: boolean;
  rotate?: 0 | 90 | 180 | 270;
  sig?: 'visible' | 'vendor' | 'invisible';
  stampAnnotation?: boolean;
  schools?: string[];
}

const SEAL_AT = { x: 330, y: 110, size: (4.2 / 2.54) * 72 };

async function textPdf(o: TextPdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = cjkFont(doc);
  const n = o.pages ?? 1;
  const perPage = o.schoolsPerPage ?? 6;
  const all = o.schools ?? CN_SCHOOLS;
  const png =
    o.stampImageOn?.length || o.sig === 'visible' || o.sig === 'vendor' || o.stampAnnotation
      ? await doc.embedPng(await sealPng())
      : undefined;
  const pages: PDFPage[] = [];
  for (let i = 0; i < n; i++) {
    const page = doc.addPage([A4.w, A4.h]);
    pages.push(page);
    const schools = Array.from({ length: Math.min(perPage, all.length) }, (_, k) => all[(i * perPage + k) % all.length]!);
    const lines = formPageLines(i, n, n > 20 ? schools.map((s, k) => `${s}（第${i * perPage + k + 1}条）`) : schools);
    if (o.redTitle && i === 0) lines.unshift({ text: '河北省教育厅文件', x: 170, y: 810, size: 26, red: true });
    page.drawLine({ start: { x: 50, y: 720 }, end: { x: 545, y: 720 }, thickness: 0.8, color: rgb(0, 0, 0) });
    if (o.redTitle && i === 0)
      page.drawLine({ start: { x: 50, y: 795 }, end: { x: 545, y: 795 }, thickness: 2, color: rgb(0.85, 0.1, 0.12) });
    addText(doc, page, font, lines);
    if (png && o.stampImageOn?.includes(i)) page.drawImage(png, { x: SEAL_AT.x, y: SEAL_AT.y, width: SEAL_AT.size, height: SEAL_AT.size });
    if (o.vectorSealOn === i) {
      const r = SEAL_AT.size / 2;
      const cx = SEAL_AT.x + r;
      const cy = SEAL_AT.y + r;
      page.drawEllipse({ x: cx, y: cy, xScale: r - 2, yScale: r - 2, borderColor: rgb(0.86, 0.12, 0.15), borderWidth: 3.5 });
      const star = Array.from({ length: 10 }, (_, k) => {
        const rr = k % 2 === 0 ? r * 0.3 : r * 0.114;
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        return `${k ? 'L' : 'M'} ${(rr * Math.cos(a)).toFixed(2)} ${(rr * Math.sin(a)).toFixed(2)}`;
      }).join(' ');
      page.drawSvgPath(star + ' Z', { x: cx, y: cy, color: rgb(0.86, 0.12, 0.15) });
    }
    if (o.rotate) page.setRotation(degrees(o.rotate));
  }
  const last = pages[n - 1]!;
  if (o.sig && png) addSignature(doc, last, o.sig, png);
  if (o.sig === 'invisible') addSignature(doc, last, 'invisible');
  if (o.stampAnnotation && png) addStampAnnotation(doc, last, png);
  // Signing software writes classic cross-reference tables: /ByteRange must point at plain file offsets.
  return doc.save({ useObjectStreams: !o.sig });
}

function imageAppearance(doc: PDFDocument, png: { ref: PDFRef }, w: number, h: number): PDFRef {
  const ctx = doc.context;
  const stream = ctx.flateStream(`q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Seal Do Q`, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, w, h],
    Resources: { XObject: { Seal: png.ref } },
  });
  return ctx.register(stream);
}

/** A signed `/Sig` field as e-seal software writes it (the `/Contents` is a placeholder: validity is never claimed). */
function addSignature(doc: PDFDocument, page: PDFPage, kind: 'visible' | 'vendor' | 'invisible', png?: { ref: PDFRef }): void {
  const ctx = doc.context;
  const vendor = kind === 'vendor';
  const sigValue = ctx.obj({
    Type: 'Sig',
    Filter: vendor ? 'GB.SM2.SealSign' : 'Adobe.PPKLite',
    SubFilter: vendor ? 'GBT38540.SES' : 'adbe.pkcs7.detached',
    ByteRange: [0, 1000, 9000, 1000],
    Contents: PDFHexString.of('00'.repeat(64)),
    Name: PDFHexString.fromText(kind === 'invisible' ? '河北省教育厅' : vendor ? '河北省教育厅电子印章' : '王芳'),
    M: PDFString.of("D:20240805100000+08'00'"),
  });
  const rect = kind === 'invisible' ? [0, 0, 0, 0] : [SEAL_AT.x, SEAL_AT.y, SEAL_AT.x + SEAL_AT.size, SEAL_AT.y + SEAL_AT.size];
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(`Signature${kind}`),
    V: ctx.register(sigValue),
    Rect: rect,
    F: 132,
    P: page.ref,
  });
  if (png) widget.set(PDFName.of('AP'), ctx.obj({ N: imageAppearance(doc, png, SEAL_AT.size, SEAL_AT.size) }));
  const widgetRef = ctx.register(widget);
  page.node.addAnnot(widgetRef);
  const acro = doc.catalog.getOrCreateAcroForm();
  acro.dict.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const fields = acro.dict.lookupMaybe(PDFName.of('Fields'), PDFArray) ?? ctx.obj([]);
  fields.push(widgetRef);
  acro.dict.set(PDFName.of('Fields'), fields);
}

function addStampAnnotation(doc: PDFDocument, page: PDFPage, png: { ref: PDFRef }): void {
  const ctx = doc.context;
  const annot = ctx.obj({
    Type: 'Annot',
    Subtype: 'Stamp',
    Name: 'Seal',
    T: PDFHexString.fromText('河北省教育厅'),
    Rect: [SEAL_AT.x, SEAL_AT.y, SEAL_AT.x + SEAL_AT.size, SEAL_AT.y + SEAL_AT.size],
    F: 4,
    AP: { N: imageAppearance(doc, png, SEAL_AT.size, SEAL_AT.size) },
  });
  page.node.addAnnot(ctx.register(annot));
}

/** A file whose trailer names a Standard-handler /Encrypt dictionary with a user password set (pdf-lib cannot encrypt). */
async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = cjkFont(doc);
  const page = doc.addPage([A4.w, A4.h]);
  addText(doc, page, font, formPageLines(0, 1, CN_SCHOOLS));
  const rand = rng(99);
  const bytes32 = () =>
    PDFHexString.of(
      Array.from({ length: 32 }, () =>
        Math.floor(rand() * 256)
          .toString(16)
          .padStart(2, '0'),
      ).join(''),
    );
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -3904, O: bytes32(), U: bytes32() });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([bytes32(), bytes32()]);
  return doc.save({ useObjectStreams: false });
}

// ---------- the corpus ----------
type Maker = () => Promise<Uint8Array>;
const sig = (cx = 0.68, cy = 0.8, extra: Partial<SealSpec> = {}): SealSpec => ({ cx, cy, ...extra });
const table = (n: number, last: ScanPage = {}): ScanPage[] =>
  Array.from({ length: n }, (_, i) => (i === n - 1 ? { signature: true, rows: 5, ...last } : { rows: 12 }));

export const CORPUS: Array<CorpusEntry & { make: Maker }> = [
  {
    file: 'scan-sealed-1p.pdf',
    what: 'one-page colour scan, round seal on the signing block',
    status: 'sealed',
    sealPages: [1],
    signaturePages: [1],
    make: () => scanPdf(table(1, { seals: [sig()] })),
  },
  {
    file: 'scan-sealed-2p.pdf',
    what: 'two-page scan, seal on the last page',
    status: 'sealed',
    sealPages: [2],
    signaturePages: [2],
    make: () => scanPdf(table(2, { seals: [sig()] }), { seed: 2 }),
  },
  {
    file: 'scan-sealed-3p-q45.pdf',
    what: 'three-page scan, heavy JPEG compression',
    status: 'sealed',
    sealPages: [3],
    make: () => scanPdf(table(3, { seals: [sig()] }), { quality: 45, seed: 3 }),
  },
  {
    file: 'scan-sealed-orange.pdf',
    what: 'orange-ish seal ink',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { seals: [sig(0.7, 0.8, { color: [232, 100, 40] })] }), { seed: 4 }),
  },
  {
    file: 'scan-sealed-pink.pdf',
    what: 'pink-ish, light seal ink',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { seals: [sig(0.66, 0.79, { color: [236, 110, 135], alpha: 0.75 })] }), { seed: 5 }),
  },
  {
    file: 'scan-sealed-faded-partial.pdf',
    what: 'faded seal with a quarter of the ring missing, overlapping the signature text',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { seals: [sig(0.45, 0.8, { color: [230, 120, 120], alpha: 0.6, gaps: [[200, 275]] })] }), { seed: 6 }),
  },
  {
    file: 'scan-oval-seal.pdf',
    what: 'oval (finance/contract style) seal',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { seals: [sig(0.68, 0.8, { cm: 4.6, oval: 0.68 })] }), { seed: 7 }),
  },
  {
    file: 'scan-seal-over-text.pdf',
    what: 'seal stamped straight over black text',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { seals: [sig(0.35, 0.8)] }), { seed: 8 }),
  },
  {
    file: 'scan-seal-small.pdf',
    what: 'small seal (3.5 cm)',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { seals: [sig(0.7, 0.8, { cm: 3.5 })] }), { seed: 9 }),
  },
  {
    file: 'scan-seal-large.pdf',
    what: 'large seal (5.8 cm), tilted',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { seals: [sig(0.65, 0.78, { cm: 5.8, rotate: 17 })] }), { seed: 10 }),
  },
  {
    file: 'scan-unsealed-1p.pdf',
    what: 'one-page colour scan of the unsealed print',
    status: 'unsealed',
    sealPages: [],
    make: () => scanPdf(table(1), { seed: 11 }),
  },
  {
    file: 'scan-unsealed-3p.pdf',
    what: 'three-page unsealed scan',
    status: 'unsealed',
    sealPages: [],
    signaturePages: [3],
    make: () => scanPdf(table(3), { seed: 12 }),
  },
  {
    file: 'scan-wrong-page.pdf',
    what: 'seal on page 1, signing block on page 3',
    status: 'seal-misplaced',
    sealPages: [1],
    signaturePages: [3],
    make: () => scanPdf([{ rows: 12, seals: [sig(0.6, 0.5)] }, { rows: 12 }, { signature: true, rows: 5 }], { seed: 13 }),
  },
  {
    file: 'scan-letterhead-unsealed.pdf',
    what: 'red letterhead (红头) and rule, no seal',
    status: 'unsealed',
    sealPages: [],
    make: () => scanPdf(table(1, { letterhead: true }), { seed: 14 }),
  },
  {
    file: 'scan-letterhead-sealed.pdf',
    what: 'red letterhead and a seal',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { letterhead: true, seals: [sig()] }), { seed: 15 }),
  },
  {
    file: 'scan-red-lines.pdf',
    what: 'red ruled lines, no seal',
    status: 'unsealed',
    sealPages: [],
    make: () => scanPdf(table(1, { redLines: true }), { seed: 16 }),
  },
  {
    file: 'scan-red-frame.pdf',
    what: 'red square frame near the signing block, no seal',
    status: 'unsealed',
    sealPages: [],
    make: () => scanPdf(table(1, { redFrame: true }), { seed: 17 }),
  },
  {
    file: 'scan-red-handwriting.pdf',
    what: 'red handwriting (批示) near the signing block, no seal',
    status: 'unsealed',
    sealPages: [],
    make: () => scanPdf(table(1, { handwriting: true }), { seed: 18 }),
  },
  {
    file: 'scan-red-logo.pdf',
    what: 'filled red logo with letterhead, no seal',
    status: 'unsealed',
    sealPages: [],
    make: () => scanPdf(table(1, { logo: true, letterhead: true }), { seed: 19 }),
  },
  {
    file: 'scan-red-everything-sealed.pdf',
    what: 'letterhead, logo, red lines, handwriting and a seal',
    status: 'sealed',
    sealPages: [1],
    make: () =>
      scanPdf(table(1, { logo: true, letterhead: true, redLines: true, handwriting: true, seals: [sig(0.3, 0.83)] }), { seed: 20 }),
  },
  {
    file: 'scan-grayscale-sealed.pdf',
    what: 'grayscale scan of a sealed form: red cannot be seen',
    status: 'uncertain',
    make: () => scanPdf(table(1, { seals: [sig()] }), { grayscale: true, seed: 21 }),
  },
  {
    file: 'scan-grayscale-unsealed.pdf',
    what: 'grayscale scan, no seal: no seal-shaped grey mark either, so unsealed (issue 15)',
    status: 'unsealed',
    make: () => scanPdf(table(2), { grayscale: true, seed: 22 }),
  },
  {
    file: 'scan-rotated-90.pdf',
    what: 'pages stored sideways, /Rotate 90, sealed',
    status: 'sealed',
    sealPages: [2],
    make: () =>
      scanPdf(
        [
          { rows: 12, rotate: 90 },
          { signature: true, rows: 5, rotate: 90, seals: [sig()] },
        ],
        { seed: 23 },
      ),
  },
  {
    file: 'scan-rotated-180.pdf',
    what: '/Rotate 180, sealed',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { rotate: 180, seals: [sig()] }), { seed: 24 }),
  },
  {
    file: 'scan-rotated-270.pdf',
    what: '/Rotate 270, sealed',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { rotate: 270, seals: [sig(0.6, 0.82)] }), { seed: 25 }),
  },
  {
    file: 'scan-rotated-90-unsealed.pdf',
    what: '/Rotate 90, not sealed',
    status: 'unsealed',
    sealPages: [],
    make: () => scanPdf(table(1, { rotate: 90 }), { seed: 26 }),
  },
  {
    file: 'scan-riding-sealed.pdf',
    what: '骑缝章 across three pages plus the seal on the signing block',
    status: 'sealed',
    sealPages: [3],
    ridingPages: [1, 2, 3],
    make: () =>
      scanPdf(
        [
          { rows: 12, riding: { share: 0.2, cy: 0.5 } },
          { rows: 12, riding: { share: 0.25, cy: 0.505 } },
          { signature: true, rows: 5, riding: { share: 0.3, cy: 0.5 }, seals: [sig(0.6, 0.8)] },
        ],
        { seed: 27 },
      ),
  },
  {
    file: 'scan-riding-only.pdf',
    what: '骑缝章 only, no seal on the signing block',
    status: 'seal-misplaced',
    sealPages: [],
    ridingPages: [1, 2],
    make: () =>
      scanPdf(
        [
          { rows: 12, riding: { share: 0.25, cy: 0.4 } },
          { signature: true, rows: 5, riding: { share: 0.25, cy: 0.41 } },
        ],
        { seed: 28 },
      ),
  },
  {
    file: 'scan-two-seals.pdf',
    what: 'seal on page 1 and on the signing page',
    status: 'sealed',
    sealPages: [1, 2],
    make: () =>
      scanPdf(
        [
          { rows: 12, seals: [sig(0.5, 0.3)] },
          { signature: true, rows: 5, seals: [sig()] },
        ],
        { seed: 29 },
      ),
  },
  {
    file: 'scan-200dpi-sealed.pdf',
    what: '200-DPI scan, sealed',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { seals: [sig()] }), { dpi: 200, seed: 30 }),
  },
  {
    file: 'scan-100dpi-sealed.pdf',
    what: '100-DPI scan, sealed',
    status: 'sealed',
    sealPages: [1],
    make: () => scanPdf(table(1, { seals: [sig()] }), { dpi: 100, seed: 31 }),
  },
  {
    file: 'scan-20-pages-sealed.pdf',
    what: '20-page 150-DPI scan, sealed on the last page (bench input)',
    status: 'sealed',
    sealPages: [20],
    signaturePages: [20],
    make: () => scanPdf(table(20, { seals: [sig()] }), { seed: 32 }),
  },
  {
    file: 'text-unsealed.pdf',
    what: 'text PDF exported from the spreadsheet, no seal',
    status: 'unsealed',
    sealPages: [],
    signaturePages: [1],
    make: () => textPdf(),
  },
  {
    file: 'text-unsealed-2p.pdf',
    what: 'two-page text PDF, signing block on page 2, no seal',
    status: 'unsealed',
    signaturePages: [2],
    make: () => textPdf({ pages: 2, schoolsPerPage: 4 }),
  },
  {
    file: 'text-stamped-image.pdf',
    what: 'text PDF with a seal image stamped on the signing block',
    status: 'sealed',
    sealPages: [1],
    signaturePages: [1],
    make: () => textPdf({ stampImageOn: [0] }),
  },
  {
    file: 'text-stamped-wrong-page.pdf',
    what: 'two-page text PDF, seal image on page 1, signing block on page 2',
    status: 'seal-misplaced',
    sealPages: [1],
    signaturePages: [2],
    make: () => textPdf({ pages: 2, schoolsPerPage: 4, stampImageOn: [0] }),
  },
  {
    file: 'text-vector-seal.pdf',
    what: 'text PDF with a seal drawn as red vector paths',
    status: 'sealed',
    sealPages: [1],
    make: () => textPdf({ vectorSealOn: 0 }),
  },
  {
    file: 'text-red-title-unsealed.pdf',
    what: 'text PDF with a red title and rule, no seal',
    status: 'unsealed',
    sealPages: [],
    make: () => textPdf({ redTitle: true }),
  },
  {
    file: 'text-rotated-90-stamped.pdf',
    what: 'text PDF, /Rotate 90, seal image',
    status: 'sealed',
    sealPages: [1],
    make: () => textPdf({ stampImageOn: [0], rotate: 90 }),
  },
  {
    file: 'text-esign-adbe.pdf',
    what: 'e-seal: signed /Sig field, adbe.pkcs7.detached, seal appearance',
    status: 'sealed',
    sealPages: [1],
    digital: { signer: '王芳', subFilter: 'adbe.pkcs7.detached' },
    make: () => textPdf({ sig: 'visible' }),
  },
  {
    file: 'text-esign-vendor.pdf',
    what: 'e-seal: vendor /Filter and /SubFilter (GB/T 38540 style)',
    status: 'sealed',
    sealPages: [1],
    digital: { signer: '河北省教育厅电子印章', subFilter: 'GBT38540.SES' },
    make: () => textPdf({ sig: 'vendor' }),
  },
  {
    file: 'text-esign-invisible.pdf',
    what: 'e-seal: invisible signature (zero /Rect), nothing drawn',
    status: 'sealed',
    digital: { invisible: true, signer: '河北省教育厅' },
    make: () => textPdf({ sig: 'invisible', pages: 2, schoolsPerPage: 4 }),
  },
  {
    file: 'text-stamp-annotation.pdf',
    what: '/Stamp annotation carrying a seal image',
    status: 'sealed',
    sealPages: [1],
    make: () => textPdf({ stampAnnotation: true }),
  },
  {
    file: 'text-300-pages-sealed.pdf',
    what: '300-page text PDF, seal image on the last page',
    status: 'sealed',
    sealPages: [300],
    signaturePages: [300],
    make: () => textPdf({ pages: 300, schoolsPerPage: 20, stampImageOn: [299] }),
  },
  {
    file: 'text-300-pages-unsealed.pdf',
    what: '300-page text PDF, no seal',
    status: 'unsealed',
    signaturePages: [300],
    make: () => textPdf({ pages: 300, schoolsPerPage: 20 }),
  },
  { file: 'encrypted.pdf', what: 'encrypted (user password set)', status: 'error', errorCode: 'encrypted', make: encryptedPdf },
  {
    file: 'truncated.pdf',
    what: 'sealed scan cut at 60 % (interrupted download)',
    status: 'error',
    errorCode: 'damaged',
    make: async () => {
      const b = await scanPdf(table(1, { seals: [sig()] }), { seed: 40 });
      return b.slice(0, Math.floor(b.length * 0.6));
    },
  },
  {
    file: 'not-a-pdf.pdf',
    what: 'a PNG renamed to .pdf',
    status: 'error',
    errorCode: 'not-pdf',
    make: async () => new Uint8Array(await sealPng()),
  },
  {
    file: 'plain-text.pdf',
    what: 'a text file renamed to .pdf',
    status: 'error',
    errorCode: 'not-pdf',
    make: async () => new TextEncoder().encode('推荐单位（盖章）：河北省教育厅\n'),
  },
  { file: 'empty.pdf', what: 'an empty file', status: 'error', errorCode: 'not-pdf', make: async () => new Uint8Array(0) },
  {
    file: 'garbage.pdf',
    what: 'a %PDF header and %%EOF around garbage',
    status: 'error',
    errorCode: 'damaged',
    make: async () => {
      const r = rng(5);
      const body = Array.from({ length: 4000 }, () => String.fromCharCode(33 + Math.floor(r() * 90))).join('');
      return new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF\n`);
    },
  },
];

export const DEFAULT_OUT = path.resolve(import.meta.dirname, '../test/fixtures/pdf/out');

/** Write every corpus file and `manifest.json` into `outDir`; skipped when a manifest of this version is there. */
export async function makeCorpus(outDir = DEFAULT_OUT, force = false): Promise<CorpusEntry[]> {
  const manifestPath = path.join(outDir, 'manifest.json');
  const entries: CorpusEntry[] = CORPUS.map(({ make: _make, ...e }) => e);
  if (!force && existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: number; files: CorpusEntry[] };
    if (m.version === CORPUS_VERSION && m.files.length === entries.length && m.files.every((f) => existsSync(path.join(outDir, f.file))))
      return m.files;
  }
  mkdirSync(outDir, { recursive: true });
  for (const e of CORPUS) writeFileSync(path.join(outDir, e.file), await e.make());
  writeFileSync(manifestPath, JSON.stringify({ version: CORPUS_VERSION, files: entries }, null, 2) + '\n');
  return entries;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUT;
  const files = await makeCorpus(out, true);
  console.log(`${files.length} files → ${out}`);
}
