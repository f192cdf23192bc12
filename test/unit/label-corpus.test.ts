import { describe, expect, it } from 'vitest';
import { measureCorpus } from '../fixtures/labels/measure';
import { tune } from '../fixtures/labels/tune';

// Floors on the corpus the matcher is tuned on (held-out numbers are reported by `npm run bench -- autofill`).
describe('tune label corpus', () => {
  it('holds at least 400 labels, near-misses among them', () => {
    expect(tune.length).toBeGreaterThanOrEqual(400);
    expect(tune.filter((c) => c.field === null).length).toBeGreaterThanOrEqual(60);
  });

  it('is matched with precision ≥ 0.99 and recall ≥ 0.96', () => {
    const { precision, recall } = measureCorpus(tune);
    expect(precision).toBeGreaterThanOrEqual(0.99);
    expect(recall).toBeGreaterThanOrEqual(0.96);
  });
});
