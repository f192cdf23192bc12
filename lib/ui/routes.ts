/**
 * Hash routes of the options page (editor + dashboard). Pure: parse and format, so links, the popup and tests agree.
 * Unknown hashes fall back to the draft list rather than an empty page.
 */
export type Tab = 'drafts' | 'import' | 'adapters' | 'roster' | 'pdf' | 'reference' | 'settings';

/** `field`: a field path to focus when the editor opens (a finding's "jump to" from the print view or an export check). */
export type Route = { name: 'tab'; tab: Tab } | { name: 'draft'; draftId: string; field?: string } | { name: 'print'; draftId: string };

export const TABS: readonly Tab[] = ['drafts', 'import', 'adapters', 'roster', 'pdf', 'reference', 'settings'];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const [head = '', ...rest] = path.split('/');
  if ((head === 'draft' || head === 'print') && rest.length === 1 && rest[0]) {
    try {
      return { name: head, draftId: decodeURIComponent(rest[0]) };
    } catch {
      return { name: 'tab', tab: 'drafts' };
    }
  }
  if (head === 'draft' && rest.length === 3 && rest[0] && rest[1] === 'field' && rest[2]) {
    try {
      return { name: 'draft', draftId: decodeURIComponent(rest[0]), field: decodeURIComponent(rest[2]) };
    } catch {
      return { name: 'tab', tab: 'drafts' };
    }
  }
  if (rest.length === 0 && (TABS as readonly string[]).includes(head)) return { name: 'tab', tab: head as Tab };
  return { name: 'tab', tab: 'drafts' };
}

export function formatRoute(route: Route): string {
  if (route.name === 'tab') return `#/${route.tab}`;
  const base = `#/${route.name}/${encodeURIComponent(route.draftId)}`;
  return route.name === 'draft' && route.field ? `${base}/field/${encodeURIComponent(route.field)}` : base;
}

/** The options-page path (relative to the extension root) that opens a draft in the editor. */
export function editorPath(draftId: string): string {
  return `options.html${formatRoute({ name: 'draft', draftId })}`;
}
