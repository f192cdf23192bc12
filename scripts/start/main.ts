/**
 * `npm start`: build the extension (local demo hosts granted, see wxt.config.ts) and the static toolkit, serve the
 * toolkit and the demo portal on localhost, and open Chromium with the extension loaded. With a display it stays
 * open until the browser is closed; without one (or with `--headless`) it runs the demo flow, writes screenshots and
 * exported files into a folder it names, and exits. A global time limit means it never hangs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pick, t, type Locale } from '../../lib/i18n';
import { hasDisplay } from '../platform/display';
import { utf8LocaleEnv } from '../platform/locale';
import { importBackup, launchExtension, type ExtensionSession } from '../../test/e2e/harness';
import { runDemo, type DemoResult } from '../demo/flow';
import { SAMPLE_IDS, sampleBackup } from '../demo/sample';
import { editorPath } from '../../lib/ui/routes';
import { parseStartArgs, type StartOptions } from './args';
import { startDemoServers, type DemoServers } from './servers';
import { withTimeLimit } from './time-limit';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_OUT = path.join(ROOT, '.output/start');
/** The toolkit's folder; `GUOYOU_TOOLKIT_OUT` moves it (vite.toolkit.config.ts reads the same variable). */
export const TOOLKIT_OUT = process.env.GUOYOU_TOOLKIT_OUT ? path.resolve(process.env.GUOYOU_TOOLKIT_OUT) : path.join(ROOT, 'dist/toolkit');

interface Io {
  log(line: string): void;
  err(line: string): void;
}
const consoleIo: Io = { log: (l) => console.log(l), err: (l) => console.error(l) };

/** Build the extension for the demo and the toolkit; returns the extension folder. */
export function buildAll(locale: Locale, io: Io = consoleIo): string {
  io.log(t('toolkit.start.building', undefined, locale));
  const node = process.execPath;
  const builds: Array<{ what: string; args: string[]; env: NodeJS.ProcessEnv }> = [
    {
      what: 'wxt build',
      args: [path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'],
      env: { GUOYOU_TEST_HOSTS: '1', WXT_OUT_DIR: EXTENSION_OUT },
    },
    {
      what: 'build:toolkit',
      args: [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.toolkit.config.ts'],
      env: {},
    },
  ];
  for (const b of builds) {
    if (b.what === 'build:toolkit' && !existsSync(path.join(ROOT, 'vite.toolkit.config.ts'))) continue;
    const r = spawnSync(node, b.args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...b.env } });
    if (r.status !== 0) throw new Error(t('toolkit.start.buildFailed', { what: b.what }, locale));
  }
  return path.join(EXTENSION_OUT, 'chrome-mv3');
}

/** The headless demo with everything it needs started and stopped around it. */
export async function runHeadless(options: StartOptions, extensionDir: string, io: Io = consoleIo): Promise<DemoResult> {
  process.env.GUOYOU_EXTENSION_DIR = extensionDir;
  mkdirSync(options.out, { recursive: true });
  let servers: DemoServers | undefined;
  let session: ExtensionSession | undefined;
  const cleanup = async () => {
    await session?.close().catch(() => undefined);
    await servers?.close().catch(() => undefined);
    session = undefined;
    servers = undefined;
  };
  const work = (async () => {
    servers = await startDemoServers(TOOLKIT_OUT);
    session = await launchExtension({ headless: true });
    return runDemo({ session, servers, out: options.out, locale: options.locale, log: io.log });
  })();
  try {
    return await withTimeLimit(work, options.timeoutSeconds, options.locale, cleanup);
  } finally {
    await cleanup();
  }
}

/**
 * A window for a person: the sample drafts imported, the editor open on the recommendation draft, the demo portal in
 * a second tab — until the browser is closed (or Ctrl+C, which closes it).
 */
export async function runHeaded(
  options: StartOptions,
  extensionDir: string,
  io: Io = consoleIo,
  /** For tests: run the same session without a window, and look at it once it is ready. */
  hooks: { headless?: boolean; onReady?: (session: ExtensionSession, servers: DemoServers) => void } = {},
): Promise<void> {
  process.env.GUOYOU_EXTENSION_DIR = extensionDir;
  const servers = await startDemoServers(TOOLKIT_OUT);
  const session = await launchExtension({ headless: hooks.headless ?? false }).catch(async (e: unknown) => {
    await servers.close();
    throw e;
  });
  const stop = () => void session.browser.close().catch(() => undefined);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    io.log(t('toolkit.start.serving', { portal: servers.portal, toolkit: servers.toolkit ?? '—' }, options.locale));
    const closed = new Promise<void>((resolve) => session.browser.once('disconnected', () => resolve()));
    await importBackup(session, sampleBackup());
    const portal = await session.browser.newPage();
    await portal.goto(servers.portal);
    const editor = await session.openPage(editorPath(SAMPLE_IDS.recommendation));
    await editor.bringToFront();
    io.log(t('toolkit.start.headed', undefined, options.locale));
    hooks.onReady?.(session, servers);
    await closed;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await session.close().catch(() => undefined);
    await servers.close();
  }
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = consoleIo): Promise<number> {
  const parsed = parseStartArgs(argv, ROOT, env);
  if (!parsed.ok) {
    io.err(pick(parsed.error, (env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh-CN'));
    return 2;
  }
  const o = parsed.options;
  // The browser inherits this environment: give it a UTF-8 character type so Chinese download names survive.
  Object.assign(process.env, utf8LocaleEnv(env));
  try {
    const extensionDir = o.build ? buildAll(o.locale, io) : (env.GUOYOU_EXTENSION_DIR ?? path.join(EXTENSION_OUT, 'chrome-mv3'));
    if (!o.headless && hasDisplay(env)) {
      try {
        await runHeaded(o, extensionDir, io);
        return 0;
      } catch (e) {
        // A display that is named but unusable (a stale DISPLAY over SSH): still do the job, without a window.
        io.err(t('toolkit.start.noWindow', { reason: e instanceof Error ? e.message.split('\n')[0]! : String(e) }, o.locale));
      }
    } else io.log(t('toolkit.start.headless', undefined, o.locale));
    const result = await runHeadless(o, extensionDir, io);
    io.log(t('toolkit.start.wrote', { dir: result.out }, o.locale));
    for (const f of result.files) io.log(`  ${path.relative(result.out, f)}`);
    return result.ok ? 0 : 1;
  } catch (e) {
    io.err(t('toolkit.start.failed', { reason: e instanceof Error ? e.message : String(e) }, o.locale));
    return 1;
  }
}
