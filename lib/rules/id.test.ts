import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { residentIdNumber, runRule, validDegreeRecord, withFields } from './testing';

const deg = forms.degreeRecord;
const run = (fields: Record<string, string>) => runRule('id.resident-id', deg, withFields(validDegreeRecord(), fields));

describe("'id.resident-id'", () => {
  it.each([
    [{}],
    [{ idNumber: '11010519491231002x', birthDate: '1949-12-31', gender: '女' }], // lower-case x accepted
    [{ idNumber: '440524188001010014', birthDate: '', gender: '' }],
    [{ idType: '护照', idNumber: 'E12345678' }],
    [{ idNumber: '' }],
  ])('passes %j', async (fields) => expect(await run(fields)).toEqual([]));

  it.each([
    [{ idNumber: '110105194912310021', birthDate: '1949-12-31', gender: '女' }, '应为 X'],
    [{ idNumber: '11010519491231002' }, '现为 17 位'],
    [{ idNumber: '110105491231002' }, '15 位旧身份证'],
    [{ idNumber: residentIdNumber('11010519490230002'), birthDate: '' }, '不是有效的出生日期'],
    [{ idType: '护照', idNumber: 'E1234 5678!' }, '格式不正确'],
  ])('fails %j (%s)', async (fields, text) => {
    const [f, ...rest] = await run(fields);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', fields: ['idNumber'] });
    expect(f!.message.zh).toContain(text);
  });

  it('names both fields when the birth date differs', async () => {
    const [f] = await run({ birthDate: '2000-05-21' });
    expect(f).toMatchObject({ fields: ['idNumber', 'birthDate'], clause: 'GB 11643-1999' });
    expect(f!.message.zh).toContain('2000-05-12');
  });

  it('names both fields when the gender differs', async () => {
    const [f] = await run({ gender: '男' });
    expect(f!.fields).toEqual(['idNumber', 'gender']);
  });

  it('recognises an 18-digit number as a resident ID when the type is empty', async () => {
    expect(await run({ idType: '', idNumber: '110105194912310021', birthDate: '', gender: '' })).toHaveLength(1);
  });
});
