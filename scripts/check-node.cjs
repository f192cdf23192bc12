// Plain CommonJS with no dependencies, so it runs (and explains itself) on any Node, however old.
'use strict';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    [
      '',
      `国优表单助手需要 Node.js ≥ 22.13（推荐 24 LTS），当前为 ${process.versions.node}。`,
      `Guoyou Form Assistant needs Node.js >= 22.13 (24 LTS recommended); this is ${process.versions.node}.`,
      '',
      '  npm install --prefix ~/.cache/node24 node@24',
      '  export PATH="$HOME/.cache/node24/node_modules/.bin:$PATH"',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
