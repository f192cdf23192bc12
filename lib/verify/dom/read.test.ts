import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { forms } from '../../forms';
import { formHints } from '../../autofill/hints';
import {
  cleanRecord,
  rng,
  recordFormPage,
  recordViewPage,
  plainTablePage,
  TABLE_COLUMNS,
  FORM_FIELDS,
} from '../../../test/fixtures/verify';
import { Anchors, hasControlOutside, readPage } from './read';
import { allRecords } from '../records';

const { hints } = formHints(forms.degreeRecord);
const load = (html: string) => parseHTML(html).document as unknown as Document;
const rec = cleanRecord(rng(3), 0);

function values(html: string) {
  const anchors = new Anchors();
  const read = readPage(load(html), hints, anchors);
  return { read, anchors, values: allRecords(read).map((r) => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.text]))) };
}

describe('readPage', () => {
  it('reads a record form through the autofill scan and matcher (labels with *, ：, label[for] or a cell to the left)', () => {
    const { read, values: v } = values(recordFormPage(rec));
    expect(read.records).toHaveLength(1);
    expect(read.records[0]!.source).toBe('form');
    expect(Object.keys(v[0]!).sort()).toEqual([...FORM_FIELDS].sort());
    // linkedom keeps no select state (the e2e suite reads selects in Chromium): compare the text inputs here.
    const texts = FORM_FIELDS.filter((k) => !read.records[0] || !load(recordFormPage(rec)).querySelector(`select#f_${k}`));
    expect(texts.length).toBeGreaterThan(10);
    for (const k of texts) expect(v[0]![k], k).toBe(rec[k]);
  });

  it('reads a read-only view: th/td pairs and span pairs', () => {
    const { read, values: v } = values(recordViewPage(rec));
    expect(read.records.map((r) => r.source)).toEqual(['view']);
    expect(v[0]).toEqual(Object.fromEntries(FORM_FIELDS.map((k) => [k, rec[k]])));
  });

  it('reads a list table row by row, anchors pointing at the cells', () => {
    const recs = [rec, cleanRecord(rng(4), 1)];
    const { read, anchors, values: v } = values(plainTablePage(recs));
    expect(read.tables).toHaveLength(1);
    expect(read.tables[0]!.unmapped).toEqual([]); // 序号 and 操作 are the list's own columns
    expect(read.records).toEqual([]);
    expect(allRecords(read).map((r) => [r.source, r.row])).toEqual([
      ['table', 0],
      ['table', 1],
    ]);
    expect(v[1]).toEqual(Object.fromEntries(TABLE_COLUMNS.map(([k]) => [k, recs[1]![k]])));
    const cell = allRecords(read)[1]!.cells.idNumber!;
    expect(anchors.get(cell.ref)!.textContent).toBe(recs[1]!.idNumber);
  });

  it('does not take a page with one matching label for a record', () => {
    const { read } = values('<html><body><form><label>姓名 <input name="q"></label><button>查询</button></form></body></html>');
    expect(read.records).toEqual([]);
  });
});

describe('hasControlOutside', () => {
  // `#list` stands for a list table already read (its row checkboxes and inputs are not a record form).
  it.each([
    ['no controls', '<div><p>x</p></div><table id="list"><tr><td>1</td></tr></table>', false],
    ['controls only in the list', '<table id="list"><tr><td><input type="checkbox"></td><td><select></select></td></tr></table>', false],
    ['an input beside the list', '<label>姓名 <input></label><table id="list"><tr><td><input></td></tr></table>', true],
    ['a select nested in a div', '<div><div><span><select></select></span></div></div>', true],
    ['a textarea after the list', '<table id="list"><tr><td>1</td></tr></table><div><textarea></textarea></div>', true],
    ['a control in a second, unread table', '<table id="list"><tr><td>1</td></tr></table><table><tr><td><input></td></tr></table>', true],
  ])('%s', (_name, body, expected) => {
    const doc = load(`<html><body>${body}</body></html>`);
    const list = doc.getElementById('list');
    const skip = new Set<Element>(list ? [list] : []);
    expect(hasControlOutside(doc, skip)).toBe(expected);
    // The same answer as counting controls page-wide against those inside the list.
    const count = (r: Document | Element) => r.querySelectorAll('input, select, textarea').length;
    expect(count(doc) > (list ? count(list) : 0)).toBe(expected);
  });
});

describe('detail views of one record (label → value pairs; section titles are context, never labels)', () => {
  /** Fields shown in every view below: the same three short labels under the main degree and the 教育硕士 degree. */
  const BASIC: Array<[string, string]> = [
    ['姓名', 'name'],
    ['学号', 'studentNo'],
    ['证件号码', 'idNumber'],
    ['出生日期', 'birthDate'],
  ];
  const MAIN: Array<[string, string]> = [
    ['授予日期', 'mainDegreeDate'],
    ['证书编号', 'mainDegreeCertNo'],
    ['授予单位', 'mainDegreeUnit'],
  ];
  const EDU: Array<[string, string]> = [
    ['授予日期', 'eduMasterDate'],
    ['证书编号', 'eduMasterCertNo'],
    ['授予单位', 'eduMasterUnit'],
  ];
  const SECTIONS: Array<[title: string, cells: Array<[string, string]>]> = [
    ['个人信息', BASIC],
    ['主修学位', MAIN],
    ['教育硕士专业学位', EDU],
  ];
  const v = (k: string) => rec[k] ?? '';
  const expected = Object.fromEntries(SECTIONS.flatMap(([, cells]) => cells.map(([, k]) => [k, v(k)])));

  const elDescriptions = (bordered: boolean) =>
    SECTIONS.map(
      ([title, cells]) =>
        `<div class="el-descriptions"><div class="el-descriptions__header"><div class="el-descriptions__title">${title}</div></div>` +
        `<div class="el-descriptions__body"><table class="el-descriptions__table"><tbody><tr class="el-descriptions-row">` +
        cells
          .map(([l, k]) =>
            bordered
              ? `<th class="el-descriptions-item__cell el-descriptions-item__label is-bordered-label">${l}</th><td class="el-descriptions-item__cell el-descriptions-item__content">${v(k)}</td>`
              : `<td class="el-descriptions-item"><div class="el-descriptions-item__container"><span class="el-descriptions-item__label">${l}：</span><span class="el-descriptions-item__content">${v(k)}</span></div></td>`,
          )
          .join('') +
        `</tr></tbody></table></div></div>`,
    ).join('');
  const antDescriptions = SECTIONS.map(
    ([title, cells]) =>
      `<div class="ant-descriptions ant-descriptions-bordered"><div class="ant-descriptions-header"><div class="ant-descriptions-title">${title}</div></div>` +
      `<div class="ant-descriptions-view"><table><tbody>` +
      cells
        .map(
          ([l, k]) =>
            `<tr class="ant-descriptions-row"><th class="ant-descriptions-item-label" colspan="1"><span>${l}</span></th><td class="ant-descriptions-item-content" colspan="3">${v(k)}</td></tr>`,
        )
        .join('') +
      `</tbody></table></div></div>`,
  ).join('');
  // One two-column table: a section row spanning the table, th/td pairs two to a row.
  const sectionRowsTable =
    '<table class="info">' +
    SECTIONS.map(([title, cells]) => {
      let rows = `<tr><th colspan="4" class="sec">${title}</th></tr>`;
      for (let i = 0; i < cells.length; i += 2)
        rows += `<tr>${cells
          .slice(i, i + 2)
          .map(([l, k]) => `<th>${l}：</th><td>${v(k)}</td>`)
          .join('')}</tr>`;
      return rows;
    }).join('') +
    '</table>';
  // A group cell spanning its section's rows at the start of each row group.
  const rowspanTable =
    '<table border="1"><tbody>' +
    SECTIONS.map(([title, cells]) =>
      cells
        .map(([l, k], i) => `<tr>${i === 0 ? `<td rowspan="${cells.length}">${title}</td>` : ''}<td>${l}</td><td>${v(k)}</td></tr>`)
        .join(''),
    ).join('') +
    '</tbody></table>';
  const dl = SECTIONS.map(
    ([title, cells]) => `<section><h4>${title}</h4><dl>${cells.map(([l, k]) => `<dt>${l}</dt><dd>${v(k)}</dd>`).join('')}</dl></section>`,
  ).join('');
  // td/td pairs in a layout table under panel titles: a value is never read again as the next label.
  const panels = SECTIONS.map(([title, cells]) => {
    let rows = '';
    for (let i = 0; i < cells.length; i += 2)
      rows += `<tr>${cells
        .slice(i, i + 2)
        .map(([l, k]) => `<td class="k">${l}</td><td>${v(k)}</td>`)
        .join('')}</tr>`;
    return `<div class="panel"><div class="panel-heading">${title}</div><div class="panel-body"><table>${rows}</table></div></div>`;
  }).join('');

  it.each([
    ['el-descriptions, bordered', elDescriptions(true)],
    ['el-descriptions, plain', elDescriptions(false)],
    ['a-descriptions, bordered', antDescriptions],
    ['a two-column table with section rows', sectionRowsTable],
    ['a table with rowspan group cells', rowspanTable],
    ['<dl> under headings', dl],
    ['td/td pairs under panel titles', panels],
  ])('%s', (_name, body) => {
    const { read, values: got } = values(`<html><body><h2>学生学位信息详情</h2>${body}<button>返回</button></body></html>`);
    expect(read.records.map((r) => r.source)).toEqual(['view']);
    expect(got[0]).toEqual(expected);
    expect(read.records[0]!.unmapped ?? []).toEqual([]);
  });

  it('reports a label that names no field once, and never a section title', () => {
    const body = `<div class="card"><div class="card-header">主修学位</div><div class="card-body"><table>
      <tr><td>授予日期</td><td>${v('mainDegreeDate')}</td><td>授予单位</td><td>${v('mainDegreeUnit')}</td></tr></table></div></div>
      <div class="card"><div class="card-header">教育硕士专业学位</div><div class="card-body"><table>
      <tr><td>授予日期</td><td>${v('eduMasterDate')}</td><td>证书编号</td><td>${v('eduMasterCertNo')}</td></tr>
      <tr><td>授予单位</td><td>${v('eduMasterUnit')}</td><td>论文题目</td><td>课堂教学中的探究</td></tr></table></div></div>`;
    const { read, values: got } = values(`<html><body>${body}</body></html>`);
    expect(got[0]).toEqual({
      mainDegreeDate: v('mainDegreeDate'),
      mainDegreeUnit: v('mainDegreeUnit'),
      eduMasterDate: v('eduMasterDate'),
      eduMasterCertNo: v('eduMasterCertNo'),
      eduMasterUnit: v('eduMasterUnit'),
    });
    expect(read.records[0]!.unmapped).toEqual(['论文题目']);
  });
});
