import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { forms } from '../forms';
import { degreeRecords, recommendationDraft } from '../../test/fixtures/xlsx/samples';
import { officialTemplate, TEMPLATE_ROWS } from '../../test/fixtures/xlsx/template';
import { fillTemplate, importSpreadsheet, inspectTemplate } from '.';
import { loadWorkbook, newWorkbook, workbookBytes } from './workbook';

let template: Uint8Array;
beforeAll(async () => {
  template = await officialTemplate();
});

describe('official template', () => {
  it('is recognised: header row, columns by header text, unknown columns named, rows before the footer', async () => {
    const r = await inspectTemplate(template, 'recommendation');
    if (!r.ok) throw new Error(r.error.en);
    expect(r.layout).toMatchObject({
      sheet: '推荐表',
      headerRow: 5,
      firstDataRow: 6,
      capacity: TEMPLATE_ROWS.dataRows,
      unmapped: ['学校网址'],
    });
    expect(r.layout.columns).toMatchObject({ B: 'schoolName', C: 'schoolStage', G: 'creditCode', P: 'reason', R: 'remarks' });
  });

  it("a workbook without the form's headers is refused with a message", async () => {
    const wb = newWorkbook();
    wb.addWorksheet('x').addRow(['甲', '乙']);
    const r = await inspectTemplate(await workbookBytes(wb), 'recommendation');
    expect(!r.ok && r.error.zh).toMatch(/模板中没有找到「.*」的表头行/);
  });

  describe('filled with six schools (three more than its blank rows)', () => {
    const draft = recommendationDraft(6);
    let filled: Uint8Array;
    beforeAll(async () => {
      const r = await fillTemplate(template, forms.recommendation, [draft]);
      if (!r.ok) throw new Error(r.error.en);
      filled = r.bytes;
    });

    it("writes the header block and every school into the template's own columns", async () => {
      const { wb } = await loadWorkbook(filled);
      const ws = wb.getWorksheet('推荐表')!;
      expect(ws.getCell('B3').value).toBe('北京市教育委员会');
      expect(ws.getCell('G3').value).toBe('张三');
      expect(ws.getCell('J3').value).toBe('010-66075588');
      expect((ws.getCell('B4').value as Date).toISOString()).toBe('2024-08-01T00:00:00.000Z');
      for (let i = 0; i < 6; i++) {
        expect(ws.getCell(`A${6 + i}`).value).toBe(i + 1);
        expect(ws.getCell(`B${6 + i}`).value).toBe(draft.groups.schools![i]!.schoolName);
        expect(ws.getCell(`G${6 + i}`).value).toBe(draft.groups.schools![i]!.creditCode);
        expect(ws.getCell(`Q${6 + i}`).value).toBeNull();
      }
    });

    it('keeps the other sheet, the title merge, fonts, borders and validations; moves the footer down with its merges', async () => {
      const { wb } = await loadWorkbook(filled);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['填表说明', '推荐表']);
      const notes = wb.getWorksheet('填表说明')!;
      expect(notes.getCell('A1').value).toMatch(/^填表说明/);
      expect(notes.getCell('A1').font?.bold).toBe(true);
      const ws = wb.getWorksheet('推荐表')!;
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      expect(merges).toEqual(expect.arrayContaining(['A2:R2', 'B3:E3', 'A13:F13', 'L13:O13']));
      expect(merges).not.toContain('A10:F10');
      expect(ws.getCell('A2').font?.name).toBe('方正小标宋简体');
      expect(ws.getCell('A13').value).toBe('推荐单位（盖章）：');
      expect(ws.getCell('A14').value).toMatch(/^注：/);
      // New rows look like the template's blank rows.
      expect(ws.getCell('B11').font?.name).toBe('仿宋');
      expect(ws.getCell('B11').border?.left?.style).toBe('thin');
      expect(ws.getRow(11).height).toBe(28);
      expect(ws.getCell('E5').font?.name).toBe('黑体');
      expect(ws.getCell('C11').dataValidation).toBeUndefined();
      expect(ws.getCell('F11').dataValidation?.type).toBe('list');
    });

    it('keeps print setup and moves the print area with the footer (read from the XML)', () => {
      const files = unzipSync(filled);
      const book = strFromU8(files['xl/workbook.xml']!);
      expect(book).toMatch(/_xlnm.Print_Area" localSheetId="1">&apos;推荐表&apos;!\$A\$1:\$R\$14</);
      expect(book).toMatch(/_xlnm.Print_Titles" localSheetId="1">&apos;推荐表&apos;!\$5:\$5</);
      const sheet = strFromU8(files['xl/worksheets/sheet2.xml']!);
      expect(sheet).toMatch(/orientation="landscape"/);
    });

    it('imports back into the same draft (the template has no province field)', async () => {
      const r = await importSpreadsheet(filled, 'filled.xlsx', { check: () => [] });
      if (!r.ok) throw new Error(r.error.en);
      expect(r.report.drafts[0]!.data).toEqual({ ...draft, fields: { ...draft.fields, province: '' } });
    });
  });

  it('a drop-down over a whole column (as Excel/WPS write it) is cut below the data instead of expanding to 1,048,575 cells', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('推荐表');
    ws.addRow(['序号', '学校名称', '学段', '办学性质']);
    const files = unzipSync(await workbookBytes(wb));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!).replace(
      '</sheetData>',
      '</sheetData><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="D2:D1048576 C2:C1048576"><formula1>"公办,民办"</formula1></dataValidation></dataValidations>',
    );
    files['xl/worksheets/sheet1.xml'] = strToU8(sheet);
    const r = await fillTemplate(zipSync(files), forms.recommendation, [recommendationDraft(5)]);
    if (!r.ok) throw new Error(r.error.en);
    const out = strFromU8(unzipSync(r.bytes)['xl/worksheets/sheet1.xml']!);
    const sqrefs = [...out.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(sqrefs.sort()).toEqual(['C2:C2000', 'D2:D2000']);
  });

  it('writes the unit after a 推荐单位（盖章）： label above the table, not after the seal line under it', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('推荐表');
    ws.addRow(['推荐单位（盖章）：', null, null, '填表日期：']);
    ws.addRow(['序号', '学校名称', '学段', '办学性质']);
    ws.addRow([]);
    ws.addRow(['推荐单位（盖章）：']);
    const r = await fillTemplate(await workbookBytes(wb), forms.recommendation, [recommendationDraft(5)]);
    if (!r.ok) throw new Error(r.error.en);
    const { wb: out } = await loadWorkbook(r.bytes);
    const sheet = out.getWorksheet('推荐表')!;
    expect(sheet.getCell('B1').value).toBe('北京市教育委员会');
    expect((sheet.getCell('E1').value as Date).toISOString().slice(0, 10)).toBe('2024-08-01');
    const footer = sheet.getColumn(1).values.findIndex((v, i) => i > 2 && v === '推荐单位（盖章）：');
    expect(sheet.getCell(footer, 2).value).toBeNull();
  });

  it('fills a degree-record template written with pinyin codes', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['XM', 'ZJHM', 'XH', 'XWZSBH', 'XWSYRQ', 'BZ']);
    ws.getColumn(2).numFmt = '@';
    const records = degreeRecords(3);
    const r = await fillTemplate(await workbookBytes(wb), forms.degreeRecord, records);
    if (!r.ok) throw new Error(r.error.en);
    const { wb: out } = await loadWorkbook(r.bytes);
    const sheet = out.getWorksheet('Sheet1')!;
    expect(sheet.getCell('A2').value).toBe(records[0]!.fields.name);
    expect(sheet.getCell('B4').value).toBe(records[2]!.fields.idNumber);
    expect((sheet.getCell('E3').value as Date).toISOString().slice(0, 10)).toBe('2024-06-30');
  });
});
