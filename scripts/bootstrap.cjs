// `npm start` / `npm test` entry: `node scripts/bootstrap.cjs <script.mjs> [args…]`.
// Plain CommonJS with Node built-ins only, so it runs on any Node, however old. On a Node older than the engines
// range it brings Node 24 from the npm registry into a cache and re-runs itself under it; then the set-up
// (scripts/setup.mjs: dependencies, a Chromium) and the script.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [script, ...args] = process.argv.slice(2);
const MIN = [22, 13];

function supported(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN[0] || (major === MIN[0] && minor >= MIN[1]);
}

/** Run a command with inherited stdio; exit with its code when it fails (signals count as failure). */
function run(cmd, argv, env = process.env) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env });
  if (r.error) throw r.error;
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!supported(process.versions.node)) {
  const cache = process.env.GUOYOU_NODE_CACHE || path.join(os.homedir(), '.cache', 'node24');
  const bin = path.join(cache, 'node_modules', '.bin');
  const node = path.join(bin, process.platform === 'win32' ? 'node.cmd' : 'node');
  console.log(
    `Node ${process.versions.node} is older than this project needs (>= ${MIN.join('.')}): running under Node 24 from ${cache}` +
      (existsSync(node) ? '.' : ' (installing it from the npm registry).'),
  );
  if (!existsSync(node)) {
    // The npm that started us, run by this (old) Node: installing the `node` package needs no newer runtime.
    const npmCli = process.env.npm_execpath;
    const [cmd, pre] = npmCli && /\.c?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
    const r = spawnSync(
      cmd,
      [...pre, 'install', '--prefix', cache, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', 'node@24'],
      {
        stdio: 'inherit',
        shell: process.platform === 'win32',
      },
    );
    if (r.status !== 0 || !existsSync(node)) {
      console.error(
        `Could not install Node 24 into ${cache}. Install Node.js >= ${MIN.join('.')} yourself (https://nodejs.org) and run the command again.`,
      );
      process.exit(1);
    }
  }
  // Node 24's directory first on PATH, so the set-up's `npm ci` (and its engine check) runs under it too.
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
  run(node, [__filename, script, ...args], env);
  process.exit(0);
}

if (!script) {
  console.error('usage: node scripts/bootstrap.cjs <script> [args…]');
  process.exit(2);
}
run(process.execPath, [path.join(root, 'scripts/setup.mjs')]);
run(process.execPath, [path.join(root, script), ...args]);
