import { describe, expect, it } from 'vitest';
import { forms } from '../forms';
import { validate } from '../rules';
import { loadReferenceData } from '../reference';
import type { RosterRow } from '../db/schema';
import { buildFixtures, generateRecords, rosterFor, spellings, cleanRecord, rng } from '../../test/fixtures/verify';
import { parseRosterJson } from '../roster/parse';
import { checkPage, recordData, rosterLookup, type RunRules } from './check';
import type { PageRead, ReadRecord } from './types';

const form = forms.degreeRecord;
const refs = await loadReferenceData();
const now = new Date('2024-09-01T00:00:00+08:00');
const rules: RunRules = (data, view) => validate(view, data, refs, now);

/** Records as the content script would read them: only the given fields, anchors numbered in order. */
function asRead(records: Array<Record<string, string>>, fields: string[], source: ReadRecord['source'] = 'table'): PageRead {
  let ref = 0;
  return {
    frameUrl: 'http://x/',
    title: '',
    tables: [],
    lists: [],
    ms: 0,
    records: records.map((r, row) => ({
      source,
      row,
      ref: ref++,
      ...(source === 'table' ? { table: 0 } : {}),
      cells: Object.fromEntries(fields.map((k) => [k, { ref: ref++, text: r[k] ?? '' }])),
    })),
  };
}

describe('recordData: page text → normalised draft values', () => {
  it.each([
    ['mainDegreeDate', '2024/6/30', '2024-06-30'],
    ['mainDegreeDate', '2024年6月30日', '2024-06-30'],
    ['mainDegreeDate', '２０２４年６月３０日', '2024-06-30'],
    ['graduationCertNo', '１０００３１２０２４０２１０００００', '100031202402100000'],
    ['freshGraduate', '应届', '是'],
    ['filingMark', '已备案', '是'],
    ['filingMark', 'N', '否'],
    ['name', '  张　三 ', '张 三'],
    ['mainDegreeCategory', '07', '理学'],
  ])('%s %j → %j', (key, text, expected) => {
    const data = recordData(form, { source: 'form', row: 0, ref: 0, cells: { [key]: { ref: 1, text } } });
    expect(data.fields[key]).toBe(expected);
  });

  it('leaves fields the page does not show empty', () => {
    const data = recordData(form, { source: 'form', row: 0, ref: 0, cells: { name: { ref: 1, text: '张三' } } });
    expect(data.fields.gender).toBe('');
  });
});

describe('checkPage on the fixture records (the same manifest as the e2e suite)', () => {
  for (const page of buildFixtures()) {
    it(`${page.path}: every seeded violation on its row and field, clean rows silent`, () => {
      const result = checkPage(
        'http://x/',
        [{ frameId: 0, read: asRead(page.records, page.fields, page.kind === 'table' ? 'table' : page.kind) }],
        { form, rules },
      );
      for (const e of page.expected) {
        const hit = result.findings.find((f) => f.row === e.row && f.ruleId === e.ruleId && f.fields.includes(e.field));
        expect(hit, `${e.ruleId} on row ${e.row} (${e.field})`).toBeDefined();
      }
      const seededRows = new Set(page.expected.map((e) => e.row));
      const strays = result.findings.filter((f) => !seededRows.has(f.row));
      expect(strays.map((f) => `row ${f.row}: ${f.ruleId} ${f.fields.join(',')} ${f.message.zh}`)).toEqual([]);
      // Rules run on the form narrowed to the shown fields: their messages still name fields by label, never by key.
      expect(
        result.findings.filter((f) => /「[A-Za-z]+」|"[a-z]+[A-Z]\w*"/.test(f.message.zh + f.message.en)).map((f) => f.message.zh),
      ).toEqual([]);
      expect(result.records).toBe(page.records.length);
      expect(result.clean).toBe(page.records.length - seededRows.size);
    });
  }

  it('every spelling of a clean value stays clean', () => {
    const r = rng(7);
    for (const s of spellings) {
      const rec = cleanRecord(r, 1);
      s.apply(rec);
      const result = checkPage('http://x/', [{ frameId: 0, read: asRead([rec], Object.keys(rec), 'form') }], { form, rules });
      expect(result.findings.map((f) => `${s.name}: ${f.ruleId} ${f.message.zh}`)).toEqual([]);
    }
  });

  it('drops findings about fields the page does not show (a missing column is not an empty value)', () => {
    const { records } = generateRecords({ count: 3, violationEvery: 0 });
    const result = checkPage('http://x/', [{ frameId: 0, read: asRead(records, ['studentNo', 'name']) }], { form, rules });
    expect(result.findings).toEqual([]);
  });
});

describe('roster cross-check', () => {
  const page = buildFixtures().find((p) => p.path === '/table-plain.html')!;
  const roster = rosterFor(page);
  const parsed = parseRosterJson(roster.json);
  if (!parsed.ok) throw new Error(parsed.error.en);
  const rows: RosterRow[] = parsed.roster.students.map((s, i) => ({ ...s, id: i + 1, rosterId: 'r' }));

  it('reports each seeded difference on its row and field, naming both values', () => {
    const result = checkPage('http://x/', [{ frameId: 0, read: asRead(page.records, page.fields) }], {
      form,
      rules,
      roster: rosterLookup(rows),
    });
    expect(roster.expected.length).toBeGreaterThan(5);
    for (const e of roster.expected) {
      const hit = result.findings.find((f) => f.row === e.row && f.ruleId === 'roster.mismatch' && f.fields[0] === e.field);
      expect(hit, `row ${e.row}`).toBeDefined();
      expect(hit!.message.zh).toContain('2024-01-15');
    }
    const mismatches = result.findings.filter((f) => f.ruleId === 'roster.mismatch');
    expect(mismatches).toHaveLength(roster.expected.length);
    expect(result.roster).toEqual({ students: rows.length, matched: rows.length });
  });

  it('tells the page only that a field does not match — never the roster’s value (issue 13 §9)', async () => {
    const { pageMessage } = await import('./run');
    const result = checkPage('http://x/', [{ frameId: 0, read: asRead(page.records, page.fields) }], {
      form,
      rules,
      roster: rosterLookup(rows),
    });
    const mismatches = result.findings.filter((f) => f.ruleId === 'roster.mismatch');
    expect(mismatches.length).toBeGreaterThan(5);
    for (const f of mismatches) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = pageMessage(f, locale);
        expect(text).not.toContain('2024-01-15');
        expect(text).toMatch(locale === 'en' ? /does not match the roster/ : /与名册不符/);
      }
    }
    // Every other finding is about what the page shows: its text is kept.
    const other = result.findings.find((f) => !f.ruleId.startsWith('roster.'));
    if (other) expect(pageMessage(other, 'zh-CN')).toBe(other.message.zh);
  });

  it('matches by ID number when the student number differs, and warns when a record is not in the roster', () => {
    const rec = page.records[1]!;
    const entry = rows.find((r) => r.idNumber === rec.idNumber)!;
    const lookup = rosterLookup([{ ...entry, studentNo: 'OTHER' }]);
    const one = asRead([rec], page.fields);
    expect(checkPage('u', [{ frameId: 0, read: one }], { form, rules, roster: lookup }).findings.map((f) => f.ruleId)).toEqual([
      'roster.mismatch',
    ]);
    const missing = checkPage('u', [{ frameId: 0, read: one }], { form, rules, roster: rosterLookup([rows[5]!]) });
    expect(missing.findings.map((f) => [f.ruleId, f.severity])).toEqual([['roster.not-found', 'warning']]);
  });
});
