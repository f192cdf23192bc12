/** Malformed and hostile files are refused with a clear bilingual message before ExcelJS sees them. */
import { strToU8, unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { forms } from '../forms';
import { degreeRecords } from '../../test/fixtures/xlsx/samples';
import { exportFormXlsx, importSpreadsheet } from '.';
import { preflightXlsx } from './guard';

let valid: Uint8Array;
beforeAll(async () => {
  valid = await exportFormXlsx(forms.degreeRecord, degreeRecords(2));
});

/** The valid workbook with its first sheet replaced. */
function withSheet(xml: string | Uint8Array<ArrayBuffer>): Uint8Array {
  const files = unzipSync(valid);
  files['xl/worksheets/sheet1.xml'] = typeof xml === 'string' ? strToU8(xml) : xml;
  return zipSync(files, { level: 1 });
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

async function refusal(bytes: Uint8Array, name = 'file.xlsx') {
  const r = await importSpreadsheet(bytes, name, { check: () => [] });
  if (r.ok) throw new Error('accepted');
  return r.error;
}

describe('malformed inputs fail with a clear message', () => {
  it.each([
    ['an empty file', new Uint8Array(), /文件是空的/],
    ['a text file named .xlsx', strToU8('姓名,学号\n张三,001'), /不是 \.xlsx 文件/],
    ['a legacy .xls (OLE) file', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 \.xls/],
    [
      'random bytes that start like a zip',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256)]),
      /不完整或已损坏/,
    ],
  ])('%s', async (_name, bytes, zh) => {
    const error = await refusal(bytes);
    expect(error.zh).toMatch(zh);
    expect(error.en.length).toBeGreaterThan(10);
  });

  it('a truncated .xlsx (an unfinished download)', async () => {
    const error = await refusal(valid.subarray(0, Math.floor(valid.length * 0.6)));
    expect(error.zh).toMatch(/不完整或已损坏/);
    expect(error.en).toMatch(/incomplete or damaged/);
  });

  it('a zip that is not a workbook', async () => {
    const error = await refusal(zipSync({ 'readme.txt': strToU8('hello') }));
    expect(error.zh).toMatch(/没有 Excel 工作簿/);
  });

  it('a zip bomb, from the sizes its directory declares (nothing inflated)', async () => {
    const bomb = withSheet(new Uint8Array(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await refusal(bomb);
    expect(error.zh).toMatch(/压缩炸弹/);
    expect(error.en).toMatch(/zip bomb/);
  });

  it('a zip bomb whose directory lies about the size, from the bytes actually inflated', () => {
    const bomb = withSheet(SHEET_HEAD + '<sheetData>' + '<row r="1"/>'.repeat(200_000) + '</sheetData></worksheet>');
    // Rewrite the sheet's uncompressed size in the central directory (offset 24 of its header) to 1000 bytes.
    const name = strToU8('xl/worksheets/sheet1.xml');
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    let patched = false;
    for (let i = 0; i < bomb.length - 46; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLen = view.getUint16(i + 28, true);
      if (nameLen === name.length && name.every((b, j) => bomb[i + 46 + j] === b)) {
        view.setUint32(i + 24, 1000, true);
        patched = true;
      }
    }
    expect(patched).toBe(true);
    expect(() => preflightXlsx(bomb)).toThrow(/zip bomb/);
  });

  it('1,000,000 rows announced by the sheet dimension', async () => {
    const sheet =
      SHEET_HEAD +
      '<dimension ref="A1:AD1000000"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row></sheetData></worksheet>';
    const error = await refusal(withSheet(sheet));
    expect(error.zh).toMatch(/行数过多（1000000 行，上限 50000 行）/);
  });

  it('1,000,000 rows without a dimension: counted while streaming, stopped at the limit', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 1_000_000; r++) rows.push(`<row r="${r}"/>`);
    const error = await refusal(withSheet(SHEET_HEAD + '<sheetData>' + rows.join('') + '</sheetData></worksheet>'));
    expect(error.zh).toMatch(/行数过多/);
    expect(error.en).toMatch(/too many rows/);
  });

  it('wrong headers', async () => {
    const bytes = withSheet(
      SHEET_HEAD +
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>产品</t></is></c><c r="B1" t="inlineStr"><is><t>价格</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>苹果</t></is></c><c r="B2"><v>3</v></c></row></sheetData></worksheet>',
    );
    const error = await refusal(bytes);
    expect(error.zh).toMatch(/没有找到可识别的表头/);
    expect(error.en).toMatch(/XM, ZJHM, XWZSBH/);
  });

  it('a CSV with wrong headers', async () => {
    const error = await refusal(strToU8('a,b,c\n1,2,3\n'), 'list.csv');
    expect(error.zh).toMatch(/没有找到可识别的表头/);
  });

  it('a CSV with more rows than the limit', async () => {
    const csv = 'XM,ZJHM\n' + '张三,1\n'.repeat(60_000);
    const error = await refusal(strToU8(csv), 'big.csv');
    expect(error.zh).toMatch(/行数过多/);
  });
});

describe('row counting while streaming', () => {
  it('counts every <row> exactly, across chunk boundaries, and ignores <rowBreaks>', () => {
    // Title, header, two records, the seal line and the date line.
    expect(preflightXlsx(valid).rows['xl/worksheets/sheet1.xml']).toBe(6);
    const rows: string[] = [];
    for (let r = 1; r <= 30_000; r++) rows.push(`<row r="${r}" spans="1:2"><c r="A${r}" t="inlineStr"><is><t>第${r}行</t></is></c></row>`);
    const xml = SHEET_HEAD + '<sheetData>' + rows.join('') + '</sheetData><rowBreaks count="1"><brk id="5"/></rowBreaks></worksheet>';
    // Stored (not deflated): chunk boundaries fall at fixed byte offsets, inside tags.
    const files = unzipSync(valid);
    files['xl/worksheets/sheet1.xml'] = strToU8(xml);
    const stored = zipSync(files, { level: 0 });
    expect(preflightXlsx(stored).rows['xl/worksheets/sheet1.xml']).toBe(30_000);
  });
});

describe('CSV', () => {
  it('reads GBK files (as saved by Excel/WPS in China), quoted fields with commas, quotes and line breaks', async () => {
    const text = 'XM,XH,BZ\r\n"欧阳,娜娜",00123,"他说""好""\n第二行"\r\n';
    const r = await importSpreadsheet(new Uint8Array(iconv.encode(text, 'gbk')), '名单.csv', { check: () => [] });
    if (!r.ok) throw new Error(r.error.en);
    const rec = r.report.drafts[0]!;
    expect(rec.data.fields.name).toBe('欧阳,娜娜');
    expect(rec.data.fields.studentNo).toBe('00123');
    expect(rec.data.fields.remarks).toBe('他说"好"\n第二行');
    expect(rec.rows).toEqual([2]);
  });

  it('keeps a leading = as text: nothing is evaluated', async () => {
    const r = await importSpreadsheet(strToU8('\uFEFF姓名,学号,备注\n张三,=1+1,=HYPERLINK("http://x")\n'), 'a.csv', { check: () => [] });
    expect(r.ok && r.report.drafts[0]!.data.fields.studentNo).toBe('=1+1');
    expect(r.ok && r.report.drafts[0]!.data.fields.remarks).toBe('=HYPERLINK("http://x")');
  });
});
