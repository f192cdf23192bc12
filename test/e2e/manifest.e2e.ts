import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

// The published build (no GUOYOU_TEST_HOSTS): host access is asked per site at run time, never up front.
describe('the published build asks for the least permissions', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'guoyou-published-'));
  const dir = path.join(out, 'chrome-mv3');
  let s: ExtensionSession;

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, WXT_OUT_DIR: out };
    delete env.GUOYOU_TEST_HOSTS;
    execFileSync(process.execPath, [path.resolve('node_modules/wxt/bin/wxt.mjs'), 'build'], { env, stdio: 'ignore' });
    s = await launchExtension({ extensionDir: dir });
  });
  afterAll(async () => {
    await s?.close();
    rmSync(out, { recursive: true, force: true });
  });

  test('the manifest has no host permission and no content script declared for every site', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.permissions).not.toContain('tabs');
  });

  test('once installed, the extension holds no site access until the user grants one', async () => {
    const granted = await s.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).chrome;
      return (await c.permissions.getAll()).origins ?? [];
    });
    expect(granted).toEqual([]);
  });
});
