import Dexie from 'dexie';
import { z } from 'zod';
import { defineForm, type FieldDef, type FormData } from '../forms/types';
import { openDb } from './db';
import type { GuoyouDB } from './schema';

/* Test-only helpers shared by the lib/db and lib/backup tests. */

let counter = 0;

/** A fresh, uniquely named database on fake-indexeddb, and a cleanup that deletes it. */
export function freshDb(): { db: GuoyouDB; name: string; cleanup: () => Promise<void> } {
  const name = `guoyou-test-${process.pid}-${counter++}`;
  const db = openDb(name);
  return {
    db,
    name,
    cleanup: async () => {
      db.close();
      await Dexie.delete(name);
    },
  };
}

const text = (key: string, zh: string): FieldDef => ({
  key,
  label: { zh, en: key },
  synonyms: [],
  codes: [],
  type: 'text',
  required: false,
  schema: z.string(),
});

/** A small form with a header field and a repeated group, enough to exercise drafts. */
export const testForm = defineForm({
  id: 'testForm',
  version: 2,
  title: { zh: '测试表', en: 'Test form' },
  source: { zh: '测试', en: 'test' },
  fields: [text('unit', '推荐单位'), text('phone', '联系电话')],
  groups: [
    {
      key: 'schools',
      label: { zh: '学校', en: 'Schools' },
      itemLabel: { zh: '学校', en: 'School' },
      fields: [text('schoolName', '学校名称'), text('stage', '学段')],
      minRows: 2,
    },
  ],
  rules: [],
});

export function sampleData(unit: string, schools: string[] = []): FormData {
  return {
    fields: { unit, phone: '' },
    groups: { schools: schools.map((schoolName) => ({ schoolName, stage: '高中' })) },
  };
}
