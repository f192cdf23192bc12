import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allFields, getForm } from '../forms';
import { parseBackup } from './backup';
import { revisionReasonSchema } from './format';

const doc = readFileSync(new URL('./FORMAT.md', import.meta.url), 'utf8');

describe('FORMAT.md', () => {
  it('has an example that the reader accepts, using real form keys', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const parsed = parseBackup(example!);
    if (!parsed.ok) throw new Error(parsed.error.en);
    for (const draft of parsed.backup.drafts) {
      const form = getForm(draft.formId);
      expect(form, draft.formId).toBeDefined();
      const keys = new Set(allFields(form!).map((f) => f.field.key));
      const used = [
        ...Object.keys(draft.data.fields),
        ...Object.values(draft.data.groups).flatMap((rows) => rows.flatMap((r) => Object.keys(r))),
      ];
      for (const key of used) expect(keys, key).toContain(key);
    }
  });

  it('documents every revision reason', () => {
    for (const reason of revisionReasonSchema.options) expect(doc).toContain(`\`${reason}\``);
  });
});
