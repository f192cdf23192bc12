/** Error comments in an exported sheet: each on the cell of the field it is about, read back by ExcelJS. */
import { describe, expect, it } from 'vitest';
import { forms } from '../forms';
import type { Finding } from '../rules/types';
import { degreeRecords, recommendationDraft } from '../../test/fixtures/xlsx/samples';
import { exportFormXlsx } from '.';
import { errorNotes } from './notes';
import { loadWorkbook } from './workbook';

const err = (fields: string[], zh: string): Finding => ({ ruleId: 'x', severity: 'error', fields, message: { zh, en: zh }, clause: '' });

function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: Array<{ text: string }> } | undefined)?.texts ?? [];
  return texts.map((t) => t.text).join('');
}

describe('errorNotes on the exported sheet', () => {
  it('marks the school cell it is about (blank rows skipped), the header field, and puts whole-form errors on the title', async () => {
    const draft = recommendationDraft(6);
    draft.groups.schools!.splice(1, 0, { schoolName: '' });
    const notes = errorNotes([
      err(['schools[3].creditCode'], '信用代码校验位不对'),
      err(['contactPhone'], '电话号码位数不对'),
      err(['schools'], '至少推荐 5 所'),
      { ...err(['schools[0].schoolName'], '只是警告'), severity: 'warning' },
    ]);
    const { wb } = await loadWorkbook(await exportFormXlsx(forms.recommendation, [draft], { notes: [notes] }));
    const ws = wb.worksheets[0]!;
    const all: Array<{ address: string; value: unknown; note: string }> = [];
    ws.eachRow((row) => row.eachCell((c) => c.note && all.push({ address: c.address, value: c.value, note: noteText(c.note) })));
    expect(all).toHaveLength(3);
    expect(all.find((n) => n.note.includes('信用代码'))?.value).toBe(draft.groups.schools![3]!.creditCode);
    expect(all.find((n) => n.note.includes('电话'))?.value).toBe(draft.fields.contactPhone);
    expect(all.find((n) => n.note.includes('至少'))?.address).toBe('A1');
  });

  it('a record form: each record’s errors on its own row', async () => {
    const records = degreeRecords(3);
    const { wb } = await loadWorkbook(
      await exportFormXlsx(forms.degreeRecord, records, { notes: [new Map(), errorNotes([err(['name'], '姓名有误')]), new Map()] }),
    );
    const marked: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => c.note && marked.push(c.value)));
    expect(marked).toEqual([records[1]!.fields.name]);
  });
});
