/**
 * Chromium names downloads through the C library's locale: with none (a bare CI shell, `env -i`) or a non-UTF-8 one,
 * a Chinese file name such as `校验结果-2026-11-29.xlsx` cannot be represented and the file is saved as `download`.
 * Returns the variables to add so the browser runs under a UTF-8 character type — nothing when it already does.
 */
export function utf8LocaleEnv(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Record<string, string> {
  if (platform === 'win32' || platform === 'darwin') return {};
  const ctype = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  if (/utf-?8/i.test(ctype)) return {};
  // C.UTF-8 is built into glibc ≥ 2.35 and Debian's; it changes the character type only, not the language.
  return env.LC_ALL ? { LC_ALL: 'C.UTF-8' } : { LC_CTYPE: 'C.UTF-8' };
}
