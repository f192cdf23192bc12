import { describe, expect, it } from 'vitest';
import { matchesPattern, sitePattern } from './url-pattern';

describe('matchesPattern', () => {
  it.each([
    ['https://yjs.example.edu.cn/*', 'https://yjs.example.edu.cn/xw/edit?id=1', true],
    ['https://yjs.example.edu.cn/*', 'http://yjs.example.edu.cn/xw', false],
    ['*://*.example.edu.cn/*', 'http://a.b.example.edu.cn/x', true],
    ['*://*.example.edu.cn/*', 'https://example.edu.cn/', true],
    ['*://*.example.edu.cn/*', 'https://badexample.edu.cn/', false],
    ['http://127.0.0.1/legacy/*', 'http://127.0.0.1:4321/legacy/form.html', true],
    ['http://127.0.0.1/legacy/*', 'http://127.0.0.1:4321/element/', false],
    ['http://127.0.0.1:4321/*', 'http://127.0.0.1:5555/', false],
    ['not a pattern', 'http://127.0.0.1/', false],
  ])('%s ~ %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  it('derives a site pattern without the port', () => {
    expect(sitePattern('http://127.0.0.1:4321/legacy/index.html')).toBe('http://127.0.0.1/*');
  });
});
