#!/usr/bin/env node
// `npm run zip`: the packages to distribute, named with the version from package.json —
//   .output/guoyou-form-assistant-<version>-chrome.zip   (Chrome, Edge, 360安全浏览器, QQ浏览器; stores and self-hosting)
//   .output/guoyou-form-assistant-<version>-firefox.zip  (Firefox; addons.mozilla.org or an enterprise policy)
//   .output/guoyou-form-assistant-<version>-sources.zip  (the sources addons.mozilla.org asks for with the Firefox zip)
// WXT builds and zips (`wxt zip`); this script runs it for both browser families and checks every file is there.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outDir = path.resolve(root, process.env.WXT_OUT_DIR ?? '.output');
const wxt = path.join(root, 'node_modules/wxt/bin/wxt.mjs');
// A package is never the test build: the fixture hosts must not be granted up front.
const env = { ...process.env };
delete env.GUOYOU_TEST_HOSTS;

for (const browser of ['chrome', 'firefox']) {
  const r = spawnSync(process.execPath, [wxt, 'zip', '-b', browser], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const expected = ['chrome', 'firefox', 'sources'].map((kind) => path.join(outDir, `${name}-${version}-${kind}.zip`));
const missing = expected.filter((f) => !existsSync(f));
if (missing.length) {
  console.error(`缺少安装包 / missing packages: ${missing.map((f) => path.relative(root, f)).join(', ')}`);
  process.exit(1);
}
console.log('\n' + expected.map((f) => `${path.relative(root, f)}  ${(statSync(f).size / 1024 / 1024).toFixed(1)} MB`).join('\n'));
