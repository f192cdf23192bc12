import { describe, expect, it } from 'vitest';
import { allFields, forms } from '../../lib/forms';
import { heldOut, pendingFields } from '../fixtures/labels/held-out';

// The corpus is measuring data: these checks keep it well-formed (every field it names exists), not "right".
describe('held-out label corpus', () => {
  it('holds at least 250 labels, near-misses among them', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(250);
    expect(heldOut.filter((c) => c.field === null).length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.keys(forms) as Array<keyof typeof forms>)('names only fields of the %s form pack', (id) => {
    const keys = new Set([
      ...allFields(forms[id]).map(({ field, group }) => (group ? `${group.key}.${field.key}` : field.key)),
      ...pendingFields[id],
    ]);
    const unknown = heldOut.filter((c) => c.form === id && c.field !== null && !keys.has(c.field));
    expect(unknown).toEqual([]);
  });

  it('has one case per label, form and context', () => {
    const seen = heldOut.map((c) => `${c.form}|${c.label}|${c.context ?? ''}`);
    expect(seen.filter((k, i) => seen.indexOf(k) !== i)).toEqual([]);
  });

  it('disambiguates a repeated label only by context', () => {
    const byLabel = new Map<string, Set<string | null>>();
    for (const c of heldOut) {
      const k = `${c.form}|${c.label}`;
      if (!byLabel.has(k)) byLabel.set(k, new Set());
      byLabel.get(k)!.add(c.field);
    }
    const ambiguousWithoutContext = heldOut.filter((c) => !c.context && byLabel.get(`${c.form}|${c.label}`)!.size > 1);
    expect(ambiguousWithoutContext).toEqual([]);
  });
});
