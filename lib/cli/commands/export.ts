/**
 * `guoyou export <backup.json|backup.zip> --out <dir>`: one workbook per draft in the official layout, the same code
 * the extension uses. Deleted drafts are left out; file names are the draft title plus the start of its id.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseBackup } from '../../backup/backup';
import { getForm } from '../../forms';
import type { Bilingual } from '../../forms/types';
import { draftFileName, exportFormXlsx, readBackupFile } from '../../xlsx';
import { fsProblem, readInput } from '../input';
import { attempt } from '../../xlsx/errors';
import type { CliIO, Command } from '../main';

const usageLine = 'export <backup.json|backup.zip> --out <dir> [--codes]';

function parseArgs(args: string[]): { file?: string; out?: string; codes: boolean; bad?: string } {
  let file: string | undefined;
  let out: string | undefined;
  let codes = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out' || a === '-o') out = args[++i];
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--codes') codes = true;
    else if (a.startsWith('-') || file) return { codes, bad: a };
    else file = a;
  }
  return { file, out, codes };
}

const exportCommand: Command = {
  summary: {
    zh: '把备份中的每份草稿导出为官方版式的 Excel 文件',
    en: 'export every draft of a backup as an Excel file in the official layout',
  },
  usage: usageLine,
  async run(args: string[], io: CliIO): Promise<number> {
    const pick = (b: Bilingual) => (io.locale === 'en' ? b.en : b.zh);
    const { file, out, codes, bad } = parseArgs(args);
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
    const parsed = parseBackup(text.json);
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
      const bytes = await attempt(async () => ({ bytes: await exportFormXlsx(form, [d.data], { headers: codes ? 'codes' : 'labels' }) }));
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
    return failed ? 1 : 0;
  },
};

export default exportCommand;
