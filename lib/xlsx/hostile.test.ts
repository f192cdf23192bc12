/**
 * Issue 13 §1–§3: the hostile spreadsheets of the review and variants of each class are refused with a clear message
 * before ExcelJS materialises them; an honest workbook and a UTF-16 CSV are read. The heavy samples (hundreds of MB
 * to generate) run in `npm run fuzz`, which also measures time and memory.
 */
import { describe, expect, it } from 'vitest';
import { hostileCsvs, hostileSpreadsheets } from '../../test/fixtures/hostile/spreadsheets';
import { readSpreadsheet } from './read';
import { importSpreadsheet } from '.';
import { preflightXlsx, defaultLimits } from './guard';

const samples = [...hostileSpreadsheets(), ...hostileCsvs()].filter((s) => !s.heavy);

describe('hostile spreadsheets', () => {
  it.each(samples.filter((s) => s.refusal).map((s) => [s.name, s] as const))('%s: refused', async (_name, sample) => {
    const r = await importSpreadsheet(sample.bytes(), sample.file, { check: () => [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.zh).toMatch(sample.refusal!);
    // A message for people: no library text, no raw bytes.
    for (const text of [r.error.zh, r.error.en]) expect(text).not.toMatch(/Error|undefined|\bat\b.*\.ts|[\u0000-\u0008\u000e-\u001f]/);
  });

  it('the honest control workbook is read', async () => {
    const sample = hostileSpreadsheets().find((s) => s.point === 0)!;
    const [sheet] = await readSpreadsheet(sample.bytes(), sample.file);
    expect(sheet!.rows).toHaveLength(1001);
  });

  it('a sheet hidden inside another entry is counted (a small one too)', async () => {
    const { zipWithHiddenEntry } = await import('../../test/fixtures/hostile/zip');
    const { strToU8 } = await import('fflate');
    const hidden = { name: 'xl/worksheets/sheet1.xml', data: strToU8('<worksheet><sheetData><row r="1"/></sheetData></worksheet>') };
    const bytes = zipWithHiddenEntry('xl/media/x.bin', hidden, [
      { name: '[Content_Types].xml', data: strToU8('<Types/>') },
      { name: 'xl/workbook.xml', data: strToU8('<workbook/>') },
    ]);
    expect(() => preflightXlsx(bytes, defaultLimits)).toThrow(/zip bomb/);
  });

  it('merges, cells and columns within the limits are accepted', () => {
    const limits = { ...defaultLimits, maxMerges: 3, maxMergedCells: 8, maxColumns: 4, maxCells: 10 };
    const honest = hostileSpreadsheets()
      .find((s) => s.point === 0)!
      .bytes();
    expect(() => preflightXlsx(honest, { ...limits, maxCells: 2002, maxRows: 1001 })).not.toThrow();
    expect(() => preflightXlsx(honest, { ...limits, maxCells: 2001, maxRows: 1001 })).toThrow(/too many cells/);
    expect(() => preflightXlsx(honest, { ...limits, maxCells: 5000, maxRows: 1000 })).toThrow(/too many rows/);
  });
});

describe('CSV encodings (issue 13 §13)', () => {
  it('reads a UTF-16LE CSV with BOM (Notepad "Unicode", tab-separated) as the extension does', async () => {
    const sample = hostileCsvs().find((s) => s.file === 'utf16.csv')!;
    const [sheet] = await readSpreadsheet(sample.bytes(), sample.file);
    const texts = sheet!.rows.map((r) => r.cells.map((c) => (c.raw.kind === 'text' ? c.raw.text : '')));
    expect(texts[0]).toEqual(['姓名', '学号', '证件号码']);
    expect(texts[1]![2]).toBe('110101200001011234');
  });

  it.each([
    ['UTF-16BE with BOM', [0xfe, 0xff], (c: number) => [c >> 8, c & 0xff]],
    ['UTF-16LE without BOM', [], (c: number) => [c & 0xff, c >> 8]],
  ] as const)('%s', async (_name, bom, unit) => {
    const text = '姓名,学号\r\nZhang San,2024001\r\n';
    const bytes = new Uint8Array([...bom, ...[...text].flatMap((ch) => unit(ch.charCodeAt(0)))]);
    const [sheet] = await readSpreadsheet(bytes, 'x.csv');
    expect(sheet!.rows[1]!.cells[0]).toEqual({ raw: { kind: 'text', text: 'Zhang San' }, formula: false });
  });
});
