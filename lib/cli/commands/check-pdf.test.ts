import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT, makeCorpus } from '../../../scripts/make-pdf-corpus';
import { runCli as run } from '../testing';

beforeAll(() => makeCorpus(DEFAULT_OUT), 120_000);

const f = (name: string) => path.join(DEFAULT_OUT, name);

describe('guoyou check-pdf', () => {
  it('exits 0 when every file is sealed, with a Chinese text report', async () => {
    const r = await run('check-pdf', f('scan-sealed-1p.pdf'), f('text-esign-vendor.pdf'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('已盖章');
    expect(r.out).toContain('河北省教育厅电子印章');
    expect(r.out).toContain('共 2 个文件，已盖章 2 个');
  }, 60_000);

  it('exits 1 when any file is not sealed, and prints a JSON array with the fields of the spec', async () => {
    const r = await run('check-pdf', f('scan-sealed-1p.pdf'), f('scan-wrong-page.pdf'), f('encrypted.pdf'), f('missing.pdf'), '--json');
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(rows.map((x) => x.status)).toEqual(['sealed', 'seal-misplaced', 'error', 'error']);
    for (const row of rows)
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['file', 'status', 'pages', 'signaturePages', 'seals', 'error', 'ms']));
    expect(rows[0]!.seals).toMatchObject([
      {
        page: 1,
        kind: 'image',
        confidence: expect.any(Number),
        box: { x: expect.any(Number), y: expect.any(Number), width: expect.any(Number), height: expect.any(Number) },
      },
    ]);
    expect(rows[1]!.signaturePages).toEqual([3]);
    expect(rows[2]!.error).toMatchObject({
      code: 'encrypted',
      message: { zh: expect.stringContaining('加密'), en: expect.stringContaining('encrypted') },
    });
    expect(rows[3]!.error).toMatchObject({ message: { zh: '找不到该文件。' } });
  }, 60_000);

  it('speaks English with --lang en', async () => {
    const r = await run('check-pdf', f('scan-unsealed-1p.pdf'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Not sealed');
  }, 60_000);

  it.each([[[]], [['--bogus', 'x.pdf']], [['--draft']]])('exits 2 on usage errors %j', async (args) => {
    const r = await run('check-pdf', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('check-pdf');
  });
});
