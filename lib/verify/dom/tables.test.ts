import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findTables, headerGrid, headerLayers, cellText, hasSpace, rowCells } from './tables';

const doc = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;

describe('headerGrid', () => {
  it.each([
    ['one row', '<tr><th>学号</th><th>姓名</th></tr>', ['学号', '姓名']],
    ['colspan repeats the text', '<tr><th colspan="2">学位</th><th>备注</th></tr>', ['学位', '学位', '备注']],
    [
      'two rows: the lower text wins, rowspan fills down',
      '<tr><th rowspan="2">学号</th><th colspan="2">主学位</th></tr><tr><th>学位授予日期</th><th>学位证书编号</th></tr>',
      ['学号', '学位授予日期', '学位证书编号'],
    ],
  ])('%s', (_, rows, expected) => {
    const d = doc(`<table><thead>${rows}</thead></table>`);
    expect(headerGrid(Array.from(d.querySelectorAll('thead tr')))).toEqual(expected);
  });
});

describe('headerLayers', () => {
  it('gives each column the group header spanning it as context', () => {
    const d = doc(`<table><thead><tr><th rowspan="2">姓名</th><th colspan="2">主学位</th><th colspan="2">教育硕士</th></tr>
      <tr><th>授予单位</th><th>证书编号</th><th>授予单位</th><th>证书编号</th></tr></thead></table>`);
    expect(headerLayers(Array.from(d.querySelectorAll('thead tr')))).toEqual({
      headers: ['姓名', '授予单位', '证书编号', '授予单位', '证书编号'],
      groups: ['', '主学位', '主学位', '教育硕士', '教育硕士'],
    });
  });
});

describe('findTables', () => {
  it('reads a plain table with a thead, skipping rows that span the table', () => {
    const d = doc(`<table><thead><tr><th>学号</th><th>姓名</th></tr></thead>
      <tbody><tr><td>1</td><td> 张 三 </td></tr><tr><td colspan="2">暂无数据</td></tr></tbody></table>`);
    const [g] = findTables(d);
    expect(g!.kind).toBe('html');
    expect(g!.headers).toEqual(['学号', '姓名']);
    expect(g!.rows.map((r) => r.cells.map(cellText))).toEqual([['1', '张 三']]);
  });

  it('reads a table whose header is a first row of th, and ignores layout tables without one', () => {
    const d = doc(`<table><tr><th>学号</th><th>姓名</th></tr><tr><td>1</td><td>甲</td></tr></table>
      <table><tr><td>姓名：</td><td>乙</td></tr></table>`);
    const tables = findTables(d);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows).toHaveLength(1);
  });

  it('reads an Element table from its separate header and body tables, once, without the fixed-column copies', () => {
    const d = doc(`<div class="el-table">
      <div class="el-table__header-wrapper"><table class="el-table__header"><thead><tr><th><div class="cell">学号</div></th><th><div class="cell">证件号码</div></th></tr></thead></table></div>
      <div class="el-table__body-wrapper"><table class="el-table__body"><tbody>
        <tr class="el-table__row"><td><div class="cell">2022001</div></td><td><div class="cell">110108200001011234</div></td></tr>
        <tr class="el-table__row"><td><div class="cell">2022002</div></td><td><div class="cell"><input value=" 11010820000202123X "></div></td></tr>
      </tbody></table></div>
      <div class="el-table__fixed"><div class="el-table__fixed-header-wrapper"><table class="el-table__header"><thead><tr><th>学号</th></tr></thead></table></div></div>
    </div>`);
    const tables = findTables(d);
    expect(tables.map((t) => t.kind)).toEqual(['element']);
    expect(tables[0]!.headers).toEqual(['学号', '证件号码']);
    expect(tables[0]!.rows.map((r) => r.cells.map(cellText))).toEqual([
      ['2022001', '110108200001011234'],
      ['2022002', '11010820000202123X'],
    ]);
  });

  it('reads an Ant Design table (rows of .ant-table-row only)', () => {
    const d = doc(`<div class="ant-table"><table><thead class="ant-table-thead"><tr><th>学号</th><th>姓名</th></tr></thead>
      <tbody class="ant-table-tbody"><tr aria-hidden="true" class="ant-table-measure-row"><td></td><td></td></tr>
      <tr class="ant-table-row"><td>1</td><td>甲</td></tr></tbody></table></div>`);
    const tables = findTables(d);
    expect(tables.map((t) => [t.kind, t.rows.length])).toEqual([['antd', 1]]);
  });
});

describe('hasSpace', () => {
  // Every character the regex class \s matches, a few it does not, and the shapes cells come in.
  const spaces = [
    ' ',
    '\t',
    '\n',
    '\v',
    '\f',
    '\r',
    '\u00a0',
    '\u1680',
    '\u2000',
    '\u2005',
    '\u200a',
    '\u2028',
    '\u2029',
    '\u202f',
    '\u205f',
    '\u3000',
    '\ufeff',
  ];
  const others = [
    '',
    'a',
    '2024-06-30',
    '北京大学',
    '\u0000',
    '\u001f',
    '\u0085',
    '\u00a1',
    '\u180e',
    '\u200b',
    '\u2027',
    '\u202a',
    '\u2060',
    '\u3001',
    '\ufefe',
    '\uff00',
  ];
  it.each([...spaces.map((c) => [`U+${c.charCodeAt(0).toString(16)}`, c] as const), ...others.map((c) => [JSON.stringify(c), c] as const)])(
    '%s agrees with /\\s/',
    (_, c) => {
      for (const s of [c, `x${c}`, `${c}北`, `北京${c}大学`]) expect(hasSpace(s), JSON.stringify(s)).toBe(/\s/.test(s));
    },
  );
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const s = String.fromCharCode(c);
      if (hasSpace(s) !== /\s/.test(s)) expect(c.toString(16)).toBe('not a disagreement');
    }
  });
});

describe('rowCells', () => {
  it.each([
    ['cells without attributes', '<tr><td>a</td><td>b</td></tr>', ['a', 'b']],
    ['colspan repeats the cell', '<tr><td colspan="3">a</td><td>b</td></tr>', ['a', 'a', 'a', 'b']],
    ['other attributes span one column', '<tr><td class="c" data-x="1">a</td><td>b</td></tr>', ['a', 'b']],
    ['a bad colspan spans one column', '<tr><td colspan="x">a</td><td colspan="0">b</td></tr>', ['a', 'b']],
  ])('%s', (_, row, expected) => {
    const d = doc(`<table><tbody>${row}</tbody></table>`);
    expect(rowCells(d.querySelector('tr')!).map((c) => c.textContent)).toEqual(expected);
  });
});
