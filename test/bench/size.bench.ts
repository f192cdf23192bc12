/**
 * What the scripts injected into pages weigh (issue 12: ≤ 40 KB minified, or say what a kit costs and load kits on
 * demand). Builds the extension with source maps into .output/bench-size and attributes every minified byte of each
 * injected script to the source module it came from, summed by part (page reading, matching, each kit, messages…).
 */
import path from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import type { BenchRow } from './types';

const root = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(root, '.output/bench-size');
const TARGET_KB = 40;

/** The part a source file belongs to, most specific first. */
const PARTS: Array<[RegExp, string | ((m: RegExpMatchArray) => string)]> = [
  [/lib\/page\/kits\/([\w-]+)\.ts$/, (m) => `kit ${m[1]}`],
  [/lib\/page\/match\//, 'page/match (normalize, similarity, assign)'],
  [/lib\/page\/infer-label\.ts$/, 'page/infer-label'],
  [/lib\/page\/scan\.ts$/, 'page/scan'],
  [/lib\/page\/drivers\.ts$/, 'page/drivers'],
  [/lib\/page\/(events|options|label-text|kit)\.ts$/, 'page/events, options, label-text'],
  [/lib\/i18n\/messages\/([\w-]+)\.ts$/, (m) => `messages ${m[1]}`],
  [/lib\/i18n\//, 'i18n'],
  [/lib\/autofill\/(fill|add-row)\.ts$/, 'autofill/fill, add-row'],
  [/lib\/autofill\/match\.ts$/, 'autofill/match'],
  [/lib\/autofill\/(page-ui|teach|report)\.ts$/, 'autofill/page-ui, teach, report'],
  [/lib\/autofill\//, 'autofill/other (hints, adapters, watch)'],
  [/lib\/verify\/overlay\.ts$/, 'verify/overlay'],
  [/lib\/verify\//, 'verify/dom, columns'],
  [/lib\/pdf\//, 'pdf (upload guard)'],
  [/lib\/(normalize|messaging)\//, 'normalize, messaging'],
  [/entrypoints\//, 'entrypoint'],
  [/node_modules\/(?:@wxt-dev|wxt)\//, 'wxt runtime'],
  [/node_modules\/zod\//, 'zod'],
  [/node_modules\/((?:@[^/]+\/)?[^/]+)\//, (m) => `npm ${m[1]}`],
];

function partOf(source: string): string {
  for (const [re, name] of PARTS) {
    const m = source.match(re);
    if (m) return typeof name === 'string' ? name : name(m);
  }
  return `other ${source.replace(/^(\.\.\/)+/, '')}`;
}

/** Minified bytes of `file` per part, from its source map (bytes no mapping covers are the bundle's own glue). */
export function bytesByPart(file: string): Map<string, number> {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const lines = code.split('\n');
  const parts = new Map<string, number>();
  const add = (part: string, text: string) => parts.set(part, (parts.get(part) ?? 0) + Buffer.byteLength(text));
  for (const [l, segments] of decode(map.mappings).entries()) {
    const line = lines[l] ?? '';
    add('bundle glue', line.slice(0, segments[0]?.[0] ?? line.length));
    for (const [i, s] of segments.entries()) {
      const text = line.slice(s[0], segments[i + 1]?.[0] ?? line.length);
      add(s.length > 1 ? partOf(map.sources[s[1]!]!) : 'bundle glue', text);
    }
  }
  for (let l = decode(map.mappings).length; l < lines.length; l++) add('bundle glue', lines[l]! + '\n');
  return parts;
}

function build(): void {
  execFileSync(process.execPath, [path.join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, WXT_OUT_DIR: OUT, GUOYOU_SOURCEMAP: '1' },
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Every script the extension injects into pages: the content scripts and the kit scripts loaded on demand. */
function injected(dir: string): string[] {
  const files: string[] = [];
  for (const sub of ['content-scripts', 'kits']) {
    const d = path.join(dir, sub);
    if (existsSync(d)) for (const f of readdirSync(d).sort()) if (f.endsWith('.js')) files.push(path.join(d, f));
  }
  return files;
}

export default async function (): Promise<BenchRow[]> {
  build();
  const rows: BenchRow[] = [];
  for (const file of injected(path.join(OUT, 'chrome-mv3'))) {
    const bytes = readFileSync(file);
    const parts = [...bytesByPart(file)].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    const name = path.relative(path.join(OUT, 'chrome-mv3'), file);
    const isKit = name.startsWith('kits/');
    rows.push({
      name: `size of ${name}`,
      medianMs: bytes.length / 1024,
      unit: 'KB',
      baselineName: 'gzip',
      baselineMs: gzipSync(bytes).length / 1024,
      target: isKit ? 'loaded only where its library is' : `≤ ${TARGET_KB} KB`,
      ok: isKit || bytes.length <= TARGET_KB * 1024,
      notes: [parts.map(([p, n]) => `${p} ${kb(n)}`).join(', ')],
    });
  }
  return rows;
}
