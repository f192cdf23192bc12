import { defineKit } from '../kit';
import { fail, input, ok, settled, valueOf, writeText, type Driver } from '../drivers';
import { fire, sleep } from '../events';
import { cascaderDriver } from './cascader';

/**
 * Element UI 2 (Vue 2) widgets beyond the select and date picker (which the Element Plus kit drives for both): the
 * cascader and the number box. Element Plus kept their markup (`.el-cascader-node`, `.el-input-number`), so these
 * drivers serve it as well.
 */

const elCascader = cascaderDriver({
  opener: '.el-input',
  dropdown: '.el-cascader__dropdown',
  menu: '.el-cascader-menu',
  node: '.el-cascader-node',
  label: '.el-cascader-node__label',
  arrow: '.el-cascader-node__postfix',
  disabled: '.is-disabled',
  shown: (root) => root.querySelector('input')?.value ?? '',
  clear: '.el-icon-circle-close, .el-input__clear',
});

/**
 * The number box: typed text is taken on change, then clamped to min/max and rounded to its precision, so what it
 * shows afterwards is the read-back (`12000` in a box with max 9999 shows 9999: rejected, not filled).
 */
const elNumber: Driver = {
  snapshot: valueOf,
  read: valueOf,
  async write(c, value) {
    const el = input(c);
    const r = writeText(el, value);
    if (!r.ok || !r.changed) return r;
    await sleep(0);
    const same = () => el.value !== '' && Number(el.value) === Number(value);
    return (await settled(same, 300)) ? ok(true, el.value) : fail('rejected', el.value);
  },
  async restore(c, snap) {
    const el = input(c);
    if (el.value === snap) return true;
    writeText(el, snap);
    fire(el, 'change');
    return settled(() => el.value === snap, 500);
  },
};

export const elementUi = /* @__PURE__ */ defineKit({
  name: 'element-ui',
  components: [
    { root: '.el-cascader', kind: 'el-cascader', disabled: '.is-disabled' },
    { root: '.el-input-number', kind: 'el-number', disabled: '.is-disabled' },
  ],
  faces: [],
  formItems: [],
  drivers: { 'el-cascader': elCascader, 'el-number': elNumber },
  addRow: [],
  uploadAreas: [],
});
