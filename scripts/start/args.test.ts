import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultOutDir, parseStartArgs } from './args';

const root = '/repo';
const now = new Date('2026-11-29T14:15:16Z');

describe('parseStartArgs', () => {
  it('defaults: headed when possible, build, out/demo-<time>, 300 s', () => {
    const r = parseStartArgs([], root, {}, now);
    expect(r).toEqual({
      ok: true,
      options: { headless: false, build: true, out: path.join(root, 'out/demo-2026-11-29T14-15-16'), timeoutSeconds: 300, locale: 'zh-CN' },
    });
  });

  it.each([
    [['--headless'], { headless: true }],
    [['--no-build'], { build: false }],
    [['--out', 'shots'], { out: path.join(root, 'shots') }],
    [['--out=/tmp/x'], { out: '/tmp/x' }],
    [['--timeout', '90'], { timeoutSeconds: 90 }],
    [['--lang', 'en'], { locale: 'en' }],
    [['--lang=zh'], { locale: 'zh-CN' }],
  ])('%j', (argv, expected) => {
    const r = parseStartArgs(argv, root, {}, now);
    expect(r.ok && r.options).toMatchObject(expected);
  });

  it('English from LANG unless --lang says otherwise', () => {
    const r = parseStartArgs([], root, { LANG: 'en_US.UTF-8' }, now);
    expect(r.ok && r.options.locale).toBe('en');
  });

  it.each([[['--headles']], [['--timeout', '0']], [['--timeout', 'soon']], [['--out']], [['--lang', 'fr']]])(
    'refuses %j with a bilingual message and the usage',
    (argv) => {
      const r = parseStartArgs(argv, root, {}, now);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.zh).toContain('用法');
        expect(r.error.en).toContain('Usage');
      }
    },
  );

  it('default out dir sorts by time', () => {
    expect(defaultOutDir('/r', new Date('2026-01-02T03:04:05Z'))).toBe('/r/out/demo-2026-01-02T03-04-05');
  });
});
