/**
 * The four known systems (legacy GBK frameset, Element Plus, layui, Ant Design) re-worded and re-laid out as other
 * real systems word them (`*-v2.html`): units and full names in labels, shortened words, full-width padding and
 * colons, asterisk spans, labels above controls, format hints beside date controls, a section heading scoping short
 * labels, and the `是否联合培养` question. Only with GUOYOU_UNSEEN=1 (see vitest.e2e.config.ts).
 */
import { describe } from 'vitest';
import { useFixtureSession } from '../harness';
import { buildAntdFixture } from '../../fixtures/build-antd';
import { degreeData, DRAFT_IDS, recommendationData } from '../../fixtures/systems/drafts';
import * as legacy from '../../fixtures/systems/legacy/expect-v2';
import * as element from '../../fixtures/systems/element/expect-v2';
import * as layui from '../../fixtures/systems/layui/expect-v2';
import * as antd from '../../fixtures/systems/antd/expect-v2';
import { checkPage } from './page-check';

const fx = useFixtureSession(buildAntdFixture);

const systems = [
  ['legacy (GBK frameset)', 'legacy', legacy, 'workFrame'],
  ['Element Plus', 'element', element, undefined],
  ['layui', 'layui', layui, undefined],
  ['Ant Design', 'antd', antd, undefined],
] as const;

for (const [title, dir, expect, frame] of systems) {
  describe(`${title}, re-worded`, () => {
    describe('recommendation', () => {
      checkPage(fx, {
        path: `/${dir}/recommend-v2.html`,
        draftId: DRAFT_IDS.recommendation,
        expected: expect.expectedRecommendationV2(recommendationData),
        frame,
      });
    });
    describe('degree record', () => {
      checkPage(fx, { path: `/${dir}/degree-v2.html`, draftId: DRAFT_IDS.degree, expected: expect.expectedDegreeV2(degreeData), frame });
    });
  });
}
