import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { isoDate, pickExact, shownChecked, typedText } from './drivers';
import type { FieldHint } from './types';

const discipline: FieldHint = {
  path: 'discipline',
  key: 'discipline',
  label: '学科门类',
  names: ['学科门类'],
  codes: [],
  type: 'select',
  options: [{ value: '理学', texts: ['理学', '07'] }],
};

describe('pickExact', () => {
  it('picks the exact option, never a longer word that contains it', () => {
    expect(pickExact(['管理学', '心理学', '理学', '工学'], '理学', discipline)).toBe(2);
    // A filtered list that shows only the near misses: nothing to pick.
    expect(pickExact(['管理学'], '理学', discipline)).toBe(-1);
    expect(pickExact(['心理学', '物理学'], '理学', discipline)).toBe(-1);
  });
  it('accepts an option that starts with the wanted text after a code, or a longer official name', () => {
    expect(pickExact(['06 历史学', '07 理学'], '理学', discipline)).toBe(1);
    expect(pickExact(['公办学校', '民办学校'], '公办')).toBe(0);
  });
  it('picks the choice saying yes or no as a state (已… / 未…), and the discipline after its code among near misses', () => {
    expect(pickExact(['已备案', '未备案'], '是')).toBe(0);
    expect(pickExact(['已获得', '未获得'], '否')).toBe(1);
    expect(pickExact(['0708 地球物理学', '0702 物理学'], '物理学')).toBe(1);
  });
  it('accepts an option that the wanted text starts with, not one it merely contains', () => {
    expect(pickExact(['公办', '民办'], '公办学校')).toBe(0);
    expect(pickExact(['理学', '工学'], '心理学')).toBe(-1);
  });
});

describe('isoDate', () => {
  it('reads back the draft date from the format the fill chose for the page', () => {
    expect(isoDate('2024/08/05')).toBe('2024-08-05');
    expect(isoDate('20240805')).toBe('2024-08-05');
    expect(isoDate('2024年8月5日')).toBe('2024-08-05');
    expect(isoDate('2024-08-05')).toBe('2024-08-05');
    expect(isoDate('浙江省')).toBe('浙江省');
  });
});

describe('typedText', () => {
  it('types the option text a person reads, not a stored code', () => {
    const hint = { ...discipline, options: [{ value: '07', texts: ['理学'] }] };
    expect(typedText('07', hint)).toBe('理学');
    expect(typedText('浙江省')).toBe('浙江省');
  });
});

describe('shownChecked', () => {
  // A library's hidden native radio (opacity 0) behind a face its own state marks: the face says what is chosen.
  const radio = (label: string) => {
    const { document, window } = parseHTML(`<!doctype html><html><body>${label}</body></html>`);
    (window as unknown as { getComputedStyle: (el: Element) => { opacity: string } }).getComputedStyle = () => ({ opacity: '0' });
    return document.querySelector('input') as unknown as HTMLInputElement;
  };
  it('reads Element’s el-radio-button as chosen by its is-active mark, and an unmarked face as not chosen', () => {
    const button = (cls: string) =>
      `<label class="el-radio-button${cls}"><input type="radio" class="el-radio-button__original-radio" value="01"><span class="el-radio-button__inner">公办</span></label>`;
    expect(shownChecked(radio(button(' is-active')))).toBe(true);
    expect(shownChecked(radio(button('')))).toBe(false);
    expect(
      shownChecked(
        radio(
          '<label class="el-radio is-checked"><span class="el-radio__input is-checked"><input type="radio" value="1"></span>是</label>',
        ),
      ),
    ).toBe(true);
  });
});
