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
import { describe, it } from 'vitest';
import type { Page } from 'puppeteer';
import { useFixtureSession } from '../harness';
import { DRAFT_IDS, degreeData, recommendationData } from '../../fixtures/systems/drafts';
import * as aria from '../../fixtures/systems/aria/expect';
import { fillDegreeAsPerson, fillRecommendationAsPerson } from '../../fixtures/systems/aria/person';
import { checkFill, expectReachable } from './check-fill';

const fx = useFixtureSession();
/** A click-by-click fill of five schools takes a minute or more on a shared 2-core machine. */
const PERSON_TIMEOUT = 300_000;

async function open(path: string): Promise<Page> {
  const page = await fx.s.browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(`${fx.server.url}${path}`);
  // The widgets are wired once the option lists have loaded, as a user waits to see them.
  await page.waitForFunction(() => typeof window.__state === 'function');
  return page;
}

describe('unseen: no library, WAI-ARIA APG widgets', () => {
  it('教育实践学校推荐表: header, five school blocks cloned from a hidden template by an icon-only “+”', async () => {
    const page = await open('/aria/recommend.html');
    await checkFill(fx.s, {
      name: 'aria/recommend',
      page,
      state: () => page.evaluate(() => window.__state!()),
      draftId: DRAFT_IDS.recommendation,
      draft: recommendationData,
      expected: aria.expectedRecommendation(recommendationData),
      paths: aria.recommendationPaths,
    });
    await page.close();
  });

  it('国优计划 学位授予信息: a heading alone scopes the repeated 授予日期/证书编号/授予单位/单位代码, 联合培养 switched on from the partner university', async () => {
    const page = await open('/aria/degree.html');
    await checkFill(fx.s, {
      name: 'aria/degree',
      page,
      state: () => page.evaluate(() => window.__state!()),
      draftId: DRAFT_IDS.degree,
      draft: degreeData,
      expected: aria.expectedDegree(degreeData),
      paths: aria.degreePaths,
    });
    await page.close();
  });
});

// The yardstick itself: a person, clicking and typing, reaches every value expect.ts asks for.
describe('unseen: ARIA pages are fillable by a person', () => {
  it(
    '教育实践学校推荐表',
    async () => {
      const page = await open('/aria/recommend.html');
      await fillRecommendationAsPerson(page, recommendationData);
      const expected = aria.expectedRecommendation(recommendationData);
      expectReachable(
        'aria/recommend by a person',
        { draft: recommendationData, expected, paths: aria.recommendationPaths },
        await page.evaluate(() => window.__state!()),
      );
      await page.close();
    },
    PERSON_TIMEOUT,
  );

  it(
    '国优计划 学位授予信息',
    async () => {
      const page = await open('/aria/degree.html');
      await fillDegreeAsPerson(page, degreeData);
      const expected = aria.expectedDegree(degreeData);
      expectReachable(
        'aria/degree by a person',
        { draft: degreeData, expected, paths: aria.degreePaths },
        await page.evaluate(() => window.__state!()),
      );
      await page.close();
    },
    PERSON_TIMEOUT,
  );
});
