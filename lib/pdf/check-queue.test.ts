import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PdfCheckResult } from './types';

// The queue's own logic (one file at a time, a failure answered, not thrown), with pdf.js left out.
const calls: string[] = [];
vi.mock('./browser', () => ({
  checkPdfInBrowser: async (_bytes: Uint8Array, opts: { fileName: string }) => {
    calls.push(`start ${opts.fileName}`);
    await new Promise((r) => setTimeout(r, opts.fileName === 'slow.pdf' ? 30 : 1));
    calls.push(`end ${opts.fileName}`);
    if (opts.fileName === 'broken.pdf') throw new Error('pdf.js failed');
    return { status: 'sealed', fileName: opts.fileName } as unknown as PdfCheckResult;
  },
}));

const g = globalThis as unknown as { window?: unknown };
beforeAll(() => {
  g.window = globalThis;
});
afterAll(() => {
  delete g.window;
});

describe('queuePdfCheck', () => {
  it('checks one file at a time, in order, and answers a failure instead of throwing', async () => {
    const { queuePdfCheck } = await import('./check-queue');
    const replies = await Promise.all(
      ['slow.pdf', 'broken.pdf', 'fast.pdf'].map((name) => queuePdfCheck({ name, data: btoa('%PDF-1.7') })),
    );
    expect(calls).toEqual(['start slow.pdf', 'end slow.pdf', 'start broken.pdf', 'end broken.pdf', 'start fast.pdf', 'end fast.pdf']);
    expect(replies.map((r) => r.ok)).toEqual([true, false, true]);
    expect(replies[1]).toMatchObject({ ok: false, error: { zh: expect.any(String), en: expect.any(String) } });
  });
});
