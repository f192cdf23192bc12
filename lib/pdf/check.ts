import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { FormData, FormDefinition } from '../forms/types';
import { compareSignersWithDraft, compareWithDraft } from './draft-compare';
import type { PDFDocument } from 'pdf-lib';
import { checkIntegrity, findDigitalSeals, indexOfAscii, loadStructure, mayHoldDigitalSeals, type DigitalSeal } from './digital-seals';
import { pageHasTextOps, pageMayShowSeal } from './page-hints';
import { greyInkGrid, inkGrid, stampedOnPaper, type InkGrid, type PixelStats } from './red-mask';
import { findRidingSeals } from './riding';
import { findSealShapes, GREY_SEAL_SHAPE, type EdgeCandidate, type PixelBox } from './seal-shape';
import { findSignaturePages, signatureScore, type ScanSignaturePage } from './signature-page';
import { bilingual } from './text';
import type { PdfBox, PdfCheckResult, PdfError, SealFound } from './types';
import { verdict } from './verdict';
import { guardPdf, PDF_GUARD_LIMITS } from './guard';
import { renderWithin } from './page-budget';

/** The parts of pdf.js the check uses: the legacy build in Node, the modern build (with its worker) in the browser. */
export type PdfJs = Pick<typeof PdfJsModule, 'getDocument' | 'OPS' | 'AnnotationMode'>;

export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
  timeBudgetMs: number;
  maxImagePixels: number;
  maxCanvasPixels: number;
  scale: number;
  /** Files up to this size are also read with pdf-lib (digital seals, cheap page hints); larger ones only by pdf.js. */
  structureMaxBytes: number;
}

/** Safety limits of issue 6 §8. Every file gets an answer within them. */
export const PDF_LIMITS: Readonly<PdfLimits> = {
  /** Larger files are refused before parsing (a 200 MB scan would freeze a tab). */
  maxBytes: 100 * 1024 * 1024,
  maxPages: 500,
  /** Wall-clock budget per file; pages left over are reported, never silently skipped. */
  timeBudgetMs: 60_000,
  /** Images above this many pixels are not decoded (a 600-DPI A4 scan is ~35 MP). */
  maxImagePixels: 50_000_000,
  /** Render canvases stay below this many pixels whatever the page size. */
  maxCanvasPixels: 4_000_000,
  /** Render scale: 72 DPI draws a 4.2 cm seal ~120 px across, plenty for its ring. */
  scale: 1,
  structureMaxBytes: 30 * 1024 * 1024,
};

export interface CheckOptions {
  /** Name reported as `file`. */
  fileName: string;
  limits?: Partial<PdfLimits>;
  /** Where the signing block is on scans (no text): from the form definition; default the last page. */
  scanSignaturePage?: ScanSignaturePage;
  /** Attach PNG data URLs of each seal region (UI). */
  thumbnails?: boolean;
  /** Compare with a draft (missing/extra schools, page count). */
  draft?: { form: FormDefinition; data: FormData };
  /** Extra pdf.js document parameters of the environment (cMapUrl, standardFontDataUrl, wasmUrl). */
  documentParams?: Record<string, unknown>;
  signal?: AbortSignal;
}

class CheckError extends Error {
  constructor(readonly pdfError: PdfError) {
    super(pdfError.message.en);
  }
}

const IMAGE_OPS = (ops: PdfJs['OPS']) =>
  new Set<number>([
    ops.paintImageXObject,
    ops.paintInlineImageXObject,
    ops.paintImageMaskXObject,
    ops.paintImageXObjectRepeat,
    ops.paintSolidColorImageMask,
  ]);

/** `#rrggbb` from pdf.js colour operators; red-dominant vector ink may be a drawn seal. */
function isReddish(hex: unknown): boolean {
  if (typeof hex !== 'string' || hex.length !== 7) return false;
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  return r - g > 40 && r - b > 40;
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout();
        reject(new CheckError({ code: 'timeout', message: bilingual('pdf.error.timeout', { seconds: Math.round(ms / 1000) }) }));
      }, ms);
    }),
  ]);
}

/** Cheap structural checks before pdf.js sees the bytes. */
export function preflight(bytes: Uint8Array, maxBytes: number): PdfError | undefined {
  if (bytes.length === 0) return { code: 'not-pdf', message: bilingual('pdf.error.empty') };
  if (bytes.length > maxBytes) {
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    return { code: 'too-large', message: bilingual('pdf.error.tooLarge', { size: mb(bytes.length), max: mb(maxBytes) }) };
  }
  const head = indexOfAscii(bytes.subarray(0, 1024), '%PDF-');
  if (head < 0) return { code: 'not-pdf', message: bilingual('pdf.error.notPdf') };
  // A file cut short (interrupted download/copy) has no %%EOF near its end; pdf.js would quietly show what is left.
  if (indexOfAscii(bytes.subarray(Math.max(0, bytes.length - 2048)), '%%EOF') < 0)
    return { code: 'damaged', message: bilingual('pdf.error.truncated') };
  return undefined;
}

function errorResult(file: string, error: PdfError, started: number, pages = 0): PdfCheckResult {
  return {
    file,
    status: 'error',
    pages,
    signaturePages: [],
    seals: [],
    reason: error.message,
    error,
    textLayer: false,
    findings: [],
    ms: Math.round(performance.now() - started),
  };
}

function toPdfBox(viewport: { convertToPdfPoint(x: number, y: number): number[] }, b: PixelBox): PdfBox {
  const [x0, y0] = viewport.convertToPdfPoint(b.x, b.y) as [number, number];
  const [x1, y1] = viewport.convertToPdfPoint(b.x + b.width, b.y + b.height) as [number, number];
  const r = (n: number) => Math.round(n * 10) / 10;
  return { x: r(Math.min(x0, x1)), y: r(Math.min(y0, y1)), width: r(Math.abs(x1 - x0)), height: r(Math.abs(y1 - y0)) };
}

interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
  toDataURL(type?: string): string;
  /** @napi-rs/canvas (Node) only: the stored RGBA bytes, premultiplied. */
  data?(): Uint8Array;
}
interface Ctx2D {
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  drawImage(src: unknown, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void;
}
interface CanvasFactory {
  create(w: number, h: number): { canvas: CanvasLike; context: Ctx2D };
  destroy(c: { canvas: CanvasLike; context: Ctx2D }): void;
}

function thumbnail(factory: CanvasFactory, src: CanvasLike, b: PixelBox): string {
  const pad = Math.round(Math.max(b.width, b.height) * 0.1);
  const sx = Math.max(0, b.x - pad);
  const sy = Math.max(0, b.y - pad);
  const sw = Math.min(src.width - sx, b.width + 2 * pad);
  const sh = Math.min(src.height - sy, b.height + 2 * pad);
  const k = Math.min(1, 160 / Math.max(sw, sh));
  const out = factory.create(Math.max(1, Math.round(sw * k)), Math.max(1, Math.round(sh * k)));
  out.context.drawImage(src, sx, sy, sw, sh, 0, 0, out.canvas.width, out.canvas.height);
  const url = out.canvas.toDataURL('image/png');
  factory.destroy(out);
  return url;
}

/**
 * The rendered page's RGBA bytes. In Node, @napi-rs/canvas hands its stored pixels over directly, without
 * getImageData's un-premultiplying pass: a rendered page is opaque (pdf.js paints the white page first), so they are
 * the same bytes. Browsers read them with getImageData.
 */
function readPixels(target: { canvas: CanvasLike; context: Ctx2D }, w: number, h: number): Uint8Array | Uint8ClampedArray {
  if (typeof target.canvas.data === 'function') {
    const raw = target.canvas.data();
    if (raw.length === w * h * 4) return raw;
  }
  return target.context.getImageData(0, 0, w, h).data;
}

interface PageInfo {
  page: number;
  text: string;
  hasText: boolean;
  hasImages: boolean;
  needsRender: boolean;
  stampAnnotations: PdfBox[];
}

/** The finer look renders at this many times the page's first scale (within maxCanvasPixels). */
const FINE_SCALE = 2;
/** Seal-ink cells a page must hold for a finer look: a few specks of JPEG colour noise are not worth one. */
const FINE_MIN_INK_CELLS = 40;
/** Share of the page width along each side border where a 骑缝章's strip lies. */
const SIDE_BAND = 0.04;

interface InkPass {
  scale: number;
  target: { canvas: CanvasLike; context: Ctx2D };
  viewport: ReturnType<PDFPageProxy['getViewport']>;
  pixels: Uint8Array | Uint8ClampedArray;
  w: number;
  h: number;
  grid: InkGrid;
  stats: PixelStats;
}

/** Render one page at `scale` (cancelled at the deadline) and read its seal-ink grid, one cell per 2 points of the page. */
async function drawInk(
  pdfjs: PdfJs,
  page: PDFPageProxy,
  n: number,
  scale: number,
  factory: CanvasFactory,
  deadline: number,
  limits: PdfLimits,
): Promise<InkPass> {
  const viewport = page.getViewport({ scale });
  const w = Math.max(1, Math.floor(viewport.width));
  const h = Math.max(1, Math.floor(viewport.height));
  const target = factory.create(w, h);
  const task = page.render({
    canvas: target.canvas as unknown as HTMLCanvasElement,
    canvasContext: target.context as unknown as CanvasRenderingContext2D,
    viewport,
    annotationMode: pdfjs.AnnotationMode.ENABLE,
  });
  // One page's work is bounded too: rendering is cancelled at the deadline, not only between pages.
  await renderWithin(task, deadline, () => {
    factory.destroy(target);
    throw new CheckError({
      code: 'timeout',
      message: bilingual('pdf.error.pageTimeout', { page: n, seconds: Math.round(limits.timeBudgetMs / 1000) }),
    });
  });
  const pixels = readPixels(target, w, h);
  const { grid, stats } = inkGrid(pixels, w, h, Math.max(1, Math.round(2 * scale)), 1);
  return { scale, target, viewport, pixels, w, h, grid, stats };
}

/** Seal shapes in a pass's grid, without those inside a colour photo or logo. */
function sealsOnPaper(p: InkPass): ReturnType<typeof findSealShapes> {
  const shapes = findSealShapes(p.grid);
  return { ...shapes, seals: shapes.seals.filter((s) => stampedOnPaper(p.pixels, p.w, p.h, s.box)) };
}

/** Whether a page's seal ink is left unexplained by what the cheap pass found: no seal, or no strip at a side with ink. */
function wantsFinerLook(p: InkPass, found: ReturnType<typeof findSealShapes>): boolean {
  const { cols, rows, cells } = p.grid;
  let ink = 0;
  let atSide = 0;
  const band = Math.max(1, Math.round(cols * SIDE_BAND));
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if (!cells[y * cols + x]) continue;
      ink++;
      if (x < band || x >= cols - band) atSide++;
    }
  }
  if (ink < FINE_MIN_INK_CELLS) return false;
  return !found.seals.length || (!found.edges.length && atSide >= FINE_MIN_INK_CELLS / 4);
}

/**
 * Check one PDF for the official seal on its signing page. Runs anywhere pdf.js runs; never throws for bad input —
 * every failure becomes `status: 'error'` with a bilingual message. The bytes may be transferred (detached).
 */
export async function checkPdf(pdfjs: PdfJs, bytes: Uint8Array, opts: CheckOptions): Promise<PdfCheckResult> {
  const started = performance.now();
  const limits = { ...PDF_LIMITS, ...opts.limits };
  const file = opts.fileName;
  const pre = preflight(bytes, limits.maxBytes) ?? guardPdf(bytes, { ...PDF_GUARD_LIMITS, maxImagePixels: limits.maxImagePixels });
  if (pre) return errorResult(file, pre, started);

  // pdf-lib reads the same bytes (digital seals, page hints); pdf.js may transfer (detach) what it is given, so it gets
  // a copy of files small enough to keep, and large files with signature markers are read by pdf-lib first.
  const keep = bytes.length <= limits.structureMaxBytes ? bytes : undefined;
  const markers = mayHoldDigitalSeals(bytes);
  let structure: Promise<PDFDocument | undefined> | undefined;
  const loadLib = (): Promise<PDFDocument | undefined> => (keep ? (structure ??= loadStructure(keep)) : Promise.resolve(undefined));
  let early: DigitalSeal[] | undefined;
  if (!keep && markers) {
    const doc = await loadStructure(bytes);
    early = doc ? safeDigital(doc) : [];
    await safeIntegrity(early, bytes);
  }
  const digitalSeals = async (): Promise<DigitalSeal[]> => {
    if (early) return early;
    if (!markers && !structure) return [];
    const doc = await loadLib();
    const seals = doc ? safeDigital(doc) : [];
    if (keep) await safeIntegrity(seals, keep);
    return seals;
  };

  const task = pdfjs.getDocument({
    data: keep ? bytes.slice() : bytes,
    isEvalSupported: false,
    enableXfa: false,
    maxImageSize: limits.maxImagePixels,
    canvasMaxAreaInBytes: limits.maxCanvasPixels * 4,
    stopAtErrors: false,
    verbosity: 0,
    ...opts.documentParams,
  } as Parameters<PdfJs['getDocument']>[0]);
  const deadline = started + limits.timeBudgetMs;
  let doc: PDFDocumentProxy | undefined;
  try {
    doc = await withTimeout(task.promise, limits.timeBudgetMs, () => void task.destroy());
    // The whole check has one deadline: past it, the document (and the pdf.js worker it started) is destroyed, so a
    // file that hangs the parser cannot hold the queue behind it.
    const remaining = Math.max(1, deadline - performance.now());
    return await withTimeout(
      analyse(pdfjs, doc, opts, limits, { loadLib, digitalSeals, annotations: !keep }, started, deadline),
      remaining + 2000,
      () => void task.destroy(),
    );
  } catch (e) {
    if (e instanceof CheckError) return errorResult(file, e.pdfError, started, doc?.numPages ?? 0);
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') return errorResult(file, { code: 'encrypted', message: bilingual('pdf.error.encrypted') }, started);
    // pdf.js's own text ("Invalid PDF structure", a quoted token) means nothing to the user.
    return errorResult(file, { code: 'damaged', message: bilingual('pdf.error.damaged') }, started, doc?.numPages ?? 0);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/**
 * Text, and whether the page must be rendered. Pages without text (scans) are always rendered; text pages only when
 * they draw an image, red ink or an annotation appearance (a 300-page text PDF is read, not drawn). That is decided
 * from pdf-lib's view of the page when the file was small enough to read twice, else from pdf.js's operator list
 * (which render() would not reuse: pdf.js caches operator lists per intent, and scans skip it altogether).
 */
async function readPage(
  pdfjs: PdfJs,
  page: PDFPageProxy,
  imageOps: Set<number>,
  structure: Structure,
  lib: PDFDocument | undefined,
  want: { text: boolean; textOps?: boolean },
): Promise<PageInfo> {
  let text = '';
  if (want.text) {
    const content = await page.getTextContent();
    text = content.items.map((it) => ('str' in it ? it.str : '')).join('\n');
  }
  const hasText = want.text ? text.replace(/\s+/g, '').length >= 4 : !!want.textOps;
  let stampAnnotations: PdfBox[] = [];
  if (structure.annotations) {
    const annotations = (await page.getAnnotations()) as Array<{ subtype?: string; rect?: number[] }>;
    stampAnnotations = annotations
      .filter((a) => a.subtype === 'Stamp' && a.rect)
      .map((a) => {
        const [x0, y0, x1, y1] = a.rect as [number, number, number, number];
        return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
      });
  }
  const info: PageInfo = { page: page.pageNumber, text, hasText, hasImages: false, needsRender: true, stampAnnotations };
  if (!hasText) return info;
  if (lib) {
    info.needsRender = pageMayShowSeal(lib, page.pageNumber - 1);
    return info;
  }
  const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.ENABLE });
  let hasRed = false;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    if (imageOps.has(fn)) info.hasImages = true;
    else if (
      (fn === pdfjs.OPS.setFillRGBColor || fn === pdfjs.OPS.setStrokeRGBColor) &&
      isReddish((ops.argsArray[i] as unknown[] | undefined)?.[0])
    )
      hasRed = true;
  }
  info.needsRender = info.hasImages || hasRed || stampAnnotations.length > 0;
  return info;
}

interface Structure {
  loadLib: () => Promise<PDFDocument | undefined>;
  digitalSeals: () => Promise<DigitalSeal[]>;
  /** Ask pdf.js for annotations (stamps) when pdf-lib does not read the file. */
  annotations: boolean;
}

function safeDigital(doc: PDFDocument): DigitalSeal[] {
  try {
    return findDigitalSeals(doc);
  } catch {
    return [];
  }
}

/** Signature integrity where it can be read; a failure leaves the seals as found (presence only). */
async function safeIntegrity(seals: DigitalSeal[], file: Uint8Array): Promise<void> {
  await checkIntegrity(seals, file).catch(() => undefined);
}

async function analyse(
  pdfjs: PdfJs,
  doc: PDFDocumentProxy,
  opts: CheckOptions,
  limits: PdfLimits,
  structure: Structure,
  started: number,
  deadline: number,
): Promise<PdfCheckResult> {
  const file = opts.fileName;
  const total = doc.numPages;
  if (total > limits.maxPages) {
    return errorResult(
      file,
      { code: 'too-large', message: bilingual('pdf.error.tooManyPages', { pages: total, max: limits.maxPages }) },
      started,
      total,
    );
  }
  const imageOps = IMAGE_OPS(pdfjs.OPS);
  const infos: PageInfo[] = [];
  const pages = new Map<number, PDFPageProxy>();
  const lib = await structure.loadLib();
  const textOps = lib ? Array.from({ length: total }, (_, i) => pageHasTextOps(lib, i)) : undefined;
  // Text is read for every page when comparing with a draft, or when pdf-lib cannot say which pages carry text.
  // Otherwise pages are read from the last one back until the signing block (a seal cue) turns up: the signing
  // block ends the form, and a 300-page text PDF need not be read in full. Pages without text ops are scans.
  const everyPage = !!opts.draft || !textOps;
  const sequence = Array.from({ length: total }, (_, i) => (everyPage ? i + 1 : total - i));
  let signingFound = false;
  for (const n of sequence) {
    if (opts.signal?.aborted) throw new CheckError({ code: 'timeout', message: bilingual('pdf.error.timeout', { seconds: 0 }) });
    if (performance.now() > deadline) {
      throw new CheckError({
        code: 'timeout',
        message: bilingual('pdf.error.timeout', { seconds: Math.round(limits.timeBudgetMs / 1000) }),
      });
    }
    const wantText = everyPage || (!signingFound && !!textOps?.[n - 1]);
    if (!wantText && lib && textOps?.[n - 1] && !pageMayShowSeal(lib, n - 1)) {
      infos[n - 1] = { page: n, text: '', hasText: true, hasImages: false, needsRender: false, stampAnnotations: [] };
      continue;
    }
    const page = await doc.getPage(n);
    const info = await readPage(pdfjs, page, imageOps, structure, lib, { text: wantText, textOps: textOps?.[n - 1] });
    if (wantText && signatureScore(info.text) >= 3) signingFound = true;
    infos[n - 1] = info;
    if (info.needsRender) pages.set(n, page);
    else page.cleanup();
  }
  const textLayer = infos.some((i) => i.hasText);
  const signaturePages = findSignaturePages(
    infos.map((i) => (i.hasText ? i.text : '')),
    opts.scanSignaturePage,
  );

  // Signature pages first: if time runs out, the verdict on them still stands.
  const sigSet = new Set(signaturePages);
  const order = [...pages.keys()].sort((a, b) => Number(sigSet.has(b)) - Number(sigSet.has(a)) || a - b);
  const seals: SealFound[] = [];
  const edges: Array<{ page: number; edges: EdgeCandidate[]; toPdf: (b: PixelBox) => PdfBox; thumb?: (b: PixelBox) => string }> = [];
  const grayscalePages: number[] = [];
  const skippedPages: number[] = [];
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const pending: Array<{ canvas: { canvas: CanvasLike; context: Ctx2D } }> = [];
  for (const n of order) {
    const page = pages.get(n)!;
    if (performance.now() > deadline || opts.signal?.aborted) {
      skippedPages.push(n);
      continue;
    }
    const base = page.getViewport({ scale: 1 });
    const fit = Math.sqrt(limits.maxCanvasPixels / (base.width * base.height));
    const scale = Math.min(limits.scale, fit);
    const draw = (s: number) => drawInk(pdfjs, page, n, s, factory, deadline, limits);
    let pass = await draw(scale);
    let found = sealsOnPaper(pass);
    // A finer look only where the cheap pass saw seal ink it could not place (faint or broken strokes of a faded or
    // blurred seal fall apart at 72 DPI): a page with no seal on it, or none of a 骑缝章's strip at a border it has ink at.
    const fine = Math.min(scale * FINE_SCALE, fit);
    if (fine > scale * 1.2 && wantsFinerLook(pass, found)) {
      const closer = await draw(fine).catch((e: unknown) => {
        factory.destroy(pass.target);
        throw e;
      });
      const seen = sealsOnPaper(closer);
      if (seen.seals.length > found.seals.length || (seen.edges.length && !found.edges.length)) {
        factory.destroy(pass.target);
        pass = closer;
        found = seen;
      } else factory.destroy(closer.target);
    }
    const { target, viewport, pixels, w, h, stats } = pass;
    const info = infos[n - 1]!;
    // A scan page with marks on it but no colour at all: a grayscale scan, where red ink is invisible. (Blank pages have no marks.)
    // It is `uncertain` only when a seal-shaped grey mark is there; a grayscale page without one is unsealed.
    if (!info.hasText && stats.chromaticFraction < 0.0005 && stats.markedFraction > 0.005) {
      const grey = findSealShapes(greyInkGrid(pixels, w, h, Math.max(1, Math.round(2 * pass.scale))), GREY_SEAL_SHAPE);
      if (grey.seals.length) grayscalePages.push(n);
    }
    const toPdf = (b: PixelBox) => toPdfBox(viewport, b);
    const thumb = opts.thumbnails ? (b: PixelBox) => thumbnail(factory, target.canvas, b) : undefined;
    for (const s of found.seals)
      seals.push({ page: n, kind: 'image', box: toPdf(s.box), confidence: s.confidence, thumbnail: thumb?.(s.box) });
    if (found.edges.length) {
      edges.push({ page: n, edges: found.edges, toPdf, thumb });
      if (thumb) pending.push({ canvas: target });
      else factory.destroy(target);
    } else factory.destroy(target);
    page.cleanup();
  }
  for (const r of findRidingSeals(edges)) {
    const e = edges.find((x) => x.page === r.page)!;
    const box = e.toPdf(r.slice.box);
    // The end strip of a 骑缝章 can look like a seal cut by the border; lined up with strips on the next pages, it is one.
    const claimed = seals.findIndex((s) => s.page === r.page && s.kind === 'image' && overlaps(s.box, box));
    if (claimed >= 0) seals.splice(claimed, 1);
    seals.push({ page: r.page, kind: 'riding', box, confidence: r.confidence, thumbnail: e.thumb?.(r.slice.box) });
  }
  for (const p of pending) factory.destroy(p.canvas);

  const digital = await structure.digitalSeals();
  for (const d of digital) {
    seals.push({
      page: d.page || signaturePages[0] || total,
      kind: 'digital',
      box: d.box,
      confidence: d.source === 'signature' ? 1 : 0.8,
      signer: d.signer,
      filter: d.filter,
      subFilter: d.subFilter,
      invisible: d.invisible || undefined,
      signature: d.check,
    });
  }
  // Stamp annotations pdf-lib did not see (e.g. inside compressed object streams): pdf.js still lists them.
  if (!digital.some((d) => d.source === 'stamp')) {
    for (const info of infos) {
      for (const box of info.stampAnnotations) {
        const rendered = seals.some((s) => s.page === info.page && s.kind === 'image' && overlaps(s.box, box));
        if (rendered) seals.push({ page: info.page, kind: 'digital', box, confidence: 0.7 });
      }
    }
  }
  seals.sort((a, b) => a.page - b.page);
  const v = verdict({
    signaturePages,
    seals,
    grayscalePages,
    skippedPages,
    totalPages: total,
    budgetSeconds: Math.round(limits.timeBudgetMs / 1000),
  });
  const signers = seals
    .filter((s) => s.kind === 'digital')
    .map((s) => [s.signature?.certificateOrganisation, s.signature?.certificateName, s.signer].filter((n): n is string => !!n));
  const findings = opts.draft
    ? [
        ...compareWithDraft({ ...opts.draft, pages: total, pageTexts: infos.map((i) => i.text), textLayer }),
        ...compareSignersWithDraft(opts.draft.form, opts.draft.data, signers),
      ]
    : [];
  return {
    file,
    status: v.status,
    pages: total,
    signaturePages,
    seals,
    reason: v.reason,
    textLayer,
    findings,
    ms: Math.round(performance.now() - started),
  };
}

function overlaps(a: PdfBox, b: PdfBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
