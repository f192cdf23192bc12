import { describe, expect, it } from 'vitest';
import { generateCase } from '../../scripts/seal-eval/generate';
import { checkPdfInNode } from './node';
import type { PdfCheckResult } from './types';

const ridingPages = (r: PdfCheckResult) => r.seals.filter((s) => s.kind === 'riding').map((s) => s.page);

describe('a finer look where the cheap pass leaves seal ink unexplained (issue 15)', () => {
  it('finds the faint last strip of a 骑缝章 that falls apart at 72 DPI', async () => {
    // From the tune part of the evaluation (seed 3): a faded riding seal over five pages, blurred, JPEG quality 41. On
    // page 5 its ring is a dotted arc at 72 DPI; at twice that it holds together.
    const c = await generateCase('riding', 3020124);
    const fine = await checkPdfInNode(c.bytes.slice(), { fileName: 'riding.pdf' });
    expect(fine.status).toBe('sealed');
    expect(ridingPages(fine)).toEqual([1, 2, 3, 4, 5]);
    // With no room for a finer render (canvases capped near the page's first scale), that strip is lost.
    const coarse = await checkPdfInNode(c.bytes.slice(), { fileName: 'riding.pdf', limits: { maxCanvasPixels: 600_000 } });
    expect(ridingPages(coarse)).toEqual([1, 2, 3, 4]);
  }, 90_000);
});
