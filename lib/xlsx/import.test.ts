/** Importing other people's spreadsheets: header recognition, value conversion, the report, all-or-nothing. */
import { beforeAll, describe, expect, it } from 'vitest';
import { forms } from '../forms';
import { degreeRecord, recommendationDraft } from '../../test/fixtures/xlsx/samples';
import { formChecker } from './checker';
import { exportFormXlsx, importSpreadsheet, selectImport, type Checker, type SheetImport } from '.';
import { newWorkbook, workbookBytes } from './workbook';

let check: Checker;
beforeAll(async () => {
  check = await formChecker([], new Date(Date.UTC(2024, 7, 1)));
});

const codes = [
  'XM',
  'XB',
  'ZJLX',
  'ZJHM',
  'XH',
  'CSRQ',
  'LQFS',
  'XJSZGX',
  'XKML',
  'YJXK',
  'XWLX',
  'XWCC',
  'XWSYRQ',
  'XWZSBH',
  'XWSYDW',
  'XWSYDWDM',
  'BYRQ',
  'BYZSBH',
  'SFYJ',
  'BABJ',
  'LHPYDW',
];
const keys = [
  'name',
  'gender',
  'idType',
  'idNumber',
  'studentNo',
  'birthDate',
  'admissionMode',
  'homeUniversity',
  'mainDegreeCategory',
  'mainDegreeDiscipline',
  'mainDegreeType',
  'mainDegreeLevel',
  'mainDegreeDate',
  'mainDegreeCertNo',
  'mainDegreeUnit',
  'mainDegreeUnitCode',
  'graduationDate',
  'graduationCertNo',
  'freshGraduate',
  'filingMark',
  'jointUniversity',
];

/** A registrar's sheet as national templates have it: a title line, pinyin-code headers, values typed by hand. */
async function registrarSheet(mutate: (rows: Array<Array<unknown>>) => void = () => {}, extraHeader?: string): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('学位信息');
  ws.addRow(['2024年国优计划学位授予信息']);
  ws.addRow([...codes, ...(extraHeader ? [extraHeader] : [])]);
  const rows = [1, 2, 3].map((i) => {
    const r = degreeRecord(i).fields;
    return keys.map((k) => r[k]) as unknown[];
  });
  mutate(rows);
  for (const r of rows) ws.addRow(r);
  return workbookBytes(wb);
}

async function imported(bytes: Uint8Array, name = 'x.xlsx'): Promise<SheetImport> {
  const r = await importSpreadsheet(bytes, name, { check });
  if (!r.ok) throw new Error(r.error.en);
  return r.report;
}

describe('degree records from a registrar sheet', () => {
  it('recognises the form from pinyin codes under a title row; rows are spreadsheet row numbers', async () => {
    const report = await imported(await registrarSheet());
    expect(report.formId).toBe('degreeRecord');
    expect(report.headerRow).toBe(2);
    expect(report.drafts.map((d) => d.rows[0])).toEqual([3, 4, 5]);
    expect(report.drafts[0]!.data.fields.idNumber).toBe(degreeRecord(1).fields.idNumber);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('normalises dates, options and yes/no typed in other spellings, keeps names as written', async () => {
    const report = await imported(
      await registrarSheet((rows) => {
        rows[0]![keys.indexOf('mainDegreeDate')] = '2024/6/30';
        rows[0]![keys.indexOf('graduationDate')] = '2024年6月30日';
        rows[0]![keys.indexOf('gender')] = '男性';
        rows[0]![keys.indexOf('filingMark')] = 'Y';
        rows[0]![keys.indexOf('mainDegreeCategory')] = '07';
        rows[0]![keys.indexOf('name')] = '王小明（Ｗａｎｇ）';
        rows[0]![keys.indexOf('birthDate')] = new Date(Date.UTC(1999, 1, 2));
      }),
    );
    const f = report.drafts[0]!.data.fields;
    expect(f.mainDegreeDate).toBe('2024-06-30');
    expect(f.graduationDate).toBe('2024-06-30');
    expect(f.gender).toBe('男');
    expect(f.filingMark).toBe('是');
    expect(f.mainDegreeCategory).toBe('理学');
    expect(f.name).toBe('王小明（Ｗａｎｇ）');
    expect(f.birthDate).toBe('1999-02-02');
  });

  it('reports every bad row with row, column, header, value and message; all-or-nothing by default', async () => {
    const report = await imported(
      await registrarSheet((rows) => {
        rows[1]![keys.indexOf('mainDegreeCertNo')] = '1000332023000002'; // year 2023 ≠ degree date 2024
        rows[2]![keys.indexOf('mainDegreeCategory')] = '文学';
      }),
    );
    const errors = report.issues.filter((i) => i.severity === 'error');
    const cert = errors.find((i) => i.ruleId === 'cert.degree-number');
    expect(cert).toMatchObject({ row: 4, column: 'N', header: 'XWZSBH', value: '1000332023000002', blocking: true });
    expect(cert!.message.zh.length).toBeGreaterThan(4);
    const field = errors.find((i) => i.ruleId === 'degree.main-field');
    expect(field).toMatchObject({ row: 5, column: 'I', header: 'XKML', value: '文学' });

    const all = selectImport(report, 'all');
    expect(all.ok).toBe(false);
    if (!all.ok) expect(all.error.zh).toMatch(/有 2 行存在错误，未导入任何数据/);
    const clean = selectImport(report, 'clean');
    expect(clean.ok && clean.selection.drafts.map((d) => d.data.fields.name)).toEqual([degreeRecord(1).fields.name]);
    expect(clean.ok && clean.selection.skippedRows).toEqual([4, 5]);
  });

  it('an ID number stored as a number lost its last digits: an error, not a silent 1.1E+17', async () => {
    const report = await imported(await registrarSheet((rows) => (rows[0]![keys.indexOf('idNumber')] = 110108199902023011)));
    const issue = report.issues.find((i) => i.ruleId === 'xlsx.number-precision');
    expect(issue).toMatchObject({ row: 3, column: 'D', severity: 'error', blocking: true });
    expect(report.drafts[0]!.data.fields.idNumber).not.toMatch(/E/);
  });

  it('reports unmapped columns instead of ignoring them', async () => {
    const report = await imported(await registrarSheet(() => {}, '辅导员'));
    expect(report.unmapped.map((c) => c.header)).toEqual(['辅导员']);
    expect(report.issues.find((i) => i.ruleId === 'xlsx.unmapped-column')).toMatchObject({
      row: 2,
      column: 'V',
      severity: 'warning',
      blocking: false,
    });
  });

  it('a column the sheet lacks is reported once, not as a required field on every row; the rest is still checked', async () => {
    const drop = (i: number) => (rows: unknown[][]) => rows.forEach((r) => r.splice(i, 1));
    const wb = newWorkbook();
    const ws = wb.addWorksheet('学位信息');
    const gender = keys.indexOf('gender');
    ws.addRow(codes.filter((_, i) => i !== gender));
    const rows = [1, 2, 3].map((i) => keys.map((k) => degreeRecord(i).fields[k]) as unknown[]);
    drop(gender)(rows);
    rows[1]![keys.indexOf('idNumber') - 1] = '11010519491231002Y';
    for (const r of rows) ws.addRow(r);
    const report = await imported(await workbookBytes(wb));
    const missing = report.issues.filter((i) => i.ruleId === 'xlsx.missing-column');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ row: 1, severity: 'error', blocking: false, fields: ['gender'] });
    expect(missing[0]!.message.zh).toContain('表中缺少列「性别」');
    expect(report.issues.filter((i) => i.fields.includes('gender') && i.ruleId !== 'xlsx.missing-column')).toEqual([]);
    // What is there is judged: the bad ID number of the second record blocks its row.
    expect(report.issues.some((i) => i.row === 3 && i.fields.includes('idNumber') && i.blocking)).toBe(true);
    expect(report.drafts[0]!.badRows).toEqual([]);
  });

  it('never evaluates formulas: the cached result is used and flagged; no result reads as empty', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['姓名', '学号', '备注']);
    ws.addRow([{ formula: 'CONCAT("王","五")', result: '王五' }, { formula: 'A1&"1"', result: undefined }, 'x']);
    const report = await imported(await workbookBytes(wb));
    expect(report.drafts[0]!.data.fields.name).toBe('王五');
    expect(report.drafts[0]!.data.fields.studentNo).toBe('');
    expect(report.issues.filter((i) => i.ruleId === 'xlsx.formula').map((i) => i.column)).toEqual(['A', 'B']);
  });
});

describe('recommendation workbooks back into a draft', () => {
  it('our export: finds the header block, the table and the signature date', async () => {
    const draft = recommendationDraft(5);
    const report = await imported(await exportFormXlsx(forms.recommendation, [draft]));
    expect(report.drafts[0]!.data.fields).toEqual(draft.fields);
    expect(report.drafts[0]!.rows).toEqual([6, 7, 8, 9, 10]);
  });

  it('last year\'s file: other header spellings, a header block written "label：value", a notes line under the table', async () => {
    const wb = newWorkbook();
    wb.addWorksheet('填表说明').addRow(['说明：每省不少于5所']);
    const ws = wb.addWorksheet('推荐表');
    ws.addRow(['附件2']);
    ws.addRow(['“国优计划”教育实践学校推荐表（2023年）']);
    ws.addRow(['推荐单位（盖章）：北京市教育委员会', '', '', '填报人：李四', '', '联系方式：13900001111']);
    ws.addRow([
      '序号',
      '学校全称',
      '学校类型',
      '所在市（州）',
      '所在县（区）',
      '办学性质',
      '*统一社会信用代码',
      '校长',
      '联系人',
      '联系电话',
      '邮箱',
      '通讯地址',
      '科学类课程专任教师数（人）',
      '可接收"国优计划"研究生实践人数',
      '可提供实践导师人数',
      '推荐理由（500字以内）',
      '备注',
    ]);
    const s = recommendationDraft(5).groups.schools!;
    s.forEach((r, i) =>
      ws.addRow([
        i + 1,
        r.schoolName,
        r.schoolStage,
        r.city,
        r.county,
        r.schoolNature === '公办' ? '公立' : r.schoolNature,
        r.creditCode,
        r.principal,
        r.contactName,
        r.contactPhone,
        r.contactEmail,
        r.address,
        Number(r.scienceTeachers),
        Number(r.traineeCapacity),
        Number(r.mentorCount),
        r.reason,
        r.remarks,
      ]),
    );
    ws.addRow(['填表说明：学段填写小学、初中、高中等。']);
    const report = await imported(await workbookBytes(wb));
    expect(report.formId).toBe('recommendation');
    expect(report.sheet).toBe('推荐表');
    const data = report.drafts[0]!.data;
    expect(data.fields).toMatchObject({ recommendingUnit: '北京市教育委员会', filler: '李四', contactPhone: '13900001111' });
    expect(data.groups.schools).toEqual(s);
    expect(report.unmapped).toEqual([]);
  });

  it('a bad school row is reported at its row; the header block and whole-form findings block nothing', async () => {
    const draft = recommendationDraft(5);
    draft.groups.schools![2]!.creditCode = '12110108MB0000000X';
    draft.fields.contactPhone = '123';
    const report = await imported(await exportFormXlsx(forms.recommendation, [draft]));
    const credit = report.issues.find((i) => i.ruleId === 'school.credit-code');
    expect(credit).toMatchObject({ row: 8, column: 'G', value: '12110108MB0000000X', blocking: true });
    const phone = report.issues.find((i) => i.ruleId === 'contact.phone' && i.fields[0] === 'contactPhone');
    expect(phone).toMatchObject({ row: 2, column: 'K', header: '联系电话', blocking: false, value: '123' });
    expect(selectImport(report, 'all').ok).toBe(false);
    const clean = selectImport(report, 'clean');
    expect(clean.ok && clean.selection.drafts[0]!.data.groups.schools!.filter((r) => r.schoolName)).toHaveLength(4);
  });
});

describe('a long import shows progress and can be cancelled', () => {
  /** 120 rows, each checked in ~2 ms: long enough that the import must yield to the page several times. */
  async function slowImport(opts: { onProgress?: Parameters<typeof importSpreadsheet>[2]['onProgress']; signal?: AbortSignal }) {
    const bytes = await registrarSheet((rows) => {
      const first = rows[0]!;
      rows.length = 0;
      for (let i = 0; i < 120; i++) rows.push(first.map((v, j) => (j === keys.indexOf('studentNo') ? `S${i}` : v)));
    });
    const slow: Checker = (form, data) => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      return check(form, data);
    };
    return importSpreadsheet(bytes, 'x.xlsx', { check: slow, ...opts });
  }

  it('reports reading, then rows checked out of the total, in order', async () => {
    const seen: Array<{ stage: string; done?: number; total?: number }> = [];
    const r = await slowImport({ onProgress: (p) => seen.push(p) });
    expect(r.ok).toBe(true);
    expect(seen[0]).toEqual({ stage: 'read' });
    const checks = seen.filter((p) => p.stage === 'check');
    expect(checks.length).toBeGreaterThanOrEqual(2);
    expect(checks.every((p) => p.total === 120)).toBe(true);
    const done = checks.map((p) => p.done!);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBeLessThan(120);
  });

  it('cancelling stops between rows with a message, not a partial report', async () => {
    const ctl = new AbortController();
    let checked = 0;
    const r = await slowImport({
      signal: ctl.signal,
      onProgress: (p) => {
        if (p.stage === 'check') {
          checked = p.done;
          ctl.abort();
        }
      },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.zh).toBe('已取消导入，没有写入任何内容。');
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThan(120);
  });
});
