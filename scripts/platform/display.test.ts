import { describe, expect, it } from 'vitest';
import { hasDisplay } from './display';

describe('hasDisplay', () => {
  it.each([
    ['linux, nothing set', {}, 'linux', false],
    ['linux, X11', { DISPLAY: ':0' }, 'linux', true],
    ['linux, Wayland', { WAYLAND_DISPLAY: 'wayland-0' }, 'linux', true],
    ['linux, empty DISPLAY', { DISPLAY: ' ' }, 'linux', false],
    ['macOS', {}, 'darwin', true],
    ['Windows', {}, 'win32', true],
    ['FreeBSD with X11', { DISPLAY: 'host:1' }, 'freebsd', true],
  ] as const)('%s', (_name, env, platform, expected) => {
    expect(hasDisplay(env as NodeJS.ProcessEnv, platform as NodeJS.Platform)).toBe(expected);
  });
});
