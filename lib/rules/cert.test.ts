import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { runRule, validDegreeRecord, withFields } from './testing';

const deg = forms.degreeRecord;
const run = (id: Parameters<typeof runRule>[0], fields: Record<string, string>) =>
  runRule(id, deg, withFields(validDegreeRecord(), fields));
const fieldsOf = async (id: Parameters<typeof runRule>[0], f: Record<string, string>) => (await run(id, f)).map((x) => x.fields);

describe("'cert.degree-number'", () => {
  it('passes a consistent record', async () => expect(await run('cert.degree-number', {})).toEqual([]));

  it.each([
    ['not 16 digits', { mainDegreeCertNo: '100033202500012' }, [['mainDegreeCertNo']]],
    ['letters', { mainDegreeCertNo: '10003320250001AB' }, [['mainDegreeCertNo']]],
    ['level digit says doctor', { mainDegreeCertNo: '1000322025000123' }, [['mainDegreeCertNo', 'mainDegreeLevel']]],
    ['unknown level digit', { mainDegreeCertNo: '1000392025000123' }, [['mainDegreeCertNo']]],
    ['year differs from the degree date', { mainDegreeCertNo: '1000332024000123' }, [['mainDegreeCertNo', 'mainDegreeDate']]],
    ['implausible year', { mainDegreeCertNo: '1000331899000123' }, [['mainDegreeCertNo']]],
    ['unit code differs from the code field', { mainDegreeCertNo: '1000132025000123' }, [['mainDegreeCertNo', 'mainDegreeUnitCode']]],
    [
      'unit code is not the named unit’s',
      { mainDegreeCertNo: '1000132025000123', mainDegreeUnitCode: '' },
      [['mainDegreeCertNo', 'mainDegreeUnit']],
    ],
    ['the 教育硕士 certificate is not a master’s', { eduMasterCertNo: '1002722025000456' }, [['eduMasterCertNo']]],
    ['the 教育硕士 certificate year differs', { eduMasterCertNo: '1002732024000456' }, [['eduMasterCertNo', 'eduMasterDate']]],
  ])('fails: %s', async (_what, f, expected) => {
    expect(await fieldsOf('cert.degree-number', f)).toEqual(expected);
  });

  it.each([
    ['a unit missing from the 2017 list', { mainDegreeUnit: '某新设大学', mainDegreeUnitCode: '' }],
    ['no unit code to compare', { mainDegreeUnitCode: '' }],
    ['a doctoral degree with level digit 2', { mainDegreeLevel: '博士', mainDegreeCertNo: '1000322025000123' }],
    ['no date to compare', { mainDegreeDate: '' }],
  ])('passes: %s', async (_what, f) => expect(await run('cert.degree-number', f)).toEqual([]));

  it('reads digits typed with spaces', async () => {
    expect(await run('cert.degree-number', { mainDegreeCertNo: '10003 3 2025 000123' })).toEqual([]);
  });
});

describe("'cert.graduation-number'", () => {
  it('passes a consistent record', async () => expect(await run('cert.graduation-number', {})).toEqual([]));

  it.each([
    ['not 18 digits', { graduationCertNo: '10003120250200012' }, [['graduationCertNo']]],
    ['year differs from the graduation date', { graduationCertNo: '100031202402000123' }, [['graduationCertNo', 'graduationDate']]],
    ['a doctoral certificate for a master', { graduationCertNo: '100031202501000123' }, [['graduationCertNo', 'mainDegreeLevel']]],
    ['a bachelor certificate for a master', { graduationCertNo: '100031202505000123' }, [['graduationCertNo', 'mainDegreeLevel']]],
    [
      'school code differs from the home university',
      { graduationCertNo: '100011202502000123' },
      [['graduationCertNo', 'homeUniversityCode']],
    ],
  ])('fails: %s', async (_what, f, expected) => {
    expect(await fieldsOf('cert.graduation-number', f)).toEqual(expected);
  });

  it('warns on an unknown level code', async () => {
    const [f] = await run('cert.graduation-number', { graduationCertNo: '100031202509000123' });
    expect(f).toMatchObject({ severity: 'warning', fields: ['graduationCertNo'] });
  });

  it('passes a doctoral certificate for a doctor', async () => {
    expect(await run('cert.graduation-number', { mainDegreeLevel: '博士', graduationCertNo: '100031202501000123' })).toEqual([]);
  });
});
