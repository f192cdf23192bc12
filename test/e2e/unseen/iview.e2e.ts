/**
 * Unseen system: Vue 2.7 + iView 3 pages built without looking at the page reader (Select filterable over the 2,631
 * universities, Cascader province → city → county, AutoComplete, DatePicker storing its yyyyMMdd / yyyy-MM-dd display
 * string or a Date, RadioGroup (plain and button style), Checkbox and Switch with their own true-values, InputNumber,
 * top-aligned labels in school cards added with an icon-only “+” under a tooltip, section cards whose titles scope
 * the short labels 日期/编号/单位/单位代码/证号, labels worded unlike the form pack (经办人, 移动电话, 获学位时间, units in
 * brackets, full-width padding, asterisk spans). Filled as a user does; judged in the Vue model, field by field. Run
 * with GUOYOU_UNSEEN=1 (the yardstick of issue 12).
 */

import * as iview from '../../fixtures/systems/iview/expect';
import * as person from '../../fixtures/systems/iview/person';
import { useFixtureSession } from '../harness';
import { describeUnseenSystem } from './system-spec';

describeUnseenSystem(useFixtureSession(), {
  dir: 'iview',
  library: 'Vue 2.7 + iView 3',
  covers: {
    recommend: 'header, five school cards added with the icon-only “+”',
    degree: 'cards scope 日期/编号/单位/证号, 联合培养 ticked from the partner university',
  },
  expect: iview,
  person,
});
