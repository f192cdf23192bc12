/**
 * Does `url` match a WebExtension match pattern (`https://*.example.edu.cn/path/*`)? Pure; used to pick the site
 * adapters that apply to a page.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?|file):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const proto = u.protocol.slice(0, -1);
  if (scheme === '*' ? proto !== 'http' && proto !== 'https' : scheme !== proto) return false;
  const hostOnly = host.replace(/:\d+$/, '');
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port && u.port !== port) return false;
  if (hostOnly !== '*') {
    if (hostOnly.startsWith('*.')) {
      const base = hostOnly.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith('.' + base)) return false;
    } else if (u.hostname !== hostOnly) return false;
  }
  const re = new RegExp('^' + path.split('*').map(escapeRe).join('.*') + '$');
  return re.test(u.pathname + u.search);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The match pattern covering one page's site (`http://127.0.0.1:8080/any/page` → `http://127.0.0.1/*`). */
export function sitePattern(url: string): string {
  const u = new URL(url);
  // Match patterns cannot carry a port for Chrome's permission model; the host covers every port.
  return `${u.protocol}//${u.hostname}/*`;
}
