/**
 * The add-row control as pages draw it: a worded button, an icon-only `＋` named by its ARIA label, its tooltip or its
 * icon; never a number box's step button, a hidden template's button, or one of two bare `＋` far from the rows.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { addControlName, findAddButton } from './add-row';

const schools = { key: 'schools', itemNames: ['学校', '推荐学校'] };

function page(body: string): Document {
  return parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
}

const found = (doc: Document, rows: string[] = []) =>
  findAddButton(
    doc,
    schools,
    undefined,
    rows.map((id) => doc.getElementById(id)!),
  )?.id;

describe('addControlName', () => {
  it.each([
    ['<button id="b">＋ 添加学校</button>', '+添加学校'],
    ['<button id="b" aria-label="新增一所"><svg aria-hidden="true"><path d="M9 3v12"/></svg></button>', '新增一所'],
    ['<a id="b" title="增加"><i class="fa fa-plus"></i></a>', '增加'],
    ['<button id="b"><svg><title>Add school</title><path/></svg></button>', 'addschool'],
    ['<button id="b"><i class="el-icon-circle-plus-outline"></i></button>', '+'],
    ['<button id="b"><svg data-testid="AddCircleOutlineIcon"></svg></button>', '+'],
    ['<button id="b"><span role="img" aria-label="plus" class="anticon anticon-plus"></span></button>', 'plus'],
    ['<button id="b">＋</button>', '+'],
    ['<span id="l">再加一所学校</span><button id="b" aria-labelledby="l"><i></i></button>', '再加一所学校'],
    ['<button id="b"><i class="ivu-icon ivu-icon-ios-trash-outline"></i></button>', ''],
  ])('%s → %s', (html, name) => {
    const doc = page(html);
    expect(addControlName(doc.getElementById('b')!)).toBe(name);
  });

  it('reads the name of an icon-only button from the tooltip iView renders hidden beside it', () => {
    const doc = page(`<div class="ivu-tooltip"><div class="ivu-tooltip-rel"><button id="b" type="button" class="ivu-btn ivu-btn-icon-only">
      <i class="ivu-icon ivu-icon-md-add"></i></button></div><div class="ivu-tooltip-popper" style="display: none">
      <div class="ivu-tooltip-content"><div class="ivu-tooltip-inner">增加一所</div></div></div></div>`);
    expect(addControlName(doc.getElementById('b')!)).toBe('增加一所');
  });
});

describe('findAddButton', () => {
  it('takes an icon-only add button when it is the only add control on the page', () => {
    const doc = page(`<div id="r0"><input></div><button id="add" type="button"><i class="ivu-icon ivu-icon-md-add"></i></button>
      <button type="button">暂存</button>`);
    expect(found(doc, ['r0'])).toBe('add');
  });

  it('never takes the step buttons of a number box, even named 增加 / ＋', () => {
    const doc = page(`<div id="r0"><span class="spin"><button type="button" aria-label="减少">−</button><input role="spinbutton">
      <button type="button" class="inc" aria-label="增加">＋</button></span></div>`);
    expect(found(doc, ['r0'])).toBeUndefined();
    const td = page(`<div id="r0" class="t-input-number"><button type="button"><svg class="t-icon t-icon-remove"></svg></button>
      <button type="button"><svg class="t-icon t-icon-add"></svg></button><div class="t-input"><input></div></div>`);
    expect(found(td, ['r0'])).toBeUndefined();
  });

  it('takes a worded add button that sits beside the cards’ number boxes (their step buttons are not its)', () => {
    // Ant Design: the block holding the school cards (with their number boxes, whose down steps say "Decrease Value")
    // also holds the dashed 添加学校 button.
    const doc =
      page(`<div><div id="r0" class="card"><input name="xxmc"><div class="ant-input-number"><span role="button" aria-label="Increase Value" class="ant-input-number-handler-up"></span>
      <span role="button" aria-label="Decrease Value" class="ant-input-number-handler-down"></span><input role="spinbutton"></div><button type="button">删除</button></div>
      <button id="add" type="button" class="ant-btn ant-btn-dashed"><span role="img" aria-label="plus" class="anticon anticon-plus"></span><span>添加学校</span></button></div>`);
    expect(found(doc, ['r0'])).toBe('add');
  });

  it('never takes the buttons of a hidden template row', () => {
    const doc = page(
      `<div id="r0"><input></div><fieldset hidden><button id="tpl" type="button" aria-label="添加学校">＋</button></fieldset>`,
    );
    expect(found(doc, ['r0'])).toBeUndefined();
  });

  it('of two bare ＋ buttons takes the one beside the group’s rows; without rows, neither', () => {
    const doc = page(`<section><div id="c0"><input></div><button id="contacts" type="button">＋</button></section>
      <section><div><div id="r0"><input></div></div><p><button id="rows" type="button"><i class="t-icon t-icon-add"></i></button></p></section>`);
    expect(found(doc, ['r0'])).toBe('rows');
    expect(found(doc)).toBeUndefined();
  });

  it('prefers a control naming the row item over a nearer bare ＋', () => {
    const doc = page(
      `<div id="r0"><span><input></span><span><button id="plus" type="button">＋</button></span></div><button id="named" type="button">新增学校</button>`,
    );
    expect(found(doc, ['r0'])).toBe('named');
  });
});
