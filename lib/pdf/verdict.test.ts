import { describe, expect, it } from 'vitest';
import type { SealFound } from './types';
import { verdict, type VerdictInput } from './verdict';

const box = { x: 0, y: 0, width: 100, height: 100 };
const seal = (page: number, kind: SealFound['kind'] = 'image', extra: Partial<SealFound> = {}): SealFound => ({
  page,
  kind,
  box,
  confidence: 0.9,
  ...extra,
});
const base: VerdictInput = { signaturePages: [3], seals: [], grayscalePages: [], skippedPages: [], totalPages: 3, budgetSeconds: 60 };

describe('verdict', () => {
  it.each([
    ['image seal on the signature page', { seals: [seal(3)] }, 'sealed'],
    ['digital seal on the signature page', { seals: [seal(3, 'digital', { signer: '王芳' })] }, 'sealed'],
    ['invisible digital signature anywhere', { seals: [seal(1, 'digital', { invisible: true })] }, 'sealed'],
    ['seal on another page', { seals: [seal(1)] }, 'seal-misplaced'],
    ['riding seal only', { seals: [seal(1, 'riding'), seal(2, 'riding'), seal(3, 'riding')] }, 'seal-misplaced'],
    ['riding seal and the main seal', { seals: [seal(1, 'riding'), seal(3, 'riding'), seal(3)] }, 'sealed'],
    ['nothing', {}, 'unsealed'],
    ['grayscale signature page', { grayscalePages: [3] }, 'uncertain'],
    ['grayscale page elsewhere only', { grayscalePages: [1] }, 'unsealed'],
    ['time budget ran out', { skippedPages: [1, 2] }, 'uncertain'],
    ['time budget ran out but the signature page is sealed', { skippedPages: [1, 2], seals: [seal(3)] }, 'sealed'],
  ] as const)('%s → %s', (_name, over, status) => {
    const v = verdict({ ...base, ...over });
    expect(v.status).toBe(status);
    expect(v.reason.zh.length).toBeGreaterThan(4);
    expect(v.reason.en.length).toBeGreaterThan(4);
  });

  it('names the signer of a digital seal and says validity was not checked', () => {
    const v = verdict({ ...base, seals: [seal(3, 'digital', { signer: '河北省教育厅' })] });
    expect(v.reason.zh).toContain('河北省教育厅');
    expect(v.reason.zh).toContain('未验证');
    expect(v.reason.en).toContain('not its validity');
  });

  it('says which pages hold the misplaced seal', () => {
    expect(verdict({ ...base, seals: [seal(1)] }).reason.zh).toContain('第 1 页');
  });

  describe('digital signatures read to the end (issue 15 §3)', () => {
    const signed = (integrity: 'unchanged' | 'changed' | 'unverifiable', appended = false) =>
      seal(3, 'digital', {
        signer: '/Name 王芳',
        signature: { integrity, appended, algorithm: 'SM2', certificateName: '王芳', certificateOrganisation: '河北省教育厅' },
      });

    it('unchanged since signing: sealed, named from the certificate, the chain said to be unchecked', () => {
      const v = verdict({ ...base, seals: [signed('unchanged')] });
      expect(v.status).toBe('sealed');
      expect(v.reason.zh).toContain('河北省教育厅（王芳）');
      expect(v.reason.zh).toContain('签名后未被改动');
      expect(v.reason.zh).toContain('未核验');
      expect(v.reason.en).not.toMatch(/\bvalid\b/);
    });

    it('a revision added after signing is said so', () => {
      expect(verdict({ ...base, seals: [signed('unchanged', true)] }).reason.zh).toContain('追加了修订');
    });

    it('changed after signing: uncertain, even with the seal image on the page', () => {
      const v = verdict({ ...base, seals: [seal(3), signed('changed')] });
      expect(v.status).toBe('uncertain');
      expect(v.reason.zh).toContain('签名后被改动');
    });

    it('an unreadable signature is reported as present only', () => {
      const v = verdict({ ...base, seals: [signed('unverifiable')] });
      expect(v.status).toBe('sealed');
      expect(v.reason.en).toContain('not its validity');
    });
  });
});
