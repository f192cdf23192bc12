import { describe, expect, it } from 'vitest';
import { backupSchemaV1 } from '../backup/format';
import type { DraftRow } from '../db/schema';
import { draftFile } from './draft-file';

const row: DraftRow = {
  id: 'd1',
  formId: 'recommendation',
  formVersion: 1,
  title: 'old',
  data: { fields: { province: '江苏省' }, groups: {} },
  rev: 4,
  createdAt: 1,
  updatedAt: 2,
  archived: 0,
  deletedAt: 0,
};

describe('draftFile', () => {
  it('is a valid backup holding the in-memory data, not the stored one', () => {
    const data = { fields: { province: '江苏省', filler: '张三' }, groups: { schools: [{ schoolName: '南京一中' }] } };
    const file = draftFile(row, '江苏推荐表', data, '0.1.0', new Date('2024-08-01T00:00:00Z'));
    const parsed = backupSchemaV1.parse(JSON.parse(JSON.stringify(file)));
    expect(parsed.drafts).toHaveLength(1);
    expect(parsed.drafts[0]).toMatchObject({ id: 'd1', title: '江苏推荐表', data, rev: 5 });
  });
});
