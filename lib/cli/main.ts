/**
 * CLI entry: `guoyou <command> ...` (scripts/guoyou.mjs runs it through jiti). Each command is a module in
 * `commands/`; add one by adding a file and a line to `commands` below. Exit codes: 0 ok, 1 findings/failed checks,
 * 2 usage or unreadable input.
 */
import type { Bilingual } from '../forms/types';
import validate from './commands/validate';
import checkPdf from './commands/check-pdf';
import exportXlsx from './commands/export';
import { t } from '../i18n';
import { takePassphraseFile } from './passphrase';

/**
 * A line safe to print: C0/C1 controls (but tab), DEL and the bidi/zero-width format characters become `\uXXXX`
 * (JSON output stays valid JSON, since those escapes mean the same characters there).
 */
export function terminalSafe(line: string): string {
  return line.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export type CliLocale = 'zh' | 'en';

/** Where a command writes; injectable so tests capture output instead of printing. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Language of text output: Chinese unless `--lang en` (or `LANG=en…` with no `--lang`). */
  locale: CliLocale;
  /** `--passphrase-file <path>`: where a protected backup's passphrase is (else the terminal is asked). */
  passphraseFile?: string;
}

export interface Command {
  summary: Bilingual;
  /** One usage line, without the leading `guoyou`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const commands: Record<string, Command> = {
  validate,
  'check-pdf': checkPdf,
  export: exportXlsx,
};

const consoleIO = (locale: CliLocale): CliIO => ({
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  locale,
});

/** Splits `--lang en` / `--lang=en` out of argv. */
function takeLocale(argv: string[]): { args: string[]; locale: CliLocale } {
  const args: string[] = [];
  let locale: CliLocale = (process.env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--lang(?:=(.*))?$/.exec(a);
    if (!m) {
      args.push(a);
      continue;
    }
    const v = m[1] ?? argv[++i] ?? '';
    locale = v.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }
  return { args, locale };
}

function usage(io: CliIO): string[] {
  const lines = [
    io.locale === 'en'
      ? 'usage: guoyou <command> [options]  (--lang en|zh, --passphrase-file <file> for a protected backup)'
      : '用法：guoyou <命令> [选项]  （--lang en|zh；加密备份用 --passphrase-file <文件>）',
  ];
  for (const c of Object.values(commands)) lines.push(`  ${c.usage.padEnd(40)}  ${io.locale === 'en' ? c.summary.en : c.summary.zh}`);
  return lines;
}

/** Runs one CLI invocation; returns the exit code. */
export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
  const { args: withoutLocale, locale } = takeLocale(argv);
  const { args, passphraseFile } = takePassphraseFile(withoutLocale);
  const full: CliIO = { ...consoleIO(io?.locale ?? locale), ...(passphraseFile !== undefined ? { passphraseFile } : {}), ...io };
  const [name, ...rest] = args;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    for (const l of usage(full)) (name ? full.out : full.err)(l);
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    full.err(full.locale === 'en' ? `Unknown command: ${name}` : `未知命令：${name}`);
    for (const l of usage(full)) full.err(l);
    return 2;
  }
  // Everything printed goes through one filter: file names, sheet names and cell values come from the input, and a
  // control character (an escape sequence, a bidi override) must not reach the terminal as itself.
  const safe: CliIO = { ...full, out: (l) => full.out(terminalSafe(l)), err: (l) => full.err(terminalSafe(l)) };
  try {
    return await command.run(rest, safe);
  } catch {
    // A bug must still end with a clear line and a usage-class exit, not a stack trace or a library's own text.
    safe.err(t('guard.cli.failed', undefined, safe.locale === 'en' ? 'en' : 'zh-CN'));
    return 2;
  }
}
