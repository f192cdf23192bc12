#!/usr/bin/env node
// `npm run fuzz`: feeds the generated hostile xlsx/csv/json/pdf samples of issue 13 (test/fixtures/hostile) to the
// CLI — the same readers as the extension — one child process each, under the CLI's own limits, and checks that each
// gets a clear answer within its time budget and 1.5 GB of memory. Prints one table: input class, answer, time, peak
// RSS. Exit 1 when any sample fails. `npm run fuzz -- <words>` runs the samples whose name contains one of the words.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createJiti } from 'jiti';

const root = path.resolve(import.meta.dirname, '..');
const jiti = createJiti(import.meta.url);
const only = process.argv.slice(2);
const { hostileSpreadsheets, hostileCsvs } = await jiti.import(path.join(root, 'test/fixtures/hostile/spreadsheets.ts'));
const { hostilePdfs } = await jiti.import(path.join(root, 'test/fixtures/hostile/pdfs.ts'));
const { hostileJson } = await jiti.import(path.join(root, 'test/fixtures/hostile/json.ts'));

const MAX_RSS_MB = 1536;
// The CLI's budgets: a spreadsheet or backup is read well within a minute; a PDF has its 60 s check budget + grace.
const BUDGET_MS = { xlsx: 60_000, csv: 60_000, json: 60_000, pdf: 75_000 };
const dir = mkdtempSync(path.join(tmpdir(), 'guoyou-fuzz-'));
const samples = [...hostileSpreadsheets(), ...hostileCsvs(), ...hostileJson(), ...hostilePdfs()].filter(
  (s) => !only.length || only.some((w) => s.name.includes(w) || s.file.includes(w)),
);

/** Runs the CLI on one file in a child process; its peak RSS comes from GNU time (kB). */
function runCli(args, budget) {
  return new Promise((resolve) => {
    const rssFile = path.join(dir, 'rss');
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, path.join(root, 'scripts/guoyou.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, LANG: 'zh_CN.UTF-8' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), budget + 15_000);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const ms = performance.now() - t0;
      let rssMb = NaN;
      try {
        rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
      } catch {}
      resolve({ code, signal, out, ms, rssMb });
    });
  });
}

const rows = [['input class', 'answer', 'exit', 'time', 'peak RSS', 'ok']];
let failures = 0;
for (const s of samples) {
  const file = path.join(dir, s.file);
  process.stderr.write(`${s.name} …\n`);
  writeFileSync(file, s.bytes());
  const kind = path.extname(s.file).slice(1);
  const args = kind === 'pdf' ? ['check-pdf', file] : ['validate', file];
  const r = await runCli(args, BUDGET_MS[kind]);
  rmSync(file, { force: true });
  const lines = r.out.split('\n').filter(Boolean);
  // The answer: the refusal line, or the verdict/summary line.
  const answer = (lines.find((l) => l.includes(file)) ?? lines.at(-1) ?? '')
    .replace(file, s.file)
    .replace(dir + '/', '')
    .slice(0, 90);
  const problems = [];
  if (r.signal) problems.push(`killed (${r.signal})`);
  if (r.ms > BUDGET_MS[kind]) problems.push('over budget');
  if (!(r.rssMb <= MAX_RSS_MB)) problems.push('over 1.5 GB');
  if (/Cannot read properties|Maximum call stack|heap out of memory|at .*\.(ts|js|mjs):\d+|EEXIST|ENOENT/.test(r.out))
    problems.push('internal text');
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.out.replace(/\n/g, ''))) problems.push('control characters');
  if (s.refusal && !s.refusal.test(r.out)) problems.push(`expected ${s.refusal}`);
  if (s.refusal && r.code === 0) problems.push('exit 0 on a hostile file');
  if (!s.refusal && kind !== 'pdf' && r.code === 2) problems.push('an honest file was refused');
  if (problems.length) failures++;
  rows.push([
    s.name,
    answer,
    String(r.code ?? '-'),
    `${(r.ms / 1000).toFixed(1)} s`,
    `${Math.round(r.rssMb)} MB`,
    problems.length ? `NO: ${problems.join('; ')}` : 'yes',
  ]);
}
rmSync(dir, { recursive: true, force: true });

const width = (i) => rows.reduce((w, row) => Math.max(w, [...row[i]].length), 0);
const widths = rows[0].map((_, i) => width(i));
for (const [i, row] of rows.entries()) {
  console.log(row.map((c, j) => c + ' '.repeat(Math.max(0, widths[j] - [...c].length))).join(' | '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
}
console.log(`\n${samples.length - failures} passed, ${failures} failed`);
process.exitCode = failures ? 1 : 0;
