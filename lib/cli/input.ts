/**
 * Reading the CLI's input files and saying what went wrong with them in words (issue 13 §13): a file system error
 * becomes a sentence by its code — never `EEXIST: file already exists, mkdir '…'` — and input is bounded before it is
 * read whole.
 */
import { open } from 'node:fs/promises';
import type { Bilingual } from '../forms/types';
import { t } from '../i18n';
import { defaultLimits } from '../xlsx/guard';

/** Largest input file the CLI reads (the spreadsheet limit; PDFs have their own, larger one). */
export const MAX_INPUT_BYTES = defaultLimits.maxFileBytes;

class TooLarge extends Error {
  readonly code = 'E2BIG';
}

/** The bytes of `file`, refusing one larger than `max` before reading it. */
export async function readInput(file: string, max = MAX_INPUT_BYTES): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > max) throw new TooLarge();
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

const CODES: Record<
  string,
  'guard.fs.missing' | 'guard.fs.isDir' | 'guard.fs.notDir' | 'guard.fs.denied' | 'guard.fs.exists' | 'guard.fs.tooLarge'
> = {
  ENOENT: 'guard.fs.missing',
  EISDIR: 'guard.fs.isDir',
  ENOTDIR: 'guard.fs.notDir',
  EACCES: 'guard.fs.denied',
  EPERM: 'guard.fs.denied',
  EEXIST: 'guard.fs.exists',
  E2BIG: 'guard.fs.tooLarge',
};

/** A sentence for a file system error on `file`. */
export function fsProblem(error: unknown, file: string): Bilingual {
  const code = String((error as { code?: unknown })?.code ?? '');
  const key = CODES[code] ?? 'guard.fs.other';
  const params = { file, mb: Math.round(MAX_INPUT_BYTES / 1048576) };
  return { zh: t(key, params, 'zh-CN'), en: t(key, params, 'en') };
}
