import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { runRule, validDegreeRecord, withFields } from './testing';

const deg = forms.degreeRecord;
const run = (id: Parameters<typeof runRule>[0], fields: Record<string, string>) =>
  runRule(id, deg, withFields(validDegreeRecord(), fields));

describe("'degree.same-year'", () => {
  it('passes when every year is 2025', async () => expect(await run('degree.same-year', {})).toEqual([]));

  it('fails a graduation in another year, naming both fields (error for joint training)', async () => {
    const found = await run('degree.same-year', { graduationDate: '2026-01-10' });
    expect(found.map((f) => [f.severity, ...f.fields])).toEqual([['error', 'eduMasterDate', 'graduationDate']]);
  });

  it('fails a main degree of another year as a warning without joint training', async () => {
    const found = await run('degree.same-year', { mainDegreeDate: '2024-12-20', jointUniversity: '' });
    expect(found.map((f) => [f.severity, ...f.fields])).toEqual([['warning', 'eduMasterDate', 'mainDegreeDate']]);
  });

  it('checks from certificate numbers alone when dates are missing', async () => {
    const found = await run('degree.same-year', {
      eduMasterDate: '',
      graduationDate: '',
      mainDegreeDate: '',
      eduMasterCertNo: '1002732026000456',
    });
    expect(found.map((f) => f.fields)).toEqual([
      ['eduMasterCertNo', 'graduationCertNo'],
      ['eduMasterCertNo', 'mainDegreeCertNo'],
    ]);
    expect(found[0]!.message.zh).toContain('2026');
  });

  it('does not apply without a 教育硕士', async () => {
    expect(await run('degree.same-year', { eduMasterAwarded: '否', graduationDate: '2027-06-30' })).toEqual([]);
  });

  it('cannot judge without any 教育硕士 year', async () => {
    expect(await run('degree.same-year', { eduMasterDate: '', eduMasterCertNo: '' })).toEqual([]);
  });
});

describe("'degree.edu-date-order'", () => {
  it.each([
    [{ eduMasterDate: '2025-06-28', mainDegreeDate: '2025-06-20' }],
    [{ eduMasterDate: '2025-06-20', mainDegreeDate: '2025-06-20' }], // same day is fine
    [{ eduMasterDate: '', mainDegreeDate: '2025-06-20' }],
    [{ eduMasterDate: '2025/6/1', mainDegreeDate: '2025-06-20' }], // not a stored date: field.format reports it
  ])('passes %j', async (fields) => expect(await run('degree.edu-date-order', fields)).toEqual([]));

  it('fails a 教育硕士 awarded before the main degree', async () => {
    const [f] = await run('degree.edu-date-order', { eduMasterDate: '2025-06-19' });
    expect(f).toMatchObject({ severity: 'error', fields: ['eduMasterDate', 'mainDegreeDate'] });
    expect((await run('degree.edu-date-order', { eduMasterDate: '2025-06-19', jointUniversity: '' }))[0]!.severity).toBe('warning');
  });
});
