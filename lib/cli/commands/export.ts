/**
 * `guoyou export <backup.json|backup.zip|backup.gyenc> --out <dir>`: one workbook per draft in the official layout, the
 * same code the extension uses. Deleted drafts are left out; file names are the draft title plus the start of its id.
 * A passphrase-protected backup (a .json, or a backup zip sealed as .gyenc) is opened with `--passphrase-file <file>`
 * or a prompt in the terminal.
 *
 * Like the extension, it checks before anything leaves: a draft with errors is listed ("本草稿有 N 个错误、M 个警告")
 * and not written, and the command exits 1 — unless `--force`, which writes it with each error as a cell comment.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getForm } from '../../forms';
import type { Bilingual } from '../../forms/types';
import { draftFileName, exportFormXlsx, readBackupFile } from '../../xlsx';
import { errorNotes } from '../../xlsx/notes';
import { loadReferenceData } from '../../reference/index';
import { countFindings, validate } from '../../rules/index';
import { sortFindings } from '../../ui/field-path';
import { isIsoDate } from '../../normalize/date';
import { fsProblem, readInput } from '../input';
import { readBackupForCli } from '../passphrase';
import { attempt } from '../../xlsx/errors';
import type { CliIO, Command } from '../main';

const usageLine =
  'export <backup.json|backup.zip|backup.gyenc> --out <dir> [--codes] [--force] [--today YYYY-MM-DD] [--passphrase-file <file>]';

interface ExportArgs {
  file?: string;
  out?: string;
  codes: boolean;
  force: boolean;
  today?: string;
  bad?: string;
}

function parseArgs(args: string[]): ExportArgs {
  const r: ExportArgs = { codes: false, force: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out' || a === '-o') r.out = args[++i];
    else if (a.startsWith('--out=')) r.out = a.slice(6);
    else if (a === '--codes') r.codes = true;
    else if (a === '--force') r.force = true;
    else if (a === '--today') r.today = args[++i];
    else if (a.startsWith('--today=')) r.today = a.slice(8);
    else if (a.startsWith('-') || r.file) return { ...r, bad: a };
    else r.file = a;
  }
  if (r.today !== undefined && !isIsoDate(r.today)) return { ...r, bad: `--today ${r.today}` };
  return r;
}

const exportCommand: Command = {
  summary: {
    zh: '把备份中的每份草稿导出为默认版式的 Excel 文件（有错误的草稿需加 --force）',
    en: 'export every draft of a backup as an Excel file in the default layout (drafts with errors need --force)',
  },
  usage: usageLine,
  async run(args: string[], io: CliIO): Promise<number> {
    const pick = (b: Bilingual) => (io.locale === 'en' ? b.en : b.zh);
    const { file, out, codes, force, today, bad } = parseArgs(args);
    if (bad || !file || !out) {
      if (bad) io.err(pick({ zh: `无法识别的参数：${bad}`, en: `Unexpected argument: ${bad}` }));
      io.err(`${pick({ zh: '用法', en: 'usage' })}: guoyou ${usageLine}`);
      return 2;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readInput(file);
    } catch (e) {
      io.err(pick(fsProblem(e, file)));
      return 2;
    }
    const text = await attempt(() => ({ json: readBackupFile(bytes) }));
    if (!text.ok) {
      io.err(`${file}: ${pick(text.error)}`);
      return 2;
    }
    const parsed = await readBackupForCli(text.json, file, io);
    if (!parsed.ok) {
      io.err(`${file}: ${pick(parsed.error)}`);
      return 2;
    }
    try {
      await mkdir(out, { recursive: true });
    } catch (e) {
      io.err(pick(fsProblem(e, out)));
      return 2;
    }
    const root = path.resolve(out);
    const used = new Set<string>();
    let written = 0;
    let failed = 0;
    let blocked = 0;
    const refs = await loadReferenceData(parsed.backup.referenceLists ?? []);
    // The deadline is a calendar day in China; --today pins it for reproducible runs.
    const now = today ? new Date(`${today}T12:00:00+08:00`) : new Date();
    for (const d of parsed.backup.drafts) {
      const form = getForm(d.formId);
      if (d.deletedAt) continue;
      if (!form) {
        io.err(
          pick({ zh: `跳过未知表单的草稿：${d.title}（${d.formId}）`, en: `Skipped a draft of an unknown form: ${d.title} (${d.formId})` }),
        );
        continue;
      }
      // Names from a safe alphabet (ids are checked by the backup reader too), never outside --out, never two alike.
      let name = draftFileName(d);
      for (let n = 2; used.has(name); n++) name = draftFileName(d).replace(/\.xlsx$/, `-${n}.xlsx`);
      used.add(name);
      const target = path.join(root, name);
      if (path.dirname(target) !== root) continue;
      const findings = sortFindings(validate(form, d.data, refs, now));
      const counts = countFindings(findings);
      if (counts.errors > 0) {
        io.err(
          `${d.title}: ${pick({ zh: `本草稿有 ${counts.errors} 个错误、${counts.warnings} 个警告`, en: `this draft has ${counts.errors} error(s) and ${counts.warnings} warning(s)` })}`,
        );
        for (const f of findings)
          io.err(
            `  [${pick(f.severity === 'error' ? { zh: '错误', en: 'error' } : { zh: '警告', en: 'warning' })}] ${f.fields.join(', ') || '—'}: ${pick(f.message)}`,
          );
        if (!force) {
          io.err(
            pick({
              zh: '  未导出（确认仍要导出请加 --force，错误单元格会加批注）',
              en: '  not exported (add --force to export anyway, with a comment on each error cell)',
            }),
          );
          blocked++;
          continue;
        }
      }
      const notes = counts.errors > 0 ? [errorNotes(findings)] : undefined;
      const bytes = await attempt(async () => ({
        bytes: await exportFormXlsx(form, [d.data], { headers: codes ? 'codes' : 'labels', ...(notes ? { notes } : {}) }),
      }));
      if (!bytes.ok) {
        io.err(`${d.title}: ${pick(bytes.error)}`);
        failed++;
        continue;
      }
      try {
        await writeFile(target, bytes.bytes);
      } catch (e) {
        io.err(pick(fsProblem(e, target)));
        failed++;
        continue;
      }
      io.out(target);
      written++;
    }
    io.out(pick({ zh: `已导出 ${written} 个 Excel 文件到 ${out}`, en: `Wrote ${written} Excel file(s) to ${out}` }));
    if (blocked) io.err(pick({ zh: `${blocked} 份草稿有错误，未导出`, en: `${blocked} draft(s) with errors not exported` }));
    return failed || blocked ? 1 : 0;
  },
};

export default exportCommand;
