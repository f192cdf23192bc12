/**
 * Where the CLI gets the passphrase of a protected backup (issue 13 §10): `--passphrase-file <path>` (its first line),
 * or, in a terminal, a prompt that does not echo what is typed. Never a command-line argument: those end up in the
 * shell history and in `ps`.
 */
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { openBackup, type ParseResult } from '../backup/backup';
import { t } from '../i18n';
import { zipReader } from '../xlsx/backup-zip';
import { fsProblem, readInput } from './input';
import type { CliIO } from './main';

/** Splits `--passphrase-file <path>` / `--passphrase-file=<path>` out of argv. */
export function takePassphraseFile(argv: string[]): { args: string[]; passphraseFile?: string } {
  const args: string[] = [];
  let passphraseFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--passphrase-file(?:=(.*))?$/.exec(argv[i]!);
    if (m) passphraseFile = m[1] ?? argv[++i] ?? '';
    else args.push(argv[i]!);
  }
  return passphraseFile === undefined ? { args } : { args, passphraseFile };
}

/** The first line of a passphrase file (a trailing newline is not part of the passphrase). */
export async function readPassphraseFile(file: string): Promise<string> {
  const text = new TextDecoder().decode(await readInput(file, 4096));
  return text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
}

/** Ask on the terminal without echo; undefined when there is no terminal to ask on. */
export async function promptPassphrase(prompt: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  process.stderr.write(prompt);
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await rl.question('');
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/**
 * A backup for a command: `openBackup`, asking for the passphrase (file, else prompt) only when the backup is
 * protected. On failure the message is printed and undefined returned.
 */
export async function readBackupForCli(json: unknown, file: string, io: CliIO): Promise<ParseResult> {
  // A protected backup zip (.gyenc) opens here too: its zip is read with the same checks as a plain one.
  const first = await openBackup(json, undefined, { readZip: zipReader });
  if (first.ok || !first.needsPassphrase) return first;
  const locale = io.locale === 'en' ? 'en' : 'zh-CN';
  let passphrase: string | undefined;
  try {
    passphrase =
      io.passphraseFile !== undefined
        ? await readPassphraseFile(io.passphraseFile)
        : await promptPassphrase(t('vault.cli.prompt', {}, locale));
  } catch (e) {
    return { ok: false, error: fsProblem(e, io.passphraseFile ?? '') };
  }
  if (passphrase === undefined) {
    return { ok: false, error: { zh: t('vault.cli.noPassphrase', { file }, 'zh-CN'), en: t('vault.cli.noPassphrase', { file }, 'en') } };
  }
  return openBackup(json, passphrase, { readZip: zipReader });
}
