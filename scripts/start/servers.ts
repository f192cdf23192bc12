/**
 * Everything `npm start` serves on localhost: the fixture systems (the provincial submission system and the
 * university degree system, from test/fixtures), the verify fixtures (a degree-record list), the demo portal page
 * that links them, and the built static toolkit. Each on its own free port.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../../test/fixtures/server';
import { startVerifyFixtures, type FixtureServer as VerifyServer } from '../../test/fixtures/verify';
import { serveStatic, type StaticServer } from './static-server';

export interface DemoServers {
  portal: string;
  systems: string;
  records: string;
  /** The provincial page where the sealed PDF is uploaded (test/fixtures/upload). */
  upload: string;
  /** Undefined when the toolkit has not been built. */
  toolkit?: string;
  close(): Promise<void>;
}

export const PORTAL_DIR = path.resolve(import.meta.dirname, '../../test/fixtures/portal');
export const UPLOAD_DIR = path.resolve(import.meta.dirname, '../../test/fixtures/upload');

/** Replace `{{SYSTEMS}}`, `{{RECORDS}}`, `{{UPLOAD}}`, `{{TOOLKIT}}` in the portal's pages with the servers' addresses. */
export function fillPortalLinks(html: string, links: { systems: string; records: string; upload: string; toolkit?: string }): string {
  return html
    .replaceAll('{{SYSTEMS}}', links.systems)
    .replaceAll('{{RECORDS}}', links.records)
    .replaceAll('{{UPLOAD}}', links.upload)
    .replaceAll('{{TOOLKIT}}', links.toolkit ?? '#toolkit-not-built');
}

export async function startDemoServers(toolkitDir?: string): Promise<DemoServers> {
  const opened: Array<{ close(): Promise<void> }> = [];
  try {
    const systems: FixtureServer = await startFixtureServer();
    opened.push(systems);
    const records: VerifyServer = await startVerifyFixtures();
    opened.push(records);
    const upload = await serveStatic(UPLOAD_DIR);
    opened.push(upload);
    let toolkit: StaticServer | undefined;
    if (toolkitDir && existsSync(path.join(toolkitDir, 'index.html'))) {
      toolkit = await serveStatic(toolkitDir);
      opened.push(toolkit);
    }
    const links = {
      systems: systems.url,
      records: records.url,
      upload: upload.url,
      toolkit: toolkit ? `${toolkit.url}/index.html` : undefined,
    };
    const portal = await serveStatic(PORTAL_DIR, { rewrite: (_f, html) => fillPortalLinks(html, links) });
    opened.push(portal);
    return {
      portal: `${portal.url}/index.html`,
      systems: systems.url,
      records: records.url,
      upload: `${upload.url}/index.html`,
      toolkit: links.toolkit,
      close: async () => void (await Promise.all(opened.map((s) => s.close()))),
    };
  } catch (e) {
    await Promise.all(opened.map((s) => s.close()));
    throw e;
  }
}
