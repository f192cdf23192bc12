/**
 * The spec every unseen fixture system with a recommendation page and a degree page runs: the product fills each page
 * (judged in the page's own `window.__state()` by check-fill), and a person's click-by-click fill reaches every value
 * the page's expect.ts asks for (the yardstick is reachable, so a miss is the product's). A system is data: its
 * folder under test/fixtures/systems, its expect and person modules, and what each page is built to test.
 */
import { describe, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { useFixtureSession } from '../harness';
import { DRAFT_IDS, degreeData, recommendationData } from '../../fixtures/systems/drafts';
import type { FormData } from '../../../lib/forms/types';
import { checkFill, expectReachable } from './check-fill';

type Fixture = ReturnType<typeof useFixtureSession>;

export interface UnseenSystem {
  /** Folder under test/fixtures/systems and the served path, e.g. `iview`. */
  dir: string;
  /** The library as the describe block names it, e.g. `Vue 2.7 + iView 3`. */
  library: string;
  /** What each page is built to test (the `it` titles after the form's name). */
  covers: { recommend: string; degree: string };
  expect: {
    expectedRecommendation(d: FormData): unknown;
    expectedDegree(d: FormData): unknown;
    recommendationPaths: Record<string, string>;
    degreePaths: Record<string, string>;
  };
  person: {
    fillRecommendationAsPerson(page: Page, d: FormData): Promise<void>;
    fillDegreeAsPerson(page: Page, d: FormData): Promise<void>;
  };
}

/** A click-by-click fill of five schools takes a minute or more on a shared 2-core machine. */
const PERSON_TIMEOUT = 300_000;

export function describeUnseenSystem(fx: Fixture, system: UnseenSystem): void {
  const { dir, expect: ex, person } = system;
  const pages = [
    {
      file: 'recommend',
      form: '教育实践学校推荐表',
      covers: system.covers.recommend,
      draftId: DRAFT_IDS.recommendation,
      draft: recommendationData,
      expected: () => ex.expectedRecommendation(recommendationData),
      paths: ex.recommendationPaths,
      byPerson: person.fillRecommendationAsPerson,
    },
    {
      file: 'degree',
      form: '国优计划 学位授予信息',
      covers: system.covers.degree,
      draftId: DRAFT_IDS.degree,
      draft: degreeData,
      expected: () => ex.expectedDegree(degreeData),
      paths: ex.degreePaths,
      byPerson: person.fillDegreeAsPerson,
    },
  ];

  async function open(file: string): Promise<Page> {
    const page = await fx.s.browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(`${fx.server.url}/${dir}/${file}.html`);
    // The form is ready once its option lists have loaded, as a user waits to see it.
    await page.waitForFunction(() => typeof window.__state === 'function');
    return page;
  }

  describe(`unseen: ${system.library}`, () => {
    for (const p of pages) {
      it(`${p.form}: ${p.covers}`, async () => {
        const page = await open(p.file);
        await checkFill(fx.s, {
          name: `${dir}/${p.file}`,
          page,
          state: () => page.evaluate(() => window.__state!()),
          draftId: p.draftId,
          draft: p.draft,
          expected: p.expected(),
          paths: p.paths,
        });
        await page.close();
      });
    }
  });

  // The yardstick itself: a person, clicking and typing, reaches every value expect.ts asks for.
  describe(`unseen: ${system.library} pages are fillable by a person`, () => {
    for (const p of pages) {
      it(
        p.form,
        async () => {
          const page = await open(p.file);
          await p.byPerson(page, p.draft);
          expectReachable(
            `${dir}/${p.file} by a person`,
            { draft: p.draft, expected: p.expected(), paths: p.paths },
            await page.evaluate(() => window.__state!()),
          );
          await page.close();
        },
        PERSON_TIMEOUT,
      );
    }
  });
}
