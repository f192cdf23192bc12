import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { scanRoot } from './scan';
import { matchControls } from '../autofill/match';
import type { FieldHint } from './types';
import { forms } from '../forms';
import { formHints } from '../autofill/hints';

// Label inference on tricky markup, run on a DOM implementation (no layout needed).
function scan(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return scanRoot(document as unknown as Document);
}

function labelsOf(html: string, name: string) {
  const c = scan(html).find((x) => x.name === name);
  if (!c) throw new Error(`no control ${name}`);
  return c.labels.map((l) => `${l.source}:${l.text}`);
}

describe('inferLabels', () => {
  it.each([
    [
      'label[for] with required mark and full-width colon',
      '<label for="a">*学校名称：</label><input id="a" name="a">',
      'label-for:学校名称',
    ],
    ['wrapping label', '<label>联系电话 <input name="a"></label>', 'label-wrap:联系电话'],
    ['aria-labelledby', '<span id="l1">证件号码</span><input name="a" aria-labelledby="l1">', 'aria-labelledby:证件号码'],
    ['aria-label', '<input name="a" aria-label="学号">', 'aria-label:学号'],
    ['placeholder without the verb', '<input name="a" placeholder="请输入学校名称">', 'placeholder:学校名称'],
    ['title', '<input name="a" title="请选择填表日期">', 'title:填表日期'],
    [
      'cell to the left, full-width letters',
      '<table><tr><td>Ｅ－ｍａｉｌ：</td><td><input name="a"></td></tr></table>',
      'cell-left:e-mail',
    ],
    [
      'nested table: the label is left of the enclosing cell',
      '<table><tr><td>学位证书编号：</td><td><table><tr><td><input name="a"></td><td>16位数字</td></tr></table></td></tr></table>',
      'cell-left:学位证书编号',
    ],
    [
      'label row above the input row',
      '<table><tr><td>学科门类</td><td>一级学科</td></tr><tr><td><select name="x"><option>理学</option></select></td><td><input name="a"></td></tr></table>',
      'column-header:一级学科',
    ],
    ['label after a checkbox', '<input type="checkbox" name="a"> 应届毕业生', 'preceding-text:应届毕业生'],
    ['preceding text', '<div>所在县（区）：<input name="a"></div>', 'preceding-text:所在县(区)'],
    [
      'Element Plus form item',
      '<div class="el-form-item"><label class="el-form-item__label">*推荐单位</label><div class="el-form-item__content"><div class="el-input"><input name="a" class="el-input__inner"></div></div></div>',
      'form-item:推荐单位',
    ],
    [
      'layui form item (inline)',
      '<div class="layui-form-item"><div class="layui-inline"><label class="layui-form-label">经办人</label><div class="layui-input-inline"><input name="a"></div></div></div>',
      'form-item:经办人',
    ],
    [
      'Ant Design form item',
      '<div class="ant-form-item"><div class="ant-form-item-label"><label title="学生姓名">学生姓名</label></div><div class="ant-form-item-control"><input name="a"></div></div>',
      'form-item:学生姓名',
    ],
  ])('%s', (_name, html, expected) => {
    expect(labelsOf(html, 'a')).toContain(expected);
  });

  it('treats a cell with only a hidden input as text, and a cell with an input-less el-select as a control', () => {
    expect(labelsOf('<table><tr><td><input type="hidden" name="h">学校名称：</td><td><input name="a"></td></tr></table>', 'a')).toContain(
      'cell-left:学校名称',
    );
    const labels = labelsOf(
      '<table><tr><td>学段</td><td><div class="el-select"><span>请选择</span></div></td><td><input name="a"></td></tr></table>',
      'a',
    );
    expect(labels.filter((l) => l.startsWith('cell-left'))).toEqual([]);
  });

  it('numbers rows under a column header, skipping the header and counting only rows with controls', () => {
    const controls = scan(`<table>
      <thead><tr><th>序号</th><th>*学校名称</th><th>办学性质</th></tr></thead>
      <tbody>
        <tr><td>1</td><td><input name="m1"></td><td><input type="radio" name="n1" value="1">公办<input type="radio" name="n1" value="2">民办</td></tr>
        <tr><td>2</td><td><input name="m2"></td><td><input type="radio" name="n2" value="1">公办<input type="radio" name="n2" value="2">民办</td></tr>
      </tbody></table>`);
    expect(controls.map((c) => [c.name, c.kind, c.row?.index, c.labels[0]?.text])).toEqual([
      ['m1', 'text', 0, '学校名称'],
      ['n1', 'radio-group', 0, '办学性质'],
      ['m2', 'text', 1, '学校名称'],
      ['n2', 'radio-group', 1, '办学性质'],
    ]);
    expect(controls[1]!.radios!.map((r) => r.text.trim())).toEqual(['公办', '民办']);
  });

  it('reads the column headers of an Element table from its separate header table', () => {
    const controls = scan(`<div class="el-table">
      <div class="el-table__header-wrapper"><table class="el-table__header"><thead><tr><th><div class="cell">序号</div></th><th><div class="cell">学校名称</div></th></tr></thead></table></div>
      <div class="el-table__body-wrapper"><table class="el-table__body"><tbody>
        <tr class="el-table__row"><td>1</td><td><div class="cell"><input name="a"></div></td></tr>
        <tr class="el-table__row"><td>2</td><td><div class="cell"><input name="b"></div></td></tr>
      </tbody></table></div></div>`);
    expect(controls.map((c) => [c.name, c.row?.index, c.labels.find((l) => l.source === 'column-header')?.text])).toEqual([
      ['a', 0, '学校名称'],
      ['b', 1, '学校名称'],
    ]);
  });
});

describe('scan', () => {
  it('never reports password, hidden, file or button inputs; marks read-only (unless a picker face) and disabled ones', () => {
    const controls =
      scan(`<input type="password" name="p"><input type="hidden" name="h"><input type="file" name="f"><input type="button" name="b" value="x">
      <input name="ro" readonly><input name="dis" disabled><input name="ok"><input name="laydate" readonly lay-key="1">`);
    expect(controls.map((c) => [c.name, c.blocked ?? ''])).toEqual([
      ['ro', 'readonly'],
      ['dis', 'disabled'],
      ['ok', ''],
      // laydate's read-only input is the face of its picker: the fill types the date as the picker would show it.
      ['laydate', ''],
    ]);
  });

  it('reports a component root once (Element Plus select with its inner input)', () => {
    const controls = scan(`<div class="el-form-item"><label class="el-form-item__label">学段</label>
      <div class="el-select"><div class="el-select__wrapper"><input class="el-select__input" readonly name="s"></div></div></div>`);
    expect(controls.map((c) => [c.kind, c.blocked ?? '', c.labels[0]?.text])).toEqual([['el-select', '', '学段']]);
  });
});

const hint = (path: string, names: string[], codes: string[] = [], group?: string): FieldHint => ({
  path,
  key: path.split('.').pop()!,
  label: names[0]!,
  names,
  codes,
  type: 'text',
  ...(group ? { group } : {}),
});

describe('scan + match on a legacy layout', () => {
  const hints = [
    hint('contactPhone', ['联系电话', '电话'], ['lxdh']),
    hint('filler', ['填表人', '联系人'], ['tbr']),
    hint('schools[].schoolName', ['学校名称'], ['xxmc'], 'schools'),
    hint('schools[].contactPhone', ['联系电话', '联系人电话'], ['lxdh'], 'schools'),
    hint('schools[].contactName', ['联系人'], ['lxr'], 'schools'),
  ];
  it('sends header controls to top-level fields and table columns to rows, and leaves unknown controls alone', () => {
    const controls = scan(`<table><tr><td>填表人：</td><td><input name="tbr"></td><td>联系电话：</td><td><input name="lxdh"></td></tr>
      <tr><td>系统备注：</td><td><input name="xtbz"></td></tr></table>
      <table><tr><th>学校名称</th><th>联系人</th><th>联系电话</th></tr>
      <tr><td><input name="xxmc_1"></td><td><input name="lxr_1"></td><td><input name="lxdh_1"></td></tr>
      <tr><td><input name="xxmc_2"></td><td><input name="lxr_2"></td><td><input name="lxdh_2"></td></tr></table>`);
    const m = matchControls(controls, hints);
    expect(Object.fromEntries(m.map((a) => [a.control.name, a.path]))).toEqual({
      tbr: 'filler',
      lxdh: 'contactPhone',
      xxmc_1: 'schools[0].schoolName',
      lxr_1: 'schools[0].contactName',
      lxdh_1: 'schools[0].contactPhone',
      xxmc_2: 'schools[1].schoolName',
      lxr_2: 'schools[1].contactName',
      lxdh_2: 'schools[1].contactPhone',
    });
  });

  it('reads a table of labels above their controls (label row, control row, label row, …) as single fields, not rows', () => {
    const controls = scan(`<table><tr><td>填表人</td><td>联系电话</td></tr><tr><td><input name="a"></td><td><input name="b"></td></tr>
      <tr><td>学校名称</td><td>备注</td></tr><tr><td><input name="c"></td><td><input name="d"></td></tr></table>`);
    expect(controls.map((c) => [c.name, c.labels[0]?.text, c.row?.index])).toEqual([
      ['a', '填表人', undefined],
      ['b', '联系电话', undefined],
      ['c', '学校名称', undefined],
      ['d', '备注', undefined],
    ]);
    expect(Object.fromEntries(matchControls(controls.slice(0, 2), hints).map((a) => [a.control.name, a.path]))).toEqual({
      a: 'filler',
      b: 'contactPhone',
    });
  });

  it('takes a block’s caption row (`第1所学校`) as the scope of the rows under it', () => {
    const controls = scan(`<table><tr><td>联系人：</td><td><input name="lxr"></td><td>联系电话：</td><td><input name="dh"></td></tr></table>
      <table><tr><td colspan="4">第1所学校</td></tr>
      <tr><td>学校名称：</td><td><input name="xx1_mc"></td><td>联系人：</td><td><input name="xx1_lxr"></td></tr>
      <tr><td>联系电话：</td><td><input name="xx1_dh"></td></tr></table>`);
    expect(controls.map((c) => c.context)).toEqual(['', '', '第1所学校', '第1所学校', '第1所学校']);
    const { hints: rec, groups } = formHints(forms.recommendation);
    expect(Object.fromEntries(matchControls(controls, rec, new Set(), groups).map((a) => [a.control.name, a.path]))).toEqual({
      lxr: 'filler',
      dh: 'contactPhone',
      xx1_mc: 'schools[0].schoolName',
      xx1_lxr: 'schools[0].contactName',
      xx1_dh: 'schools[0].contactPhone',
    });
  });

  it('matches by pinyin-initial name when there is no label, and not below the threshold', () => {
    const controls = scan('<input name="LXDH"><input name="remark_x"><input name="q" placeholder="搜索">');
    const m = matchControls(controls, hints);
    expect(m.map((a) => [a.control.name, a.path, a.via])).toEqual([['LXDH', 'contactPhone', 'code']]);
  });
});

describe('context of a control', () => {
  const contextOf = (html: string, name: string) => scan(html).find((x) => x.name === name)!.context;
  it.each([
    [
      'a section heading before the form items',
      '<h3>主学位</h3><div><label>日期<input name="x"></label></div><h3>教育硕士学位</h3><div><label>日期<input name="a"></label></div>',
      '教育硕士学位',
    ],
    [
      'a fieldset legend',
      '<fieldset><legend>教育硕士专业学位（0451）</legend><p><label>编号 <input name="a"></label></p></fieldset>',
      '教育硕士专业学位(0451)',
    ],
    [
      'a card title bar (Element UI)',
      '<div class="el-card"><div class="el-card__header"><span>教育硕士</span></div><div class="el-card__body"><div class="row"><label>单位<input name="a"></label></div></div></div>',
      '教育硕士',
    ],
    [
      'a column group over the header (colspan)',
      '<table><tr><th rowspan="2">姓名</th><th colspan="2">教育硕士</th></tr><tr><th>日期</th><th>编号</th></tr><tr><td><input name="n"></td><td><input name="d"></td><td><input name="a"></td></tr></table>',
      '教育硕士',
    ],
    [
      'not the title of a card that holds titled cards (the form’s title)',
      '<div class="ant-card"><div class="ant-card-head-title">教育实践学校推荐</div><div class="ant-card-body"><label>推荐单位<input name="a"></label><div class="ant-card"><div class="ant-card-head-title">学校 1</div><label>学校名称<input name="s"></label></div></div></div>',
      '',
    ],
    [
      'a card header in camel case (MUI)',
      '<div class="MuiCard-root"><div class="MuiCardHeader-root"><span class="MuiCardHeader-title">教育硕士专业学位</span></div><div class="MuiCardContent-root"><label>证书编号<input name="a"></label></div></div>',
      '教育硕士专业学位',
    ],
    [
      'a card title, though the card holds outlined inputs whose hidden legend notches the border',
      '<section class="panel"><header class="panel-header"><span class="panel-title">申报单位</span></header><div class="panel-body"><label for="a">电话</label><div class="outlined"><input id="a" name="a"><fieldset aria-hidden="true"><legend><span>电话</span></legend></fieldset></div></div></section>',
      '申报单位',
    ],
    [
      'a divider with a text (Ant Design)',
      '<div class="ant-divider ant-divider-horizontal ant-divider-with-text" role="separator"><span class="ant-divider-inner-text">教育硕士</span></div><div class="ant-form-item"><label>日期<input name="a"></label></div>',
      '教育硕士',
    ],
    [
      'not a title that is the control’s own label',
      '<h4>学位信息</h4><div class="item"><div class="item-title">姓名</div><div><input name="a"></div></div>',
      '学位信息',
    ],
    [
      'the title of a header bar, not the tip beside it (TDesign t-card actions)',
      '<div class="t-card"><div class="t-card__header"><div class="t-card__title">“国优计划”教育实践学校推荐表</div><div class="t-card__actions"><span class="tip">当前账号：浙江省教育厅 · 截止日期 2024年8月9日</span></div></div><div class="t-card__body"><label>联系电话<input name="a"></label></div></div>',
      '“国优计划”教育实践学校推荐表',
    ],
    [
      'a block head without its 移除 link',
      '<div class="school"><div class="school-head"><span>推荐学校（一）</span><a href="#" class="t-link">移除</a></div><label>联系人手机<input name="a"></label></div>',
      '推荐学校(一)',
    ],
    ['a heading that is a link', '<h3><a href="#s1">第1所学校</a></h3><div><label>学校名称<input name="a"></label></div>', '第1所学校'],
    [
      'not the header of a data table',
      '<div class="el-table__header-wrapper">学校名称联系人</div><div><input name="a" placeholder="学校名称"></div>',
      '',
    ],
  ])('%s', (_, html, context) => {
    expect(contextOf(html, 'a')).toBe(context);
  });

  it('a caption row spanning the table scopes the rows below it, up to the next caption', () => {
    const html = `<table><tr><td colspan="4">■ 理学/工学学位</td></tr><tr><td>授予单位：</td><td><input name="x"></td></tr>
      <tr><td colspan="4">■ 教育硕士专业学位</td></tr><tr><td>授予单位：</td><td><input name="a"></td><td>证　　号：</td><td><input name="b"></td></tr></table>`;
    expect(contextOf(html, 'x')).toBe('■理学/工学学位');
    expect(contextOf(html, 'a')).toBe('■教育硕士专业学位');
    expect(contextOf(html, 'b')).toBe('■教育硕士专业学位');
  });

  it('does not count a hidden template row as a row', () => {
    const c = scan(
      '<table><tr><th>学校名称</th><th>校长</th></tr><tr hidden><td><input name="t"></td><td><input name="u"></td></tr><tr><td><input name="a"></td><td><input name="b"></td></tr></table>',
    ).find((x) => x.name === 'a')!;
    expect(c.row?.index).toBe(0);
  });

  it('reads the label under the lower header row and keeps the row index under a two-level header', () => {
    const c = scan(
      '<table><tr><th rowspan="2">姓名</th><th colspan="2">教育硕士</th></tr><tr><th>日期</th><th>编号</th></tr><tr><td><input name="n"></td><td><input name="d"></td><td><input name="a"></td></tr></table>',
    ).find((x) => x.name === 'a')!;
    expect(c.labels[0]).toEqual({ text: '编号', source: 'column-header' });
    expect(c.row?.index).toBe(0);
  });
});

describe('section titles', () => {
  it('a card title is the context even when a closed date picker in the card has its own (hidden) header', () => {
    const { document, window } =
      parseHTML(`<!doctype html><html><body><div class="ivu-card"><div class="ivu-card-head"><p>教育硕士学位信息</p></div>
      <div class="ivu-card-body"><label>单位<input name="a"></label><div class="ivu-date-picker"><input name="d">
      <div class="ivu-select-dropdown" style="display: none"><div class="ivu-date-picker-header"><span>2026 年</span><span>12 月</span></div></div></div></div></div></body></html>`);
    // (linkedom has no layout: an inline display:none ancestor is what a browser's checkVisibility() would see.)
    const proto = window.Element.prototype as { checkVisibility?: () => boolean };
    proto.checkVisibility = function (this: Element) {
      return !this.closest('[style*="display: none"]');
    };
    try {
      expect(scanRoot(document as unknown as Document).find((c) => c.name === 'a')!.context).toBe('教育硕士学位信息');
    } finally {
      delete proto.checkVisibility;
    }
  });
});
