import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFDocument } from 'pdf-lib';
import { signedPdf, type SigningAlgorithm } from '../../test/fixtures/signed-pdf';
import { getForm } from '../forms';
import { checkPdfInNode } from './node';
import { checkSignature } from './signature-integrity';

/** /ByteRange and /Contents of the file's one signature, read with pdf-lib. */
async function signatureOf(pdf: Uint8Array): Promise<{ range: number[]; contents: Uint8Array }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || !(obj.get(PDFName.of('ByteRange')) instanceof PDFArray)) continue;
    const range = obj
      .lookup(PDFName.of('ByteRange'), PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber());
    return { range, contents: obj.lookup(PDFName.of('Contents'), PDFHexString).asBytes() };
  }
  throw new Error('no signature');
}

describe('checkSignature (issue 15 §3)', () => {
  it.each<SigningAlgorithm>(['RSA', 'ECDSA', 'SM2'])(
    '%s: unchanged since signing, then changed after it',
    async (algorithm) => {
      const o = { algorithm, name: '王芳', organisation: '河北省教育厅' };
      const good = await signedPdf(o);
      const ok = await checkSignature(good, ...(Object.values(await signatureOf(good)) as [number[], Uint8Array]));
      expect(ok).toEqual({
        integrity: 'unchanged',
        appended: false,
        algorithm,
        certificateName: '王芳',
        certificateOrganisation: '河北省教育厅',
      });

      const bad = await signedPdf({ ...o, tamper: true });
      const changed = await checkSignature(bad, ...(Object.values(await signatureOf(bad)) as [number[], Uint8Array]));
      expect(changed.integrity).toBe('changed');
      expect(changed.certificateOrganisation).toBe('河北省教育厅');
    },
    30_000,
  );

  it('says when bytes were added after the signed range', async () => {
    const pdf = await signedPdf({ algorithm: 'ECDSA', name: '王芳', organisation: '河北省教育厅', append: true });
    const r = await checkSignature(pdf, ...(Object.values(await signatureOf(pdf)) as [number[], Uint8Array]));
    expect(r).toMatchObject({ integrity: 'unchanged', appended: true });
  });

  it('a signature whose signed attributes were altered is changed, not unchanged', async () => {
    const pdf = await signedPdf({ algorithm: 'RSA', name: '王芳', organisation: '河北省教育厅' });
    const { range, contents } = await signatureOf(pdf);
    // Flip one byte of the signature value at the end of the CMS (before the zero padding).
    let end = contents.length;
    while (end > 0 && contents[end - 1] === 0) end--;
    const altered = contents.slice();
    altered[end - 10] = altered[end - 10]! ^ 0x01;
    expect((await checkSignature(pdf, range, altered)).integrity).toBe('changed');
  });

  it.each([
    ['a placeholder /Contents', new Uint8Array(64)],
    ['bytes that are no CMS', new TextEncoder().encode('SES_Signature')],
  ])('%s is unverifiable', async (_name, contents) => {
    const pdf = await signedPdf({ algorithm: 'RSA', name: '王芳', organisation: '河北省教育厅' });
    const { range } = await signatureOf(pdf);
    expect((await checkSignature(pdf, range, contents)).integrity).toBe('unverifiable');
  });

  it('a /ByteRange that leaves more than the /Contents string unsigned is unverifiable', async () => {
    const pdf = await signedPdf({ algorithm: 'RSA', name: '王芳', organisation: '河北省教育厅' });
    const { range, contents } = await signatureOf(pdf);
    const wider = [range[0]!, range[1]! - 20, range[2]!, range[3]!];
    expect((await checkSignature(pdf, wider, contents)).integrity).toBe('unverifiable');
  });

  describe('through the seal check', () => {
    const form = getForm('recommendation')!;
    const draft = (unit: string) => ({ form, data: { fields: { recommendingUnit: unit }, groups: {} } });

    it('an untouched signed file is sealed and unchanged; the certificate unit is compared with the draft', async () => {
      const pdf = await signedPdf({ algorithm: 'ECDSA', name: '王芳', organisation: '河北省教育厅' });
      const r = await checkPdfInNode(pdf, { fileName: 'signed.pdf', draft: draft('河北省教育厅') });
      expect(r.status).toBe('sealed');
      expect(r.reason.zh).toContain('签名后未被改动');
      expect(r.seals.find((s) => s.kind === 'digital')?.signature).toMatchObject({
        integrity: 'unchanged',
        certificateOrganisation: '河北省教育厅',
      });
      expect(r.findings.filter((f) => f.ruleId === 'pdf.signer-mismatch')).toEqual([]);
      const other = await checkPdfInNode(pdf, { fileName: 'signed.pdf', draft: draft('山西省教育厅') });
      expect(other.findings.map((f) => f.ruleId)).toContain('pdf.signer-mismatch');
    }, 30_000);

    it('a file changed after signing is uncertain, and says why', async () => {
      const pdf = await signedPdf({ algorithm: 'SM2', name: '王芳', organisation: '河北省教育厅', tamper: true });
      const r = await checkPdfInNode(pdf, { fileName: 'changed.pdf' });
      expect(r.status).toBe('uncertain');
      expect(r.reason.zh).toContain('签名后被改动');
      expect(r.reason.en).toContain('changed after signing');
    }, 30_000);
  });
});
