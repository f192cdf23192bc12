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
