/**
 * What the print view shows, from the form definition's `layout` (title, header fields, signature block) and a
 * draft — pure, so the layout is tested without a browser. The printed form is the official paper: always in
 * Chinese, whatever the UI language, with values exactly as stored.
 */
import { isBlankRow } from '../../lib/forms';
import type { FormData, FormDefinition } from '../../lib/forms/types';
import { t } from '../../lib/i18n';

export interface PrintTable {
  key: string;
  caption: string;
  /** Column headers, the first being 序号. */
  columns: string[];
  /** Field keys behind the columns after 序号 (for data attributes and widths). */
  keys: string[];
  rows: string[][];
}

export interface PrintModel {
  title: string;
  source: string;
  /** Label/value pairs printed above the tables (the form's header block). */
  header: Array<{ key: string; label: string; value: string }>;
  /** A record without groups (the degree record) is printed as a label/value grid instead of a table. */
  grid: Array<{ key: string; label: string; value: string }>;
  tables: PrintTable[];
  signature: string;
  /** The attachment mark printed above the title, as the notice names the form (`附件2`); empty when it names none. */
  annex: string;
  /** The date under the seal: the header's date field as 2024年8月1日, as the Excel sheet prints it; blank to fill by hand. */
  sealDate: string;
}

/** The notice's attachment number of each form it attaches (docs/notice-2024-16.txt: "推荐表见附件2"). */
const ANNEX: Record<string, string> = { recommendation: '附件2' };

/** `2024-08-01` → `2024年8月1日` (the Excel sheet's `yyyy"年"m"月"d"日"`); anything else is left blank. */
function chineseDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : t('toolkit.print.date', undefined, 'zh-CN');
}

/** Whether a form has a paper layout to print. */
export function canPrint(form: FormDefinition): boolean {
  return form.layout !== undefined;
}

export function printModel(form: FormDefinition, data: FormData): PrintModel {
  const layout = form.layout;
  const headerKeys = layout?.headerFields ?? [];
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  const pair = (key: string) => ({ key, label: byKey.get(key)?.label.zh ?? key, value: data.fields[key] ?? '' });
  const header = headerKeys.filter((k) => byKey.has(k)).map(pair);
  const grid = form.groups.length === 0 ? form.fields.filter((f) => !headerKeys.includes(f.key)).map((f) => pair(f.key)) : [];
  const tables = form.groups.map((g) => {
    const rows = (data.groups[g.key] ?? []).filter((r) => !isBlankRow(r));
    return {
      key: g.key,
      caption: g.label.zh,
      columns: ['序号', ...g.fields.map((f) => f.label.zh)],
      keys: g.fields.map((f) => f.key),
      rows: rows.map((r, i) => [String(i + 1), ...g.fields.map((f) => r[f.key] ?? '')]),
    };
  });
  // The same field as the Excel sheet's date block (lib/xlsx/layout.ts): the header block's date field.
  const dateKey = form.fields.find((f) => f.type === 'date' && headerKeys.includes(f.key))?.key;
  return {
    title: layout?.sheetTitle.zh ?? form.title.zh,
    source: form.source.zh,
    header,
    grid,
    tables,
    signature: layout?.signature.zh ?? '',
    annex: ANNEX[form.id] ?? '',
    sealDate: chineseDate(dateKey ? data.fields[dateKey] : undefined),
  };
}
