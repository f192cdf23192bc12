/**
 * Unseen system: React 19 + MUI + MUI X date pickers (test/fixtures/systems/mui), a library the product has no kit
 * for, built on the WAI-ARIA patterns (combobox/listbox, radiogroup, switch, aria-labelledby, floating labels). Only
 * with GUOYOU_UNSEEN=1 (see vitest.e2e.config.ts).
 */
import { describe } from 'vitest';
import { useFixtureSession } from '../harness';
import { buildFixtureBundle } from '../../fixtures/build-bundle';
import { degreeData, DRAFT_IDS, recommendationData } from '../../fixtures/systems/drafts';
import { expectedDegree, expectedRecommendation } from '../../fixtures/systems/mui/expect';
import { checkPage } from './page-check';

const fx = useFixtureSession(() => buildFixtureBundle('mui'));

describe('MUI (no kit: the generic ARIA path)', () => {
  describe('recommendation', () => {
    checkPage(fx, { path: '/mui/recommend.html', draftId: DRAFT_IDS.recommendation, expected: expectedRecommendation(recommendationData) });
  });
  describe('degree record', () => {
    checkPage(fx, { path: '/mui/degree.html', draftId: DRAFT_IDS.degree, expected: expectedDegree(degreeData) });
  });
});
