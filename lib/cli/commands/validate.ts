/**
 * `guoyou validate <file> [--json] [--today YYYY-MM-DD]`: runs the rule engine over the drafts in a file.
 * JSON input is a backup (`lib/backup/format.ts`, every draft is checked, its imported reference lists are used) or a
 * bare draft `{ formId, data }`. Other file kinds plug in through `readers` (keyed by extension).
 */
import path from 'node:path';
import { SEALED_BACKUP_FORMAT } from '../../backup/sealed';
import { readBackupForCli } from '../passphrase';
import { getForm } from '../../forms/index';
import type { Bilingual, FormData } from '../../forms/types';
import { loadReferenceData, type StoredList } from '../../reference/index';
import { countFindings, validate as runRules, type Finding } from '../../rules/index';
import { isIsoDate } from '../../normalize/date';
import type { CliIO, Command } from '../main';
import { readSpreadsheetFile } from './validate-xlsx';
import { fsProblem, readInput } from '../input';
import { decodeText } from '../../normalize/decode';
import { jsonErrorPlace } from '../../db/errors';
import { bilingual } from '../../xlsx/errors';

/** One draft to validate, as read from the input file. */
export interface DraftInput {
  /** Present for drafts from a backup. */
  id?: string;
  title?: string;
  formId: string;
  data: FormData;
  /** The input's row for a finding (a spreadsheet row), or `null` when the input has no rows (JSON). */
  rowOf?: (finding: Finding) => number | null;
  /** Spreadsheet rows this draft was read from. */
  rows?: number[];
  /** The spreadsheet column a finding is about, with its header as written in the sheet. */
  columnOf?: (finding: Finding) => { column: string; header: string } | undefined;
  /** Findings the input cannot speak to (about a column the sheet does not have). */
  ignore?: (finding: Finding) => boolean;
}

export type ReadResult =
  | {
      ok: true;
      drafts: DraftInput[];
      referenceLists?: StoredList[];
      /** Problems found while reading (e.g. unmapped spreadsheet columns). */ issues?: JsonFinding[];
      /** Read from a spreadsheet: output speaks of rows and records, as the import preview does. */
      sheet?: boolean;
    }
  | { ok: false; error: Bilingual };

/** Input readers by lower-case file extension (without the dot). */
export const readers: Record<string, (file: string, io: CliIO) => Promise<ReadResult>> = {
  json: readJson,
  xlsx: readSpreadsheetFile,
  csv: readSpreadsheetFile,
};

/** One line of `--json` output. */
export interface JsonFinding {
  row: number | null;
  ruleId: string;
  severity: Finding['severity'];
  fields: string[];
  message: Bilingual;
  clause: string;
  /** What to check and where the value's parts come from. */
  fix?: Bilingual;
  /** Spreadsheet input: the column letter and its header as written. */
  column?: string;
  header?: string;
  draft?: { id: string; title: string };
}

const fieldsSchemaHint: Bilingual = {
  zh: '需要 guoyou-backup 备份文件，或 {"formId": "recommendation"|"degreeRecord", "data": {"fields": {...}, "groups": {...}}} 形式的草稿',
  en: 'expected a guoyou-backup file or a draft {"formId": "recommendation"|"degreeRecord", "data": {"fields": {...}, "groups": {...}}}',
};

function isStringRecord(v: unknown): v is Record<string, string> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

/** A bare draft: `{ formId, data: { fields, groups? } }` with string values only. */
function asBareDraft(json: unknown): DraftInput | undefined {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const { formId, data, title, id } = json as Record<string, unknown>;
  if (typeof formId !== 'string' || !data || typeof data !== 'object') return undefined;
  const { fields, groups = {} } = data as Record<string, unknown>;
  if (!isStringRecord(fields) || !groups || typeof groups !== 'object' || Array.isArray(groups)) return undefined;
  for (const rows of Object.values(groups)) if (!Array.isArray(rows) || !rows.every(isStringRecord)) return undefined;
  return {
    formId,
    data: { fields, groups: groups as FormData['groups'] },
    ...(typeof id === 'string' ? { id } : {}),
    ...(typeof title === 'string' ? { title } : {}),
  };
}

async function readJson(file: string, io: CliIO): Promise<ReadResult> {
  // UTF-8 or UTF-16 (Notepad's "Unicode"), as the extension reads it; bounded before it is read.
  const text = decodeText(await readInput(file));
  if (text === undefined) return { ok: false, error: bilingual('excel.error.csvEncoding') };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // V8's message quotes the input (raw bytes); say where instead.
    return { ok: false, error: bilingual('guard.json.invalid', { place: jsonErrorPlace(e) }) };
  }
  const format = json && typeof json === 'object' ? (json as { format?: unknown }).format : undefined;
  if (format === 'guoyou-backup' || format === SEALED_BACKUP_FORMAT) {
    const r = await readBackupForCli(json, file, io);
    if (!r.ok) return r;
    return {
      ok: true,
      drafts: r.backup.drafts.filter((d) => !d.deletedAt).map((d) => ({ id: d.id, title: d.title, formId: d.formId, data: d.data })),
      referenceLists: r.backup.referenceLists,
    };
  }
  const draft = asBareDraft(json);
  return draft ? { ok: true, drafts: [draft] } : { ok: false, error: fieldsSchemaHint };
}

const SEVERITY: Record<Finding['severity'], Bilingual> = { error: { zh: '错误', en: 'error' }, warning: { zh: '警告', en: 'warning' } };

function parseArgs(args: string[]): { file?: string; json: boolean; today?: string; bad?: string } {
  let file: string | undefined;
  let json = false;
  let today: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--today' || a.startsWith('--today=')) today = a.includes('=') ? a.slice(8) : args[++i];
    else if (a.startsWith('-')) return { json, bad: a };
    else if (file) return { json, bad: a };
    else file = a;
  }
  return { file, json, today };
}

const usageLine = 'validate <file.json> [--json] [--today YYYY-MM-DD] [--passphrase-file <file>]';

const validateCommand: Command = {
  summary: { zh: '按规则检查草稿或备份文件，输出问题清单', en: 'check a draft or backup file against the rules and list the findings' },
  usage: usageLine,
  async run(args: string[], io: CliIO): Promise<number> {
    const pick = (b: Bilingual) => (io.locale === 'en' ? b.en : b.zh);
    const { file, json, today, bad } = parseArgs(args);
    if (bad || !file || (today !== undefined && !isIsoDate(today))) {
      if (bad) io.err(pick({ zh: `无法识别的参数：${bad}`, en: `Unexpected argument: ${bad}` }));
      if (today !== undefined && !isIsoDate(today ?? ''))
        io.err(pick({ zh: '--today 需要 YYYY-MM-DD 日期', en: '--today needs a YYYY-MM-DD date' }));
      io.err(`${pick({ zh: '用法', en: 'usage' })}: guoyou ${usageLine}`);
      return 2;
    }
    const ext = path.extname(file).slice(1).toLowerCase();
    const reader = Object.hasOwn(readers, ext) ? readers[ext] : undefined;
    if (!reader) {
      io.err(
        pick({
          zh: `不支持的文件类型：.${ext || '（无扩展名）'}（支持 ${Object.keys(readers)
            .map((x) => '.' + x)
            .join('、')}）`,
          en: `Unsupported file type: .${ext || '(none)'} (supported: ${Object.keys(readers)
            .map((x) => '.' + x)
            .join(', ')})`,
        }),
      );
      return 2;
    }
    let read: ReadResult;
    try {
      read = await reader(file, io);
    } catch (e) {
      io.err(pick(fsProblem(e, file)));
      return 2;
    }
    if (!read.ok) {
      io.err(`${file}: ${pick(read.error)}`);
      return 2;
    }
    const unknown = read.drafts.filter((d) => !getForm(d.formId));
    if (unknown.length) {
      io.err(
        pick({
          zh: `未知的表单：${unknown.map((d) => d.formId).join('、')}`,
          en: `Unknown form: ${unknown.map((d) => d.formId).join(', ')}`,
        }),
      );
      return 2;
    }
    const refs = await loadReferenceData(read.referenceLists ?? []);
    // The deadline is a calendar day in China; --today pins it for reproducible runs.
    const now = today ? new Date(`${today}T12:00:00+08:00`) : new Date();
    const results = read.drafts.map((d) => ({
      draft: d,
      form: getForm(d.formId)!,
      findings: runRules(getForm(d.formId)!, d.data, refs, now).filter((f) => !d.ignore?.(f)),
    }));
    const readIssues = read.issues ?? [];
    const all = [...readIssues, ...results.flatMap((r) => r.findings)];
    const { errors, warnings } = countFindings(all);

    if (json) {
      const out: JsonFinding[] = readIssues.concat(
        results.flatMap(({ draft, findings }) =>
          findings.map((f) => ({
            row: draft.rowOf ? draft.rowOf(f) : null,
            ruleId: f.ruleId,
            severity: f.severity,
            fields: f.fields,
            message: f.message,
            clause: f.clause,
            ...(f.fix ? { fix: f.fix } : {}),
            ...draft.columnOf?.(f),
            ...(draft.id !== undefined ? { draft: { id: draft.id, title: draft.title ?? '' } } : {}),
          })),
        ),
      );
      io.out(JSON.stringify(out, null, 2));
    } else {
      for (const i of readIssues) io.out(`[${pick(SEVERITY[i.severity])}] ${i.ruleId} (${i.clause}): ${pick(i.message)}`);
      const rowWord = (row: number) => pick({ zh: `第 ${row} 行`, en: `row ${row}` });
      for (const { draft, form, findings } of results) {
        const name = read.sheet
          ? [draft.rows?.length ? rowWord(draft.rows[0]!) : '', draft.title].filter(Boolean).join(' · ')
          : draft.id !== undefined
            ? `${draft.title || draft.id} (${draft.id})`
            : path.basename(file);
        io.out(`${name} — ${pick(form.title)}`);
        if (!findings.length) io.out(`  ${pick({ zh: '未发现问题', en: 'no findings' })}`);
        for (const f of findings) {
          const row = draft.rowOf?.(f);
          const col = draft.columnOf?.(f);
          // In a sheet: row, column letter and the header as written (as the import preview shows them).
          const at = col
            ? [
                row != null ? rowWord(row) : '',
                pick({ zh: `${col.column} 列「${col.header}」`, en: `column ${col.column} "${col.header}"` }),
              ]
            : [row != null ? rowWord(row) : '', f.fields.join(', ')];
          const where = at.filter(Boolean).join(' ');
          io.out(`  [${pick(SEVERITY[f.severity])}] ${f.ruleId}${where ? ` (${where})` : ''}: ${pick(f.message)} 〔${f.clause}〕`);
          if (f.fix) io.out(`      → ${pick(f.fix)}`);
        }
      }
      const records = read.sheet && results.every((r) => !r.form.groups.length);
      io.out(
        pick(
          records
            ? {
                zh: `共 ${read.drafts.length} 条记录：${errors} 个错误，${warnings} 个警告`,
                en: `${read.drafts.length} record(s): ${errors} error(s), ${warnings} warning(s)`,
              }
            : {
                zh: `共 ${read.drafts.length} 份草稿：${errors} 个错误，${warnings} 个警告`,
                en: `${read.drafts.length} draft(s): ${errors} error(s), ${warnings} warning(s)`,
              },
        ),
      );
    }
    return errors > 0 ? 1 : 0;
  },
};

export default validateCommand;
