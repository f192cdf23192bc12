/** `guoyou export` and `guoyou validate <file.xlsx|file.csv>`: the CLI on the same Excel code as the extension. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { forms } from '../../forms';
import { degreeRecord, degreeRecords, recommendationDraft } from '../../../test/fixtures/xlsx/samples';
import { exportFormXlsx, importSpreadsheet } from '../../xlsx';
import { loadWorkbook, newWorkbook, workbookBytes } from '../../xlsx/workbook';
import { runCli as run, tempFiles } from '../testing';
import { sealBackupJson, sealBackupZip } from '../../backup/sealed';
import { parseBackup } from '../../backup/backup';
import { buildBackupZip } from '../../xlsx';
import type { JsonFinding } from './validate';

const { dir, file } = tempFiles('guoyou-cli-xlsx-');

const backup = {
  format: 'guoyou-backup',
  version: 1,
  exportedAt: '2024-08-01T10:00:00+08:00',
  app: { name: 'guoyou-form-assistant', version: '0.1.0' },
  drafts: [
    { id: 'rec-000001-aaaa', title: '北京市推荐表', formId: 'recommendation', data: recommendationDraft(6), deletedAt: 0 },
    { id: 'deg-000002-bbbb', title: '王小明/学位', formId: 'degreeRecord', data: degreeRecord(1), deletedAt: 0 },
    { id: 'gone-000003', title: '已删除', formId: 'degreeRecord', data: degreeRecord(2), deletedAt: 5 },
  ].map((d) => ({ ...d, formVersion: 1, rev: 1, createdAt: 1, updatedAt: 2, archived: 0 as const })),
};

describe('guoyou export', () => {
  it('writes one workbook per live draft, each reading back as its draft', async () => {
    const out = path.join(dir, 'out');
    const r = await run('export', file('backup.json', JSON.stringify(backup)), '--out', out, '--today', '2024-08-01');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['北京市推荐表-rec-0000.xlsx', '王小明_学位-deg-0000.xlsx']);
    expect(r.out).toContain('已导出 2 个 Excel 文件');
    const back = await importSpreadsheet(new Uint8Array(readFileSync(path.join(out, '北京市推荐表-rec-0000.xlsx'))), 'x.xlsx', {
      check: () => [],
    });
    expect(back.ok && back.report.drafts[0]!.data).toEqual(recommendationDraft(6));
  });

  it('a draft with errors is listed and not written, exit 1; --force writes it with a comment on each error cell', async () => {
    const bad = structuredClone(backup);
    bad.drafts[0]!.data.fields.contactPhone = 'abc';
    const input = file('bad.json', JSON.stringify(bad));
    const out = path.join(dir, 'gated');
    const r = await run('export', input, '--out', out, '--today', '2024-08-01');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/北京市推荐表: 本草稿有 [1-9]\d* 个错误、\d+ 个警告/);
    expect(r.err).toContain('contactPhone');
    expect(readdirSync(out)).toEqual(['王小明_学位-deg-0000.xlsx']);

    const forced = await run('export', input, '--out', out, '--today', '2024-08-01', '--force');
    expect(forced.code).toBe(0);
    const { wb } = await loadWorkbook(new Uint8Array(readFileSync(path.join(out, '北京市推荐表-rec-0000.xlsx'))));
    const notes: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => c.note && notes.push(c.value)));
    expect(notes).toContain('abc');
  });

  it.each([
    [['export'], /用法/],
    [['export', 'missing.json', '--out', dir], /找不到文件/],
    [['export', '--bogus'], /无法识别的参数/],
  ])('%j → usage error 2', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('refuses a file that is not a backup, writing nothing', async () => {
    const out = path.join(dir, 'nothing');
    const r = await run('export', file('notes.json', '{"hello": 1}'), '--out', out, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.length).toBeGreaterThan(10);
    expect(() => readdirSync(out)).toThrow();
  });
});

describe('guoyou export/validate of a passphrase-protected backup', () => {
  it('reads it with --passphrase-file; a wrong or missing passphrase is a clear refusal that writes nothing', async () => {
    const sealed = file('sealed.json', await sealBackupJson(JSON.stringify(backup), '口令 secret', 1_000));
    const out = path.join(dir, 'sealed-out');

    const missing = await run('export', sealed, '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--passphrase-file');
    const wrong = await run('export', sealed, '--out', out, '--passphrase-file', file('wrong.txt', 'nope\n'));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('口令不对');
    expect(() => readdirSync(out)).toThrow();

    const right = await run(
      'export',
      sealed,
      '--out',
      out,
      '--today',
      '2024-08-01',
      '--passphrase-file',
      file('pass.txt', '口令 secret\r\n'),
    );
    expect(right.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['北京市推荐表-rec-0000.xlsx', '王小明_学位-deg-0000.xlsx']);

    const checked = await run('validate', sealed, '--json', '--today', '2024-08-01', `--passphrase-file=${path.join(dir, 'pass.txt')}`);
    expect(checked.code).toBe(0);
  });
});

describe('guoyou export of a protected backup zip (.gyenc)', () => {
  it('opens it with --passphrase-file, refusing a wrong passphrase with nothing written', async () => {
    const parsed = parseBackup(backup);
    if (!parsed.ok) throw new Error(parsed.error.en);
    const sealed = file('backup.gyenc', await sealBackupZip(await buildBackupZip(parsed.backup), '口令 secret', 1_000));
    const out = path.join(dir, 'gyenc-out');
    const wrong = await run('export', sealed, '--out', out, '--passphrase-file', file('wrong2.txt', 'nope\n'));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('口令不对');
    expect(() => readdirSync(out)).toThrow();
    const right = await run(
      'export',
      sealed,
      '--out',
      out,
      '--today',
      '2024-08-01',
      '--passphrase-file',
      file('pass2.txt', '口令 secret\n'),
    );
    expect(right.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['北京市推荐表-rec-0000.xlsx', '王小明_学位-deg-0000.xlsx']);
  });
});

describe('guoyou validate <file.xlsx|file.csv>', () => {
  let clean: string;
  beforeAll(async () => {
    clean = file('records.xlsx', await exportFormXlsx(forms.degreeRecord, degreeRecords(3)));
  });

  it('a clean degree-record workbook: exit 0', async () => {
    const r = await run('validate', clean, '--today', '2024-08-01');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('--json: one object per finding with the spreadsheet row; whole-form findings have row null; unmapped columns reported', async () => {
    const draft = recommendationDraft(4);
    draft.groups.schools![1]!.schoolStage = '大学';
    const bytes = await exportFormXlsx(forms.recommendation, [draft]);
    const f = file('rec.xlsx', bytes);
    const r = await run('validate', f, '--json', '--today', '2024-08-01');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out) as JsonFinding[];
    expect(findings.find((x) => x.ruleId === 'school.min-count')).toMatchObject({ row: null, severity: 'error' });
    const stage = findings.find((x) => x.fields.includes('schools[1].schoolStage'));
    expect(stage?.row).toBe(7);
    for (const x of findings) expect(Object.keys(x)).toEqual(expect.arrayContaining(['row', 'ruleId', 'severity', 'fields', 'message']));
  });

  it('reports an unmapped column of a CSV (text output)', async () => {
    const rec = degreeRecord(1).fields;
    const csv = `姓名,证件号码,学号,辅导员\n${rec.name},${rec.idNumber},${rec.studentNo},李老师\n`;
    const r = await run('validate', file('list.csv', csv), '--today', '2024-08-01');
    expect(r.out).toMatch(/xlsx\.unmapped-column.*未识别的列「辅导员」/);
    expect(r.code).toBe(1);
  });

  it('a broken workbook: a clear message and exit 2', async () => {
    const r = await run('validate', file('broken.xlsx', (await workbookBytes(newWorkbook())).subarray(0, 100)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不完整或已损坏/);
  });
});
