/**
 * Unseen system: Vue 2.7 + Element UI 2 pages built without looking at the page reader (el-select filterable over the
 * 2,631 universities, el-cascader province → city → county, el-autocomplete, el-switch with string values,
 * el-radio-button, el-date-picker with display and value formats, el-input-number, a text date with a “yyyymmdd”
 * hint, top-aligned labels in school cards added with the page’s own “添加学校”, a card that scopes the short labels
 * 日期/编号/单位 to the 教育硕士 degree). Filled as a user does; judged in the Vue model, field by field. Run with
 * GUOYOU_UNSEEN=1 (the yardstick of issue 12: expected to fail today).
 */
import { describe, it } from 'vitest';
import type { Page } from 'puppeteer';
import { useFixtureSession } from '../harness';
import { DRAFT_IDS, degreeData, recommendationData } from '../../fixtures/systems/drafts';
import * as elementUi from '../../fixtures/systems/element-ui/expect';
import { fillDegreeAsPerson, fillRecommendationAsPerson } from '../../fixtures/systems/element-ui/person';
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

describe('unseen: Vue 2.7 + Element UI 2', () => {
  it('教育实践学校推荐表: header, five school cards added with the page’s own “添加学校”', async () => {
    const page = await open('/element-ui/recommend.html');
    await checkFill(fx.s, {
      name: 'element-ui/recommend',
      page,
      state: () => page.evaluate(() => window.__state!()),
      draftId: DRAFT_IDS.recommendation,
      draft: recommendationData,
      expected: elementUi.expectedRecommendation(recommendationData),
      paths: elementUi.recommendationPaths,
    });
    await page.close();
  });

  it('国优计划 学位授予信息: a card scopes 日期/编号/单位 to the 教育硕士 degree, 是否联合培养 derived from the partner university', async () => {
    const page = await open('/element-ui/degree.html');
    await checkFill(fx.s, {
      name: 'element-ui/degree',
      page,
      state: () => page.evaluate(() => window.__state!()),
      draftId: DRAFT_IDS.degree,
      draft: degreeData,
      expected: elementUi.expectedDegree(degreeData),
      paths: elementUi.degreePaths,
    });
    await page.close();
  });
});

// The yardstick itself: a person, clicking and typing, reaches every value expect.ts asks for.
describe('unseen: Element UI 2 pages are fillable by a person', () => {
  it(
    '教育实践学校推荐表',
    async () => {
      const page = await open('/element-ui/recommend.html');
      await fillRecommendationAsPerson(page, recommendationData);
      const expected = elementUi.expectedRecommendation(recommendationData);
      expectReachable(
        'element-ui/recommend by a person',
        { draft: recommendationData, expected, paths: elementUi.recommendationPaths },
        await page.evaluate(() => window.__state!()),
      );
      await page.close();
    },
    PERSON_TIMEOUT,
  );

  it(
    '国优计划 学位授予信息',
    async () => {
      const page = await open('/element-ui/degree.html');
      await fillDegreeAsPerson(page, degreeData);
      const expected = elementUi.expectedDegree(degreeData);
      expectReachable(
        'element-ui/degree by a person',
        { draft: degreeData, expected, paths: elementUi.degreePaths },
        await page.evaluate(() => window.__state!()),
      );
      await page.close();
    },
    PERSON_TIMEOUT,
  );
});
