/**
 * Unseen system with no known UI library: hand-written widgets from the WAI-ARIA Authoring Practices patterns
 * (systems/aria/widgets.js) — select-only comboboxes with aria-activedescendant, an editable combobox over the 2,631
 * universities whose value is the picked code, role=radio groups, role=switch and role=checkbox, a date picker dialog
 * behind a read-only box, spin buttons, dependent city → county comboboxes, a school block cloned from a hidden
 * template by an icon-only “+” (aria-label), labels by <label for>, wrapping labels, floating labels, aria-labelledby
 * and bare preceding grid cells, and a section heading that alone tells the 教育硕士 授予日期/证书编号/授予单位/单位代码
 * from the main degree's. It measures the product's generic path; judged in the page's state object. Run with
 * GUOYOU_UNSEEN=1 (the yardstick of issue 12).
 */

import * as aria from '../../fixtures/systems/aria/expect';
import * as person from '../../fixtures/systems/aria/person';
import { useFixtureSession } from '../harness';
import { describeUnseenSystem } from './system-spec';

describeUnseenSystem(useFixtureSession(), {
  dir: 'aria',
  library: 'no library, WAI-ARIA APG widgets',
  covers: {
    recommend: 'header, five school blocks cloned from a hidden template by an icon-only “+”',
    degree: 'a heading alone scopes the repeated 授予日期/证书编号/授予单位/单位代码, 联合培养 switched on from the partner university',
  },
  expect: aria,
  person,
});
