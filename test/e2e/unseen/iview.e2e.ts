/**
 * Unseen system: Vue 2.7 + iView 3 pages built without looking at the page reader (Select filterable over the 2,631
 * universities, Cascader province → city → county, AutoComplete, DatePicker storing its yyyyMMdd / yyyy-MM-dd display
 * string or a Date, RadioGroup (plain and button style), Checkbox and Switch with their own true-values, InputNumber,
 * top-aligned labels in school cards added with an icon-only “+” under a tooltip, section cards whose titles scope
 * the short labels 日期/编号/单位/单位代码/证号, labels worded unlike the form pack (经办人, 移动电话, 获学位时间, units in
 * brackets, full-width padding, asterisk spans). Filled as a user does; judged in the Vue model, field by field. Run
 * with GUOYOU_UNSEEN=1 (the yardstick of issue 12).
 */
import { describe, it } from 'vitest';
import type { Page } from 'puppeteer';
import { useFixtureSession } from '../harness';
import { DRAFT_IDS, degreeData, recommendationData } from '../../fixtures/systems/drafts';
import * as iview from '../../fixtures/systems/iview/expect';
import { fillDegreeAsPerson, fillRecommendationAsPerson } from '../../fixtures/systems/iview/person';
import { checkFill, expectReachable } from './check-fill';

const fx = useFixtureSession();
/** A click-by-click fill of five schools takes a minute or more on a shared 2-core machine. */
const PERSON_TIMEOUT = 300_000;

async function open(path: string): Promise<Page> {
  const page = await fx.s.browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(`${fx.server.url}${path}`);
  // The form mounts once its option lists have loaded, as a user waits to see it.
  await page.waitForFunction(() => typeof window.__state === 'function');
  return page;
}

describe('unseen: Vue 2.7 + iView 3', () => {
  it('教育实践学校推荐表: header, five school cards added with the icon-only “+”', async () => {
    const page = await open('/iview/recommend.html');
    await checkFill(fx.s, {
      name: 'iview/recommend',
      page,
      state: () => page.evaluate(() => window.__state!()),
      draftId: DRAFT_IDS.recommendation,
      draft: recommendationData,
      expected: iview.expectedRecommendation(recommendationData),
      paths: iview.recommendationPaths,
    });
    await page.close();
  });

  it('国优计划 学位授予信息: cards scope 日期/编号/单位/证号, 联合培养 ticked from the partner university', async () => {
    const page = await open('/iview/degree.html');
    await checkFill(fx.s, {
      name: 'iview/degree',
      page,
      state: () => page.evaluate(() => window.__state!()),
      draftId: DRAFT_IDS.degree,
      draft: degreeData,
      expected: iview.expectedDegree(degreeData),
      paths: iview.degreePaths,
    });
    await page.close();
  });
});

// The yardstick itself: a person, clicking and typing, reaches every value expect.ts asks for.
describe('unseen: iView 3 pages are fillable by a person', () => {
  it(
    '教育实践学校推荐表',
    async () => {
      const page = await open('/iview/recommend.html');
      await fillRecommendationAsPerson(page, recommendationData);
      const expected = iview.expectedRecommendation(recommendationData);
      expectReachable(
        'iview/recommend by a person',
        { draft: recommendationData, expected, paths: iview.recommendationPaths },
        await page.evaluate(() => window.__state!()),
      );
      await page.close();
    },
    PERSON_TIMEOUT,
  );

  it(
    '国优计划 学位授予信息',
    async () => {
      const page = await open('/iview/degree.html');
      await fillDegreeAsPerson(page, degreeData);
      const expected = iview.expectedDegree(degreeData);
      expectReachable(
        'iview/degree by a person',
        { draft: degreeData, expected, paths: iview.degreePaths },
        await page.evaluate(() => window.__state!()),
      );
      await page.close();
    },
    PERSON_TIMEOUT,
  );
});
