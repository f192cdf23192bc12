import { newWorkbook, workbookBytes, thinBorder } from '../xlsx/workbook';
import { pick, t, type Locale } from '../i18n';
import type { VerifyResult } from './types';

/**
 * The findings of one verified page as a workbook: one line per finding — row, field, value, rule, severity,
 * message, clause — in the UI language, values as text (ID and certificate numbers keep every digit).
 */
export async function findingsXlsx(result: VerifyResult, locale: Locale): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(t('verify.sheetName', undefined, locale), { views: [{ state: 'frozen', ySplit: 2 }] });
  const heads = [
    'verify.col.row',
    'verify.col.field',
    'verify.col.value',
    'verify.col.rule',
    'verify.col.severity',
    'verify.col.message',
    'verify.col.clause',
  ] as const;
  const widths = [8, 22, 24, 26, 8, 70, 28];
  ws.columns = widths.map((width) => ({ width }));
  const summary = t(
    'verify.summary',
    { records: result.records, errors: result.errors, warnings: result.warnings, clean: result.clean },
    locale,
  );
  ws.addRow([`${t('verify.col.page', undefined, locale)}: ${result.url}  ${summary}`]);
  ws.mergeCells(1, 1, 1, heads.length);
  const head = ws.addRow(heads.map((k) => t(k, undefined, locale)));
  head.font = { bold: true };
  for (const f of result.findings) {
    const row = ws.addRow([
      f.source === 'table' ? f.row + 1 : '',
      f.labels.map((l) => pick(l, locale)).join('、'),
      f.value,
      f.ruleId,
      t(f.severity === 'error' ? 'verify.severity.error' : 'verify.severity.warning', undefined, locale),
      pick(f.message, locale),
      f.clause,
    ]);
    row.getCell(3).numFmt = '@';
    row.alignment = { vertical: 'top', wrapText: true };
  }
  ws.eachRow((row, n) => {
    if (n > 1) row.eachCell((c) => (c.border = thinBorder));
  });
  return workbookBytes(wb);
}

/** File name for the export: `校验结果-2026-11-29.xlsx`. */
export function findingsFileName(locale: Locale, now = new Date()): string {
  return `${t('verify.exportFile', undefined, locale)}-${now.toISOString().slice(0, 10)}.xlsx`;
}
