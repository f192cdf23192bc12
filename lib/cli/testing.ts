/** Helpers for CLI tests: run `main` with its output captured, and write input files into a temporary folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from './main';

/** One CLI run. Text output is Chinese unless `--lang en` is given, whatever the machine's LANG. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), locale: argv.includes('en') ? 'en' : 'zh' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A fresh temporary folder and a writer of input files in it: text and bytes as they are, anything else as JSON. */
export function tempFiles(prefix: string): { dir: string; file(name: string, content: unknown): string } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    file(name, content) {
      const p = path.join(dir, name);
      writeFileSync(p, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
      return p;
    },
  };
}
