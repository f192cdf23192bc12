import { describe, expect, it } from 'vitest';
import { findFirefox } from './firefox-path';

describe('findFirefox', () => {
  const on =
    (...paths: string[]) =>
    (p: string) =>
      paths.includes(p);
  it.each([
    [
      'an explicit path that exists wins',
      { GUOYOU_FIREFOX: '/opt/ff/firefox' },
      on('/opt/ff/firefox', '/usr/bin/firefox-esr'),
      '/opt/ff/firefox',
    ],
    [
      'an explicit path that is missing falls back',
      { GUOYOU_FIREFOX: '/opt/ff/firefox' },
      on('/usr/bin/firefox-esr'),
      '/usr/bin/firefox-esr',
    ],
    ["Debian's ESR before a release Firefox", {}, on('/usr/bin/firefox', '/usr/bin/firefox-esr'), '/usr/bin/firefox-esr'],
    ['a release Firefox alone', {}, on('/usr/bin/firefox'), '/usr/bin/firefox'],
    ['none', {}, on(), undefined],
  ] as const)('%s', (_n, env, exists, expected) => {
    expect(findFirefox(env as NodeJS.ProcessEnv, exists)).toBe(expected);
  });
});
