/**
 * The exported workbook read by a second, independent reader: the zip is opened with fflate and the XML parts are
 * checked directly (not through ExcelJS, which wrote them). LibreOffice headless, when installed, converts it too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { forms } from '../forms';
import { degreeRecords, recommendationDraft } from '../../test/fixtures/xlsx/samples';
import { exportFormXlsx } from '.';

let parts: Record<string, string>;
let sheet: string;
let book: string;
let shared: string[];

/** The text of shared string `i`, as Excel would show it. */
function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>(.*?)<\/si>/gs)].map((m) => [...m[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join(''));
}

/** The `<c>` element of a cell reference, e.g. `B6`. */
function cellXml(ref: string): string {
  return new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`, 's').exec(sheet)?.[0] ?? '';
}

function cellText(ref: string): string {
  const c = cellXml(ref);
  const v = /<v>(.*?)<\/v>/.exec(c)?.[1];
  if (/t="s"/.test(c) && v !== undefined) return shared[Number(v)]!;
  return v ?? '';
}

beforeAll(async () => {
  const bytes = await exportFormXlsx(forms.recommendation, [recommendationDraft(6)]);
  const files = unzipSync(bytes);
  parts = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
  sheet = parts['xl/worksheets/sheet1.xml']!;
  book = parts['xl/workbook.xml']!;
  shared = sharedStrings(parts['xl/sharedStrings.xml'] ?? '');
});

describe('official layout, read from the XML parts', () => {
  it('merges the title across the table and writes the form title', () => {
    expect(sheet).toMatch(/<mergeCell ref="A1:Q1"\/>/);
    expect(cellText('A1')).toBe('“国优计划”教育实践学校推荐表');
  });

  it('defines the print area over the whole form and repeats the table header row on every page', () => {
    const area = /<definedName name="_xlnm.Print_Area" localSheetId="0">(.*?)<\/definedName>/.exec(book)?.[1];
    expect(area).toMatch(/!\$A\$1:\$Q\$\d+$/);
    const titles = /<definedName name="_xlnm.Print_Titles" localSheetId="0">(.*?)<\/definedName>/.exec(book)?.[1];
    expect(titles).toMatch(/!\$5:\$5$/);
    expect(cellText('A5')).toBe('序号');
    expect(cellText('B5')).toBe('学校名称');
  });

  it('prints on A4 landscape, fitted to one page wide', () => {
    const setup = /<pageSetup [^>]*\/>/.exec(sheet)?.[0] ?? '';
    expect(setup).toMatch(/paperSize="9"/);
    expect(setup).toMatch(/orientation="landscape"/);
    expect(setup).toMatch(/fitToWidth="1"/);
    expect(setup).toMatch(/fitToHeight="0"/);
    expect(sheet).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
  });

  it('puts drop-down lists on the option columns (学段, 办学性质) over the data rows', () => {
    const dvs = [...sheet.matchAll(/<dataValidation ([^>]*)><formula1>(.*?)<\/formula1>/g)].map((m) => ({ attrs: m[1]!, formula: m[2]! }));
    const stage = dvs.find((d) => /sqref="C6:C11"/.test(d.attrs));
    expect(stage?.attrs).toMatch(/type="list"/);
    expect(stage?.formula).toBe('&quot;小学,初中,高中,完全中学,九年一贯制,十二年一贯制&quot;');
    expect(dvs.find((d) => /sqref="F6:F11"/.test(d.attrs))?.formula).toBe('&quot;公办,民办&quot;');
  });

  it('writes identifiers as text and dates as real dates', () => {
    // G = 统一社会信用代码: a shared string, never a number.
    expect(cellXml('G6')).toMatch(/t="s"/);
    expect(cellText('G6')).toHaveLength(18);
    // The fill date (header block) is a serial number: 2024-08-01 = 45505.
    const dateCells = [...sheet.matchAll(/<c r="([A-Z]+\d+)"[^>]*><v>45505<\/v><\/c>/g)].map((m) => m[1]);
    expect(dateCells.length).toBeGreaterThanOrEqual(1);
    // Integers are numbers.
    expect(cellXml('M6')).not.toMatch(/t="s"/);
    expect(cellText('M6')).toBe('20');
  });

  it('ends with the signature block 推荐单位（盖章）', () => {
    expect(shared).toContain('推荐单位（盖章）：');
  });

  it('sets column widths and wraps long text', () => {
    expect(sheet).toMatch(/<col min="1" max="1" width="6/);
    expect(parts['xl/styles.xml']).toMatch(/wrapText="1"/);
  });

  it('degree records: dates before 1970 are real dates (1965-03-07 = 23808), ID numbers are text', async () => {
    const bytes = await exportFormXlsx(forms.degreeRecord, degreeRecords(3));
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(xml).toMatch(/<v>23808<\/v>/);
    expect(xml).not.toMatch(/E\+1\d/);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));

describe.skipIf(!soffice)('LibreOffice headless (when installed)', () => {
  it('converts the export to CSV with the values in place', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guoyou-lo-'));
    try {
      const file = path.join(dir, 'rec.xlsx');
      writeFileSync(file, await exportFormXlsx(forms.recommendation, [recommendationDraft(6)]));
      execFileSync(soffice!, ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], {
        timeout: 60_000,
      });
      const csv = readdirSync(dir).find((f) => f.endsWith('.csv'));
      expect(csv).toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
