import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { findingsXlsx, findingsFileName } from './export';
import type { VerifyResult } from './types';

const result: VerifyResult = {
  url: 'http://yjs.example.edu.cn/xwsy/list',
  records: 300,
  errors: 1,
  warnings: 1,
  clean: 298,
  tables: [],
  unmapped: [],
  ms: 1,
  findings: [
    {
      ruleId: 'id.resident-id',
      severity: 'error',
      source: 'table',
      row: 41,
      fields: ['idNumber'],
      labels: [{ zh: '证件号码', en: 'ID number' }],
      value: '110108200108133956',
      refs: [3],
      frameId: 0,
      clause: 'GB 11643-1999',
      message: { zh: '身份证号码校验位错误', en: 'Wrong check character' },
    },
    {
      ruleId: 'degree.double-first-class',
      severity: 'warning',
      source: 'form',
      row: 0,
      fields: ['eduMasterUnit'],
      labels: [{ zh: '教育硕士学位授予单位', en: 'Unit' }],
      value: '广州大学',
      refs: [5],
      frameId: 0,
      clause: '教师厅函〔2024〕16号 §5',
      message: { zh: '不在双一流名单', en: 'Not on the list' },
    },
  ],
};

async function read(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  return {
    ws,
    rows: ws
      .getSheetValues()
      .slice(1)
      .map((r) => (Array.isArray(r) ? r.slice(1) : [])) as unknown[][],
  };
}

describe('findingsXlsx', () => {
  it('writes one row per finding with row, field, value, rule, severity, message and clause', async () => {
    const { ws, rows } = await read(await findingsXlsx(result, 'zh-CN'));
    expect(ws.name).toBe('校验结果');
    expect(String(rows[0]![0])).toContain('已校验 300 条记录');
    expect(rows[1]).toEqual(['行', '字段', '页面值', '规则', '级别', '说明', '依据']);
    expect(rows[2]).toEqual([42, '证件号码', '110108200108133956', 'id.resident-id', '错误', '身份证号码校验位错误', 'GB 11643-1999']);
    expect(rows[3]).toEqual([
      '',
      '教育硕士学位授予单位',
      '广州大学',
      'degree.double-first-class',
      '警告',
      '不在双一流名单',
      '教师厅函〔2024〕16号 §5',
    ]);
  });

  it('speaks English when the UI does', async () => {
    const { rows } = await read(await findingsXlsx(result, 'en'));
    expect(rows[1]).toEqual(['Row', 'Field', 'Value', 'Rule', 'Severity', 'Message', 'Clause']);
    expect(rows[2]![5]).toBe('Wrong check character');
    expect(findingsFileName('en', new Date('2026-11-29T10:00:00Z'))).toBe('findings-2026-11-29.xlsx');
  });
});
