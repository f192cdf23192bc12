#!/usr/bin/env node
// `npm run bench`: runs every test/bench/*.bench.ts suite (or those named on the command line) and prints one table
// of medians, the baseline measured in the same run, their ratio and the target.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createJiti } from 'jiti';

const root = path.resolve(import.meta.dirname, '..');
const jiti = createJiti(import.meta.url);
const only = process.argv.slice(2);
const files = readdirSync(path.join(root, 'test/bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows = [];
for (const f of files) {
  console.error(`running ${f} …`);
  const mod = await jiti.import(path.join(root, 'test/bench', f));
  for (const r of await mod.default()) rows.push(r);
}
const fmt = (ms, unit) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) + (unit ? ` ${unit}` : '');
const table = [['benchmark', 'median ms', 'baseline', 'baseline ms', 'ratio', 'target', 'ok']];
for (const r of rows) {
  table.push([
    r.name,
    fmt(r.medianMs, r.unit),
    r.baselineName,
    fmt(r.baselineMs, r.unit),
    (r.medianMs / r.baselineMs).toFixed(2) + '×',
    r.target,
    r.ok ? 'yes' : 'NO',
  ]);
}
const widths = table[0].map((_, i) => table.reduce((w, row) => Math.max(w, [...row[i]].length), 0));
for (const [i, row] of table.entries()) {
  console.log(row.map((c, j) => c.padEnd(widths[j])).join(' | '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
}
for (const r of rows) for (const n of r.notes ?? []) console.log(`· ${r.name}: ${n}`);
