import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillPortalLinks, startDemoServers, type DemoServers } from './servers';

let servers: DemoServers | undefined;
afterEach(async () => {
  await servers?.close();
  servers = undefined;
});

async function portalLinks(s: DemoServers): Promise<Array<{ id: string; href: string }>> {
  const html = await (await fetch(s.portal)).text();
  return [...html.matchAll(/<a data-portal="([^"]+)" href="([^"]+)"/g)].map((m) => ({ id: m[1]!, href: m[2]! }));
}

describe('demo servers', () => {
  it('every system the portal links to is served (no dead link, no placeholder left)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guoyou-toolkit-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>toolkit</title>');
    servers = await startDemoServers(dir);
    const links = await portalLinks(servers);
    expect(links.map((l) => l.id)).toEqual(
      expect.arrayContaining(['recommend-element', 'recommend-legacy', 'upload', 'record-list', 'toolkit']),
    );
    for (const l of links) {
      expect(l.href, l.id).not.toContain('{{');
      const res = await fetch(l.href);
      expect(res.status, `${l.id} ${l.href}`).toBe(200);
    }
  });

  it('without a toolkit build the portal says so instead of linking to nothing', async () => {
    servers = await startDemoServers(path.join(tmpdir(), 'no-such-toolkit'));
    expect(servers.toolkit).toBeUndefined();
    const toolkit = (await portalLinks(servers)).find((l) => l.id === 'toolkit');
    expect(toolkit?.href).toBe('#toolkit-not-built');
  });

  it('fillPortalLinks replaces every placeholder, every time it occurs', () => {
    const html = '{{SYSTEMS}}/a {{SYSTEMS}}/b {{RECORDS}} {{UPLOAD}} {{TOOLKIT}}';
    expect(fillPortalLinks(html, { systems: 'S', records: 'R', upload: 'U', toolkit: 'T' })).toBe('S/a S/b R U T');
  });
});
