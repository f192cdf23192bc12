/**
 * `guoyou export <backup.json|backup.zip> --out <dir>`: one workbook per draft in the official layout, the same code
 * the extension uses. Deleted drafts are left out; file names are the draft title plus the start of its id.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseBackup } from '../../backup/backup';
import { getForm } from '../../forms';
import type { Bilingual } from '../../forms/types';
import { exportFormXlsx, readBackupFile, safeFileName } from '../../xlsx';
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
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(
        pick(
          code === 'ENOENT'
            ? { zh: `找不到文件：${file}`, en: `File not found: ${file}` }
            : { zh: `无法读取 ${file}：${(e as Error).message}`, en: `Cannot read ${file}: ${(e as Error).message}` },
        ),
      );
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
    await mkdir(out, { recursive: true });
    let written = 0;
    for (const d of parsed.backup.drafts) {
      const form = getForm(d.formId);
      if (d.deletedAt) continue;
      if (!form) {
        io.err(
          pick({ zh: `跳过未知表单的草稿：${d.title}（${d.formId}）`, en: `Skipped a draft of an unknown form: ${d.title} (${d.formId})` }),
        );
        continue;
      }
      const target = path.join(out, `${safeFileName(d.title)}-${d.id.slice(0, 8)}.xlsx`);
      await writeFile(target, await exportFormXlsx(form, [d.data], { headers: codes ? 'codes' : 'labels' }));
      io.out(target);
      written++;
    }
    io.out(pick({ zh: `已导出 ${written} 个 Excel 文件到 ${out}`, en: `Wrote ${written} Excel file(s) to ${out}` }));
    return 0;
  },
};

export default exportCommand;
