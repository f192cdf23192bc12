import { describe, expect, it } from 'vitest';
import { editorPath, formatRoute, parseRoute, type Route } from './routes';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { name: 'tab', tab: 'drafts' }],
    ['#', { name: 'tab', tab: 'drafts' }],
    ['#/drafts', { name: 'tab', tab: 'drafts' }],
    ['#/import', { name: 'tab', tab: 'import' }],
    ['#/adapters', { name: 'tab', tab: 'adapters' }],
    ['#/pdf', { name: 'tab', tab: 'pdf' }],
    ['#/reference', { name: 'tab', tab: 'reference' }],
    ['#/settings/', { name: 'tab', tab: 'settings' }],
    ['#/draft/abc-123', { name: 'draft', draftId: 'abc-123' }],
    ['#/draft/a%20b', { name: 'draft', draftId: 'a b' }],
    ['#/draft/', { name: 'tab', tab: 'drafts' }],
    ['#/print/abc-123', { name: 'print', draftId: 'abc-123' }],
    ['#/print/', { name: 'tab', tab: 'drafts' }],
    ['#/draft/%E0%A4%A', { name: 'tab', tab: 'drafts' }],
    ['#/nowhere', { name: 'tab', tab: 'drafts' }],
    ['#/drafts/extra', { name: 'tab', tab: 'drafts' }],
  ])('%j → %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});

describe('formatRoute', () => {
  it.each<Route>([
    { name: 'tab', tab: 'reference' },
    { name: 'draft', draftId: 'x/y z' },
    { name: 'print', draftId: 'x/y z' },
  ])('round-trips %j', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('builds the editor path used by the popup', () => {
    expect(editorPath('d1')).toBe('options.html#/draft/d1');
  });
});

it('a draft route may name a field to focus (a finding’s jump from the print view or the export check)', () => {
  const r = { name: 'draft', draftId: 'a b', field: 'schools[2].creditCode' } as const;
  expect(parseRoute(formatRoute(r))).toEqual(r);
});
