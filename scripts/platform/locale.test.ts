import { describe, expect, it } from 'vitest';
import { utf8LocaleEnv } from './locale';

describe('utf8LocaleEnv', () => {
  it.each([
    ['no locale at all', {}, 'linux', { LC_CTYPE: 'C.UTF-8' }],
    ['POSIX', { LANG: 'C' }, 'linux', { LC_CTYPE: 'C.UTF-8' }],
    ['UTF-8 LANG', { LANG: 'zh_CN.UTF-8' }, 'linux', {}],
    ['utf8 spelling', { LANG: 'en_US.utf8' }, 'linux', {}],
    ['LC_CTYPE wins over LANG', { LANG: 'C', LC_CTYPE: 'C.UTF-8' }, 'linux', {}],
    ['LC_ALL set to a non-UTF-8 locale must itself be replaced', { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, 'linux', { LC_ALL: 'C.UTF-8' }],
    ['macOS', {}, 'darwin', {}],
    ['Windows', {}, 'win32', {}],
  ] as const)('%s', (_n, env, platform, expected) => {
    expect(utf8LocaleEnv(env as NodeJS.ProcessEnv, platform as NodeJS.Platform)).toEqual(expected);
  });
});
