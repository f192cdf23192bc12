import { defineKit } from '../kit';
import { cascaderDriver } from './cascader';
import { numberBox } from './number-box';

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

export const elementUi = /* @__PURE__ */ defineKit({
  name: 'element-ui',
  components: [
    { root: '.el-cascader', kind: 'el-cascader', disabled: '.is-disabled' },
    { root: '.el-input-number', kind: 'el-number', disabled: '.is-disabled' },
  ],
  faces: [],
  formItems: [],
  drivers: { 'el-cascader': elCascader, 'el-number': numberBox },
  addRow: [],
  uploadAreas: [],
});
