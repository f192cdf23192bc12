import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run, tempFiles } from './testing';
import { validDegreeRecord, validRecommendation, withFields } from '../rules/testing';
import { forms } from '../forms';
import { degreeRecord } from '../../test/fixtures/xlsx/samples';

const { dir, file } = tempFiles('guoyou-cli-');

function backup(drafts: Array<{ id: string; title: string; formId: string; data: unknown }>, extra: Record<string, unknown> = {}) {
  return {
    format: 'guoyou-backup',
    version: 1,
    exportedAt: '2024-08-01T10:00:00+08:00',
    app: { name: 'guoyou-form-assistant', version: '0.1.0' },
    drafts: drafts.map((d) => ({ ...d, formVersion: 1, rev: 3, createdAt: 1, updatedAt: 2, archived: 0, deletedAt: 0 })),
    ...extra,
  };
}

const today = ['--today', '2024-08-01'];

describe('guoyou validate', () => {
  it('exits 0 and says so for a valid bare draft', async () => {
    const f = file('ok.json', { formId: 'recommendation', data: validRecommendation() });
    const r = await run('validate', f, ...today);
    expect(r.code).toBe(0);
    expect(r.out).toContain('未发现问题');
    expect(r.out).toContain('0 个错误，0 个警告');
  });

  it('exits 1 and lists findings in Chinese for a draft with errors', async () => {
    const f = file('bad.json', { formId: 'degreeRecord', data: withFields(validDegreeRecord(), { filingMark: '否' }) });
    const r = await run('validate', f, ...today);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\[错误\] degree\.filing-mark \(filingMark\): 尚未在师范生管理信息系统中做/);
    expect(r.out).toContain('〔教师厅函〔2024〕16号 §5〕');
  });

  it('exits 0 when there are only warnings', async () => {
    const f = file('warn.json', { formId: 'recommendation', data: validRecommendation() });
    const r = await run('validate', f, '--today', '2024-09-01');
    expect(r.code).toBe(0);
    expect(r.out).toContain('[警告] form.deadline');
  });

  it('prints --json as an array of { row, ruleId, severity, fields, message }', async () => {
    const f = file('bad2.json', {
      formId: 'degreeRecord',
      data: withFields(validDegreeRecord(), { filingMark: '否', birthDate: '2000-05-13' }),
    });
    const r = await run('validate', f, '--json', ...today);
    expect(r.code).toBe(1);
    const arr = JSON.parse(r.out);
    expect(arr).toEqual([
      expect.objectContaining({ row: null, ruleId: 'id.resident-id', severity: 'error', fields: ['idNumber', 'birthDate'] }),
      expect.objectContaining({
        row: null,
        ruleId: 'degree.filing-mark',
        severity: 'error',
        fields: ['filingMark'],
        message: expect.objectContaining({ zh: expect.any(String), en: expect.any(String) }),
      }),
    ]);
    expect(arr[0]).not.toHaveProperty('draft');
  });

  it('validates every live draft of a backup, naming each draft', async () => {
    const f = file(
      'backup.json',
      backup([
        { id: 'd1', title: '河北省推荐表', formId: 'recommendation', data: validRecommendation() },
        { id: 'd2', title: '张晓', formId: 'degreeRecord', data: withFields(validDegreeRecord(), { mainDegreeCategory: '文学' }) },
      ]),
    );
    const text = await run('validate', f, ...today);
    expect(text.code).toBe(1);
    expect(text.out).toContain('河北省推荐表 (d1)');
    expect(text.out).toContain('张晓 (d2)');
    expect(text.out).toContain('共 2 份草稿：1 个错误');
    const json = JSON.parse((await run('validate', f, '--json', ...today)).out);
    expect(json).toEqual([expect.objectContaining({ ruleId: 'degree.main-field', draft: { id: 'd2', title: '张晓' } })]);
  });

  it('uses reference lists imported into the backup', async () => {
    const d = withFields(validDegreeRecord(), {
      eduMasterUnit: '河北师范大学',
      eduMasterUnitCode: '10094',
      eduMasterCertNo: '1009432025000456',
    });
    const lists = [{ id: 'doubleFirstClass', version: 'test', source: 'test list', importedAt: 1, items: [{ name: '河北师范大学' }] }];
    const withList = JSON.parse(
      (
        await run(
          'validate',
          file('b2.json', backup([{ id: 'x', title: 't', formId: 'degreeRecord', data: d }], { referenceLists: lists })),
          '--json',
          ...today,
        )
      ).out,
    );
    const without = JSON.parse(
      (await run('validate', file('b3.json', backup([{ id: 'x', title: 't', formId: 'degreeRecord', data: d }])), '--json', ...today)).out,
    );
    expect(without.map((f: { ruleId: string }) => f.ruleId)).toEqual(['degree.double-first-class']);
    expect(withList).toEqual([]);
  });

  it('speaks English with --lang en', async () => {
    const f = file('en.json', { formId: 'degreeRecord', data: withFields(validDegreeRecord(), { filingMark: '否' }) });
    const r = await run('validate', f, '--lang', 'en', ...today);
    expect(r.out).toContain('[error] degree.filing-mark');
    expect(r.out).toContain('1 error(s), 0 warning(s)');
  });

  it.each([
    ['no file', [], '用法'],
    ['a missing file', [path.join(dir, 'nope.json')], '找不到文件'],
    ['not JSON', [file('x.json', '{oops')], '不是有效的 JSON'],
    ['a JSON of the wrong shape', [file('y.json', { hello: 1 })], 'guoyou-backup'],
    ['a draft with non-string values', [file('z.json', { formId: 'degreeRecord', data: { fields: { name: 1 } } })], 'guoyou-backup'],
    ['a broken backup', [file('bb.json', { format: 'guoyou-backup', version: 1, drafts: 'no' })], 'bb.json: '],
    ['an unknown form', [file('u.json', { formId: 'nope', data: { fields: {} } })], '未知的表单'],
    ['an unsupported extension', [file('a.txt', 'x')], '不支持的文件类型'],
    ['an unknown option', [file('o.json', { formId: 'degreeRecord', data: { fields: {} } }), '--fast'], '无法识别的参数'],
    ['a bad --today', [file('t.json', { formId: 'degreeRecord', data: { fields: {} } }), '--today', '2024/8/1'], 'YYYY-MM-DD'],
  ])('exits 2 with a clear message for %s', async (_what, args, text) => {
    const r = await run('validate', ...args);
    expect(r.code).toBe(2);
    expect(r.err.length).toBeGreaterThan(0);
    expect(r.err).toContain(text);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.out).toBe('');
  });
});

describe('guoyou main', () => {
  it('prints usage and exits 2 without a command', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err).toContain('validate <file.json>');
  });

  it('exits 2 on an unknown command', async () => {
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('prints help and exits 0 with --help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('validate');
  });
});

describe('guoyou validate on a spreadsheet', () => {
  /** A registrar's CSV of three degree records without a 性别 column; the second record's ID number is mistyped. */
  function sheetWithoutGender(): string {
    const fields = forms.degreeRecord.fields.filter((f) => f.key !== 'gender' && !f.derivedFrom);
    const records = [1, 2, 3].map((i) => degreeRecord(i).fields);
    records[1]!.idNumber = records[1]!.idNumber!.slice(0, 17) + (records[1]!.idNumber!.endsWith('1') ? '2' : '1');
    const lines = [fields.map((f) => f.label.zh), ...records.map((r) => fields.map((f) => r[f.key] ?? ''))];
    return file('学位信息.csv', lines.map((l) => l.join(',')).join('\n'));
  }

  it('reports the missing column once, names row, column letter and header, and counts records', async () => {
    const r = await run('validate', sheetWithoutGender(), ...today);
    expect(r.code).toBe(1);
    expect(r.out.match(/表中缺少列「性别」/g)).toHaveLength(1);
    expect(r.out).not.toMatch(/field\.required.*性别|\(gender\)/);
    expect(r.out).toMatch(/第 3 行 [A-Z]+ 列「身份证件号码」|第 3 行 [A-Z]+ 列「证件号码」/);
    expect(r.out).toMatch(/^第 2 行 · .+\n {2}未发现问题$/m);
    expect(r.out).toContain('共 3 条记录：');
    expect(r.out).not.toContain('草稿');
  });

  it('--json gives the column, its header and the fix line', async () => {
    const arr = JSON.parse((await run('validate', sheetWithoutGender(), '--json', ...today)).out) as Array<Record<string, unknown>>;
    const id = arr.find((x) => (x.fields as string[]).includes('idNumber') && x.severity === 'error');
    expect(id).toMatchObject({ row: 3, column: expect.stringMatching(/^[A-Z]+$/), header: expect.any(String) });
    expect(id!.fix).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expect(arr.filter((x) => x.ruleId === 'xlsx.missing-column')).toHaveLength(1);
  });
});
