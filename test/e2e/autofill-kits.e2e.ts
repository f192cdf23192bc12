/**
 * Kit pages (test/fixtures/systems/kits): one small page per library, built with the real library from node_modules
 * and worded unlike the form pack and unlike the unseen systems, each exercising what a kit adds — cascaders named
 * only as a place, radios and selects known by their choices, auto-completes, date pickers whose display format the page does
 * not show, select2 and bootstrap-datepicker undone. Filled through the extension as a user does; judged in the page's
 * own framework state, and the report held to it (every field the page holds reported filled).
 */
import { describe, expect, test } from 'vitest';
import { fillTab, undoTab, useFixtureSession } from './harness';
import { DRAFT_IDS, recommendationData } from '../fixtures/systems/drafts';
import { regionCodes } from '../fixtures/systems/regions';
import type { FormData } from '../../lib/forms/types';

const fx = useFixtureSession();

interface KitPage {
  path: string;
  /** The page state the draft should leave, and the report paths that must say `filled`. */
  expected(d: FormData): unknown;
  filled: string[];
  /** Undo must give back the state before the fill (pages whose every control a person can clear). */
  undo?: boolean;
}

const school = (d: FormData, i: number) => d.groups.schools![i]!;
const area = (d: FormData, i: number) => regionCodes(d.fields.province, school(d, i).city, school(d, i).county);
const perSchool = (keys: string[]) => [0, 1].flatMap((i) => keys.map((k) => `schools[${i}].${k}`));

const PAGES: KitPage[] = [
  {
    path: '/kits/antdv.html',
    expected: (d) => ({
      unit: d.fields.recommendingUnit,
      day: d.fields.fillDate,
      bases: [0, 1].map((i) => ({
        name: school(d, i).schoolName,
        area: area(d, i),
        kind: { 高中: 'S', 完全中学: 'W' }[school(d, i).schoolStage!],
        owner: school(d, i).schoolNature === '公办' ? 'G' : 'M',
      })),
    }),
    filled: ['recommendingUnit', 'fillDate', ...perSchool(['schoolName', 'city', 'county', 'schoolStage', 'schoolNature'])],
  },
  {
    path: '/kits/bootstrap.html',
    expected: (d) => ({
      sheng: '33',
      'sheng#shown': d.fields.province,
      rq: d.fields.fillDate!.replaceAll('-', '.'),
      'rq#picker': d.fields.fillDate!.replaceAll('-', '.'),
      xx1: school(d, 0).schoolName,
      xd1: '35',
      'xd1#shown': `35 ${school(d, 0).schoolStage}`,
    }),
    filled: ['province', 'fillDate', 'schools[0].schoolName', 'schools[0].schoolStage'],
    undo: true,
  },
];

describe('kit pages', () => {
  for (const k of PAGES)
    test(k.path, async () => {
      const page = await fx.s.browser.newPage();
      await page.setViewport({ width: 1400, height: 900 });
      await page.goto(`${fx.server.url}${k.path}`);
      await page.waitForFunction(() => typeof (window as unknown as { __state?: unknown }).__state === 'function');
      const state = () => page.evaluate(() => (window as unknown as { __state(): unknown }).__state());
      const before = await state();
      const r = await fillTab(fx.s, page, DRAFT_IDS.recommendation);
      expect(await state()).toEqual(k.expected(recommendationData));
      const status = Object.fromEntries(r.report.map((x) => [x.path, x.status]));
      expect(Object.fromEntries(k.filled.map((p) => [p, status[p]]))).toEqual(Object.fromEntries(k.filled.map((p) => [p, 'filled'])));
      if (k.undo) {
        expect(await undoTab(r.popup)).not.toMatch(/未能恢复/);
        expect(await state()).toEqual(before);
      }
      await r.popup.close();
      await page.close();
    });
});
