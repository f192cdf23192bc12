import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withValue } from '../forms';
import type { FieldDef, FormData, FormDefinition, GroupDef } from '../forms/types';
import { addRow, canRemoveRow, displayRows, filledCount, filledRows, insertRow, removeRow } from './form-data';

const field = (key: string): FieldDef => ({
  key,
  label: { zh: key, en: key },
  synonyms: [],
  codes: [],
  type: 'text',
  required: false,
  schema: z.string(),
});
const schools: GroupDef = {
  key: 'schools',
  label: { zh: '学校', en: 'Schools' },
  itemLabel: { zh: '学校', en: 'school' },
  fields: [field('name'), field('stage')],
  minRows: 3,
  maxRows: 4,
};
const form: FormDefinition = {
  id: 'f',
  version: 1,
  title: { zh: 'f', en: 'f' },
  source: { zh: 's', en: 's' },
  fields: [field('unit'), field('phone')],
  groups: [schools],
  rules: [],
};
const empty: FormData = { fields: {}, groups: {} };
const withNames = (...names: string[]): FormData => ({ fields: {}, groups: { schools: names.map((name) => ({ name, stage: '' })) } });

describe('row edits', () => {
  it('addRow appends after the rows on screen, up to maxRows, then stops', () => {
    // Three rows are shown for an empty group (minRows): the first added row is the fourth.
    const once = addRow(empty, schools);
    expect(once.groups.schools).toHaveLength(4);
    expect(addRow(once, schools)).toBe(once);
    expect(empty.groups).toEqual({});
    const kept = addRow(withNames('A'), schools);
    expect(kept.groups.schools!.map((r) => r.name)).toEqual(['A', '', '', '']);
  });

  it.each([
    [0, ['B', 'C']],
    [2, ['A', 'B']],
    [5, ['A', 'B', 'C']],
    [-1, ['A', 'B', 'C']],
  ])('removeRow(%i)', (row, names) => {
    expect(removeRow(withNames('A', 'B', 'C'), 'schools', row).groups.schools!.map((r) => r.name)).toEqual(names);
  });

  it.each([0, 1, 2])('insertRow puts a removed row %i back in place', (row) => {
    const d = withNames('A', 'B', 'C');
    const removed = d.groups.schools![row]!;
    expect(insertRow(removeRow(d, 'schools', row), 'schools', row, removed)).toEqual(d);
  });

  it.each([
    [withNames('A', 'B', 'C'), false],
    [withNames('A', 'B', 'C', 'D'), true],
    [empty, false],
  ])('canRemoveRow %#', (d, expected) => {
    expect(canRemoveRow(d, schools)).toBe(expected);
  });

  it('displayRows pads to minRows without storing', () => {
    expect(displayRows(empty, schools)).toHaveLength(3);
    expect(empty.groups).toEqual({});
    expect(displayRows(withNames('A', 'B', 'C', 'D'), schools)).toHaveLength(4);
  });

  it('counts filled values and filled rows', () => {
    const d = withValue(form, withValue(form, empty, 'unit', 'x'), 'schools[1].name', 'A');
    expect(filledCount(form, d)).toEqual({ filled: 2, total: 2 + 3 * 2 });
    expect(filledRows(d, schools)).toBe(1);
  });
});
