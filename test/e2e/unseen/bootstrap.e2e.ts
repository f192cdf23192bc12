/**
 * Unseen system: Bootstrap 5 + jQuery + select2 + bootstrap-datepicker (test/fixtures/systems/bootstrap). Only with
 * GUOYOU_UNSEEN=1 (see vitest.e2e.config.ts): it measures the product on pages it was not written against.
 */
import { describe } from 'vitest';
import { useFixtureSession } from '../harness';
import { degreeData, DRAFT_IDS, recommendationData } from '../../fixtures/systems/drafts';
import { expectedDegree, expectedRecommendation } from '../../fixtures/systems/bootstrap/expect';
import { checkPage } from './page-check';

const fx = useFixtureSession();

describe('Bootstrap 5 + select2 + bootstrap-datepicker', () => {
  describe('recommendation', () => {
    checkPage(fx, {
      path: '/bootstrap/recommend.html',
      draftId: DRAFT_IDS.recommendation,
      expected: expectedRecommendation(recommendationData),
    });
  });
  describe('degree record', () => {
    checkPage(fx, { path: '/bootstrap/degree.html', draftId: DRAFT_IDS.degree, expected: expectedDegree(degreeData) });
  });
});
