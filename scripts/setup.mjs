#!/usr/bin/env node
// Set-up shared by `npm start` and `npm test`: dependencies installed from the lock file, and a Chromium to drive.
// Uses only Node built-ins, because it runs before `node_modules` exists.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(cmd, env = {}) {
  console.log(`› ${cmd}`);
  execSync(cmd, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

// 1. A browser. On Debian as root (CI, our dev machines) install the distribution's Chromium: Puppeteer's own
//    download cannot reach its host there. Elsewhere Puppeteer's normal download provides one during `npm ci`.
let chromium = process.env.PUPPETEER_EXECUTABLE_PATH || systemChromium;
if (!chromium && isRoot && existsSync('/usr/bin/apt-get')) {
  run('apt-get update -qq');
  run('apt-get install -y -qq chromium', { DEBIAN_FRONTEND: 'noninteractive' });
  chromium = '/usr/bin/chromium';
}

// 2. A Chinese font, so the screenshots `npm start` writes show Chinese text rather than empty boxes.
if (isRoot && existsSync('/usr/bin/apt-get') && !hasChineseFont()) {
  run('apt-get install -y -qq fonts-wqy-microhei || (apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei)', {
    DEBIAN_FRONTEND: 'noninteractive',
  });
}

function hasChineseFont() {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

// 3. Dependencies, when missing or older than the lock file.
const marker = path.join(root, 'node_modules/.package-lock.json');
const lock = path.join(root, 'package-lock.json');
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  run('npm ci', chromium ? { PUPPETEER_SKIP_DOWNLOAD: '1' } : {});
}

// 4. Without a system Chromium, Puppeteer's download during `npm ci` is the browser; say plainly when there is none.
if (!chromium && !(await puppeteerBrowser())) {
  console.error(
    [
      '',
      '没有找到可用的 Chromium：请安装 Chromium 或 Google Chrome，或设置 PUPPETEER_EXECUTABLE_PATH 指向浏览器程序。',
      'No Chromium found, and Puppeteer could not download one. Install Chromium or Google Chrome',
      '(Debian/Ubuntu: `sudo apt-get install chromium`) or set PUPPETEER_EXECUTABLE_PATH to a Chromium-based browser,',
      'then run the command again.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

async function puppeteerBrowser() {
  try {
    const { default: puppeteer } = await import('puppeteer');
    return existsSync(puppeteer.executablePath());
  } catch {
    return false;
  }
}
