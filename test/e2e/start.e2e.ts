/**
 * `npm start` on a machine with no display: the real script, run as a user would (no `--headless`; DISPLAY unset),
 * must finish on its own, exit 0, name its folder, and every file it lists must exist and be what it claims.
 * The extension comes from the e2e build (same demo hosts), so `--no-build`; the toolkit is built for this test.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extensionDir } from './harness';
import { runHeaded } from '../../scripts/start/main';
import { parseStartArgs } from '../../scripts/start/args';

const toolkitDir = path.resolve(process.env.GUOYOU_E2E_OUT ?? '.output/e2e', 'toolkit-start');
const out = mkdtempSync(path.join(tmpdir(), 'guoyou-start-e2e-'));

beforeAll(() => {
  if (process.env.GUOYOU_SKIP_BUILD === '1' && existsSync(path.join(toolkitDir, 'index.html'))) return;
  const r = spawnSync(
    process.execPath,
    [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.toolkit.config.ts', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      env: { ...process.env, GUOYOU_TOOLKIT_OUT: toolkitDir },
    },
  );
  if (r.status !== 0) throw new Error('toolkit build failed');
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

function runStart(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, GUOYOU_EXTENSION_DIR: extensionDir(), GUOYOU_TOOLKIT_OUT: toolkitDir };
  // No display; and no LANG, so messages are Chinese (the default) and Chromium keeps Chinese download names.
  delete env.LANG;
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, [path.resolve('scripts/start.mjs'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm start', () => {
  test('with no display: runs the demo headless, exits 0, and every file it names exists', { timeout: 170_000 }, async () => {
    const r = await runStart(['--no-build', '--out', out, '--timeout', '150']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('未检测到显示器');
    // It says where it wrote, and lists what.
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('截图与导出文件已写入：'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at]!.slice('截图与导出文件已写入：'.length).trim()).toBe(out);
    const listed = lines
      .slice(at + 1)
      .map((l) => l.trim())
      .filter(Boolean);
    for (const f of listed) expect(statSync(path.join(out, f)).size, f).toBeGreaterThan(0);

    // Every step of the flow ran and succeeded.
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as {
      steps: Array<{ id: string; ok: boolean; error?: string }>;
    };
    expect(summary.steps.filter((s) => !s.ok)).toEqual([]);
    expect(summary.steps.map((s) => s.id)).toEqual(['drafts', 'editor', 'portal', 'records', 'pdf', 'upload', 'excel', 'toolkit']);

    // Screenshots are PNGs; the README's four are among them.
    for (const png of [
      'editor.png',
      'portal-filled.png',
      'record-list-findings.png',
      'pdf-verdict-unsealed.png',
      'portal-upload-unsealed.png',
      'toolkit-print.png',
    ]) {
      expect(listed).toContain(png);
      expect(readFileSync(path.join(out, png)).subarray(1, 4).toString()).toBe('PNG');
    }
    // The exported recommendation workbook holds the sample draft; the print view became a PDF.
    const xlsx = listed.filter((f) => f.endsWith('.xlsx'));
    expect(xlsx.length, r.stdout).toBe(2);
    const texts: string[] = [];
    for (const f of xlsx) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(path.join(out, f)) as unknown as ArrayBuffer);
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.type !== ExcelJS.ValueType.Merge && texts.push(c.text)))));
    }
    expect(texts).toContain('浙江省教育厅');
    expect(texts).toContain('温州育英学校');
    expect(readFileSync(path.join(out, 'recommendation-print.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('an unknown flag is refused with the usage, before anything starts', async () => {
    const r = await runStart(['--headles']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法识别的参数：--headles');
    expect(r.stderr).toContain('用法');
  });

  test('with a display: the editor and the portal stay open until the browser is closed, then it returns', async () => {
    process.env.GUOYOU_TOOLKIT_OUT = toolkitDir;
    const parsed = parseStartArgs([], process.cwd(), {});
    if (!parsed.ok) throw new Error('args');
    const lines: string[] = [];
    let seen: string[] = [];
    const done = runHeaded(
      parsed.options,
      extensionDir(),
      { log: (l) => lines.push(l), err: (l) => lines.push(l) },
      {
        headless: true,
        onReady: (session) => {
          void (async () => {
            seen = (await session.browser.pages()).map((p) => p.url());
            // Still running: nothing has returned yet. The user closes the browser.
            await session.browser.close();
          })();
        },
      },
    );
    await done;
    expect(seen.some((u) => u.includes('options.html#/draft/'))).toBe(true);
    expect(seen.some((u) => u.endsWith('/index.html') && u.startsWith('http://127.0.0.1:'))).toBe(true);
    expect(lines.join('\n')).toContain('演示门户：http://127.0.0.1:');
    expect(lines.join('\n')).toContain('关闭浏览器即可结束');
  });
});
