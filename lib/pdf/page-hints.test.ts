import { describe, expect, it } from 'vitest';
import { PDFDocument, rgb, cmyk } from 'pdf-lib';
import { contentMayShowSeal, pageHasTextOps, pageMayShowSeal } from './page-hints';

describe('contentMayShowSeal', () => {
  it.each([
    ['black text', 'BT /F1 12 Tf 0 0 0 rg (abc) Tj ET', false],
    ['grey line', '0.5 0.5 0.5 RG 1 w 0 0 m 100 0 l S', false],
    ['red fill', '0.85 0.1 0.12 rg 0 0 100 100 re f', true],
    ['red stroke, no leading zero', '.9 .1 .1 RG', true],
    ['blue', '0 0 1 rg', false],
    ['red in CMYK', '0 0.9 0.85 0 k', true],
    ['black in CMYK', '0 0 0 1 k', false],
    ['inline image', 'q BI /W 4 /H 4 ID xxxx EI Q', true],
    ['shading', '/Sh0 sh', true],
  ])('%s → %s', (_n, ops, expected) => {
    expect(contentMayShowSeal(ops)).toBe(expected);
  });
});

describe('pageMayShowSeal', () => {
  it('tells pages with images or red drawing from plain text pages', async () => {
    const doc = await PDFDocument.create();
    const plain = doc.addPage();
    plain.drawText('hello', { x: 50, y: 50, color: rgb(0, 0, 0) });
    const red = doc.addPage();
    red.drawEllipse({ x: 100, y: 100, xScale: 40, yScale: 40, borderColor: rgb(0.86, 0.12, 0.15), borderWidth: 3 });
    const cmykRed = doc.addPage();
    cmykRed.drawRectangle({ x: 10, y: 10, width: 10, height: 10, color: cmyk(0, 0.9, 0.85, 0) });
    const image = doc.addPage();
    const png = await doc.embedPng(
      Uint8Array.from(
        Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
      ),
    );
    image.drawImage(png, { x: 0, y: 0, width: 10, height: 10 });
    const reloaded = await PDFDocument.load(await doc.save());
    expect([0, 1, 2, 3].map((i) => pageMayShowSeal(reloaded, i))).toEqual([false, true, true, true]);
    expect([0, 1, 2, 3].map((i) => pageHasTextOps(reloaded, i))).toEqual([true, false, false, false]);
  });
});
