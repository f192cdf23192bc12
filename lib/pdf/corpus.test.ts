import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, DEFAULT_OUT, makeCorpus, type CorpusEntry } from '../../scripts/make-pdf-corpus';
import { emptyData, emptyRow, getForm } from '../forms/index';
import { checkPdfInNode } from './node';

// The corpus is generated once into a gitignored folder and reused while its version is unchanged.
let manifest: CorpusEntry[] = [];
beforeAll(async () => {
  manifest = await makeCorpus(DEFAULT_OUT);
}, 120_000);

const read = (file: string) => new Uint8Array(readFileSync(path.join(DEFAULT_OUT, file)));

describe('PDF corpus: every file gets its expected verdict', () => {
  it('has at least 40 files covering every status', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CORPUS.map((e) => e.status))).toEqual(new Set(['sealed', 'seal-misplaced', 'unsealed', 'uncertain', 'error']));
  });

  it.each(CORPUS.map(({ make: _m, ...e }) => [e.file, e] as const))(
    '%s',
    async (_file, e) => {
      expect(manifest.find((m) => m.file === e.file)).toEqual(e);
      const r = await checkPdfInNode(read(e.file), { fileName: e.file });
      expect(r.status, r.reason.zh).toBe(e.status);
      expect(r.file).toBe(e.file);
      expect(r.reason.zh.length).toBeGreaterThan(0);
      expect(r.reason.en.length).toBeGreaterThan(0);
      if (e.errorCode) {
        expect(r.error?.code).toBe(e.errorCode);
        expect(r.error?.message.zh).toMatch(/[\u4e00-\u9fa5]/);
        return;
      }
      expect(r.error).toBeUndefined();
      expect(r.pages).toBeGreaterThan(0);
      if (e.signaturePages) expect(r.signaturePages).toEqual(e.signaturePages);
      if (e.sealPages) expect([...new Set(r.seals.filter((s) => s.kind !== 'riding').map((s) => s.page))]).toEqual(e.sealPages);
      if (e.ridingPages) expect(r.seals.filter((s) => s.kind === 'riding').map((s) => s.page)).toEqual(e.ridingPages);
      else expect(r.seals.filter((s) => s.kind === 'riding')).toEqual([]);
      if (e.digital) expect(r.seals.find((s) => s.kind === 'digital')).toMatchObject(e.digital);
      for (const s of r.seals) {
        expect(s.confidence).toBeGreaterThan(0);
        expect(s.confidence).toBeLessThanOrEqual(1);
        if (!s.invisible) expect(s.box.width * s.box.height).toBeGreaterThan(0);
      }
    },
    60_000,
  );
});

describe('checkPdf details', () => {
  it('reports seal boxes in PDF points on the page (a 4.2 cm seal is about 119 pt)', async () => {
    const r = await checkPdfInNode(read('scan-sealed-1p.pdf'), { fileName: 'a.pdf' });
    const s = r.seals[0]!;
    expect(s.box.width).toBeGreaterThan(100);
    expect(s.box.width).toBeLessThan(140);
    // Drawn centred at 68 % across and 80 % down an A4 page (595 × 842 pt, origin bottom-left).
    expect(s.box.x + s.box.width / 2).toBeCloseTo(0.68 * 595, -1);
    expect(s.box.y + s.box.height / 2).toBeCloseTo(0.2 * 842, -1);
  });

  it('attaches thumbnails of the seal regions when asked', async () => {
    const r = await checkPdfInNode(read('scan-riding-sealed.pdf'), { fileName: 'a.pdf', thumbnails: true });
    expect(r.seals.length).toBe(4);
    for (const s of r.seals) expect(s.thumbnail).toMatch(/^data:image\/png;base64,/);
  });

  it('refuses files over the size limit before parsing them', async () => {
    const r = await checkPdfInNode(read('scan-20-pages-sealed.pdf'), { fileName: 'big.pdf', limits: { maxBytes: 1024 * 1024 } });
    expect(r.status).toBe('error');
    expect(r.error?.code).toBe('too-large');
    expect(r.error?.message.zh).toContain('MB');
  });

  it('refuses files with too many pages', async () => {
    const r = await checkPdfInNode(read('text-300-pages-unsealed.pdf'), { fileName: 'long.pdf', limits: { maxPages: 100 } });
    expect(r.error?.code).toBe('too-large');
    expect(r.pages).toBe(300);
  });

  it('stops at the time budget with a clear answer', async () => {
    const r = await checkPdfInNode(read('scan-20-pages-sealed.pdf'), { fileName: 'slow.pdf', limits: { timeBudgetMs: 1 } });
    expect(r.status).toBe('error');
    expect(r.error?.code).toBe('timeout');
  });

  it('reads the vendor filter and invisibility of e-seals without claiming validity', async () => {
    const vendor = await checkPdfInNode(read('text-esign-vendor.pdf'), { fileName: 'v.pdf' });
    expect(vendor.seals.find((s) => s.kind === 'digital')).toMatchObject({
      filter: 'GB.SM2.SealSign',
      subFilter: 'GBT38540.SES',
      confidence: 1,
    });
    expect(vendor.reason.zh).toContain('未验证');
    const invisible = await checkPdfInNode(read('text-esign-invisible.pdf'), { fileName: 'i.pdf' });
    expect(invisible.seals).toMatchObject([{ kind: 'digital', invisible: true, box: { width: 0, height: 0 } }]);
  });
});

describe('checkPdf against a draft of the recommendation form', () => {
  const schools = ['石家庄市第一中学', '保定市第二小学', '唐山市实验学校', '邯郸市第四中学', '廊坊市第一小学', '邢台市第一中学'];
  const draft = (names: string[]) => {
    const form = getForm('recommendation');
    const data = emptyData(form);
    data.groups.schools = names.map((schoolName) => ({ ...emptyRow(form.groups[0]!), schoolName }));
    return { form, data };
  };

  it('finds nothing when the text PDF lists exactly the draft’s schools', async () => {
    const r = await checkPdfInNode(read('text-unsealed.pdf'), { fileName: 't.pdf', draft: draft(schools) });
    expect(r.findings).toEqual([]);
  });

  it('reports a school missing from the PDF and a school the draft no longer has', async () => {
    const r = await checkPdfInNode(read('text-stamped-image.pdf'), { fileName: 't.pdf', draft: draft([...schools.slice(1), '衡水中学']) });
    expect(r.status).toBe('sealed');
    expect(r.findings.map((f) => [f.ruleId, f.message.zh.includes('衡水中学') || f.message.zh.includes('石家庄市第一中学')])).toEqual([
      ['pdf.school-missing', true],
      ['pdf.school-extra', true],
    ]);
  });

  it('judges a scan by its page count against rows per page', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `第${i + 1}中学`);
    const r = await checkPdfInNode(read('scan-sealed-1p.pdf'), { fileName: 's.pdf', draft: draft(many) });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['pdf.page-count']);
    const ok = await checkPdfInNode(read('scan-sealed-1p.pdf'), { fileName: 's.pdf', draft: draft(schools) });
    expect(ok.findings).toEqual([]);
  });
});
