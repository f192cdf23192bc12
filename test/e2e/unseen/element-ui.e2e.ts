/**
 * Unseen system: Vue 2.7 + Element UI 2 pages built without looking at the page reader (el-select filterable over the
 * 2,631 universities, el-cascader province → city → county, el-autocomplete, el-switch with string values,
 * el-radio-button, el-date-picker with display and value formats, el-input-number, a text date with a “yyyymmdd”
 * hint, top-aligned labels in school cards added with the page’s own “添加学校”, a card that scopes the short labels
 * 日期/编号/单位 to the 教育硕士 degree). Filled as a user does; judged in the Vue model, field by field. Run with
 * GUOYOU_UNSEEN=1 (the yardstick of issue 12: expected to fail today).
 */

import * as elementUi from '../../fixtures/systems/element-ui/expect';
import * as person from '../../fixtures/systems/element-ui/person';
import { useFixtureSession } from '../harness';
import { describeUnseenSystem } from './system-spec';

describeUnseenSystem(useFixtureSession(), {
  dir: 'element-ui',
  library: 'Vue 2.7 + Element UI 2',
  covers: {
    recommend: 'header, five school cards added with the page’s own “添加学校”',
    degree: 'a card scopes 日期/编号/单位 to the 教育硕士 degree, 是否联合培养 derived from the partner university',
  },
  expect: elementUi,
  person,
});
