import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openDb } from '../db/db';
import { parseRosterJson } from './parse';
import { parseRosterFile } from './file';
import { importRosterFile, listRosters, deleteRoster, rosterIdOf } from './store';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseRosterJson', () => {
  it.each([
    ['an array', '[{"学号":"2022001","姓名":"张三","证件号":"110108200001011234","备案标记":"已备案"}]'],
    ['{students}', '{"students":[{"学号":"2022001","姓名":"张三","证件号":"110108200001011234","备案标记":"Y"}]}'],
    ['{rows} with pinyin codes', '{"rows":[{"XH":"2022001","XM":"张三","ZJHM":"110108200001011234","BABJ":"是"}]}'],
    ['field keys', '[{"studentNo":"2022001","name":"张三","idNumber":"110108200001011234","filingMark":"1"}]'],
  ])('reads %s', (_, json) => {
    const r = parseRosterJson(json);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.roster.students).toEqual([
      {
        studentNo: '2022001',
        idNumber: '110108200001011234',
        name: '张三',
        data: { studentNo: '2022001', name: '张三', idNumber: '110108200001011234', filingMark: '是' },
      },
    ]);
  });

  it('normalises values per field (dates, full-width, yes/no)', () => {
    const r = parseRosterJson('[{"学号":"２０２２００１","学位授予日期":"2024年6月30日","是否应届毕业生":"应届"}]');
    expect(r.ok && r.roster.students[0]!.data).toEqual({ studentNo: '2022001', mainDegreeDate: '2024-06-30', freshGraduate: '是' });
  });

  it('reports columns it does not know', () => {
    const r = parseRosterJson('[{"学号":"1","宿舍号":"A-101"}]');
    expect(r.ok && r.roster.unmapped).toEqual(['宿舍号']);
  });

  it.each([
    ['malformed JSON', '{"students": [', 'JSON 格式错误'],
    ['wrong shape', '{"count": 3}', '应为学生对象的数组'],
    ['array of strings', '["a","b"]', '应为学生对象的数组'],
    ['no key column', '[{"姓名":"张三"}]', '至少需要“学号”或“证件号码”列'],
    ['a row without key', '[{"学号":"1","姓名":"甲"},{"学号":"","姓名":"乙"}]', '第 2 行既没有学号也没有证件号码'],
    ['a duplicate student', '[{"学号":"1"},{"学号":"2"},{"学号":" 1 "}]', '第 3 行与第 1 行是同一名学生'],
    ['an empty list', '[]', '至少需要'],
  ])('refuses %s with a clear Chinese message', (_, json, zh) => {
    const r = parseRosterJson(json);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.zh).toContain(zh);
      expect(r.error.en.length).toBeGreaterThan(10);
    }
  });
});

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('parseRosterFile (xlsx through lib/xlsx)', () => {
  it('finds the header under a title row and reads dates, numbers and text', async () => {
    const bytes = await xlsx([
      ['2024 届“国优计划”研究生名册'],
      ['序号', '学号', '姓名', '证件号码', '学位授予日期', '备案标记'],
      [1, 2022001, '张三', '11010820000101123X', new Date(Date.UTC(2024, 5, 30)), '是'],
      [2, '2022002', '李四', '110108200002021234', '2024/6/30', '否'],
    ]);
    const r = await parseRosterFile(bytes, '名册.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.roster.students.map((s) => [s.studentNo, s.idNumber, s.name, s.data.mainDegreeDate, s.data.filingMark])).toEqual([
      ['2022001', '11010820000101123X', '张三', '2024-06-30', '是'],
      ['2022002', '110108200002021234', '李四', '2024-06-30', '否'],
    ]);
  });

  it('names the spreadsheet row of a bad line', async () => {
    const bytes = await xlsx([
      ['学号', '姓名'],
      ['1', '甲'],
      ['', '乙'],
    ]);
    const r = await parseRosterFile(bytes, 'r.xlsx');
    expect(!r.ok && r.error.zh).toContain('第 3 行');
  });

  it.each([
    ['a text file', async () => enc('学号,姓名'), 'r.txt', '只支持'],
    ['a truncated xlsx', async () => (await xlsx([['学号'], ['1']])).slice(0, 200), 'r.xlsx', ''],
  ])('refuses %s', async (_, bytes, name, zh) => {
    const r = await parseRosterFile(await bytes(), name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.zh).toContain(zh);
  });
});

describe('roster store', () => {
  const db = openDb(`roster-test-${Math.random()}`);
  afterEach(async () => {
    await db.rosters.clear();
  });

  it('imports, replaces a roster of the same name, lists and deletes', async () => {
    expect(rosterIdOf('C:\\data\\2024名册.xlsx')).toBe('2024名册');
    const a = await importRosterFile(db, enc('[{"学号":"1"},{"学号":"2"}]'), '2024.json');
    expect(a).toMatchObject({ ok: true, rosterId: '2024', count: 2 });
    await importRosterFile(db, enc('[{"学号":"9"}]'), 'other.json');
    await importRosterFile(db, enc('[{"学号":"3"},{"学号":"4"},{"学号":"5"}]'), '2024.json');
    expect(await listRosters(db)).toEqual([
      { rosterId: '2024', count: 3 },
      { rosterId: 'other', count: 1 },
    ]);
    await deleteRoster(db, 'other');
    expect(await listRosters(db)).toEqual([{ rosterId: '2024', count: 3 }]);
  });

  it('keeps the previous roster when a new file is refused', async () => {
    await importRosterFile(db, enc('[{"学号":"1"},{"学号":"2"}]'), 'r.json');
    const bad = await importRosterFile(db, enc('[{"学号":"1"},{"学号":"1"}]'), 'r.json');
    expect(bad.ok).toBe(false);
    expect((await db.rosters.toArray()).map((r) => r.studentNo)).toEqual(['1', '2']);
  });

  it('keeps the previous roster when the write fails midway', async () => {
    await importRosterFile(db, enc('[{"学号":"1"}]'), 'r.json');
    const orig = db.rosters.bulkAdd.bind(db.rosters);
    db.rosters.bulkAdd = (() =>
      Promise.reject(new DOMException('disk full', 'QuotaExceededError'))) as unknown as typeof db.rosters.bulkAdd;
    try {
      const r = await importRosterFile(db, enc('[{"学号":"7"},{"学号":"8"}]'), 'r.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.zh).toContain('原有名册未改变');
    } finally {
      db.rosters.bulkAdd = orig;
    }
    expect((await db.rosters.toArray()).map((r) => r.studentNo)).toEqual(['1']);
  });
});
