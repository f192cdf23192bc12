#!/usr/bin/env node
// `npm test`: type-check, lint, unit tests, build, e2e tests (Chromium, then the Firefox smoke suite). Ends with the line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, '.ci/results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);

const steps = [
  { name: 'typecheck', cmd: [bin('tsc'), '--noEmit'] },
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint'] },
  {
    name: 'unit',
    cmd: [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit.json`],
    json: 'unit.json',
  },
  { name: 'build', cmd: [bin('wxt'), 'build'] },
  {
    name: 'e2e',
    cmd: [
      bin('vitest'),
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}/e2e.json`,
    ],
    json: 'e2e.json',
  },
  // The Firefox smoke suite (test/e2e/firefox): the Firefox build in Firefox ESR over WebDriver BiDi.
  {
    name: 'firefox',
    cmd: [
      bin('vitest'),
      'run',
      '--config',
      'vitest.firefox.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}/firefox.json`,
    ],
    json: 'firefox.json',
  },
];

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n=== ${step.name} ===`);
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CI: process.env.CI ?? 'true' },
  });
  const ok = r.status === 0;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (step.json) {
    const file = path.join(results, step.json);
    if (existsSync(file)) {
      const report = JSON.parse(readFileSync(file, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      // A runner that crashed before reporting a failing test still failed.
      if (!ok && report.numFailedTests === 0) failed += 1;
      summary.push(`${step.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed (${secs}s)`);
    } else {
      failed += 1;
      summary.push(`${step.name}: runner produced no report (${secs}s)`);
    }
  } else {
    if (ok) passed += 1;
    else failed += 1;
    summary.push(`${step.name}: ${ok ? 'ok' : 'FAILED'} (${secs}s)`);
  }
}
console.log('\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
