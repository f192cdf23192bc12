import type { Bilingual } from '../forms/types';

/**
 * Translation over one message table, for scripts injected into pages: they import only the table they show (the
 * autofill panel's, the upload guard's), never the whole i18n bundle, to stay small.
 */

type Locale = 'zh-CN' | 'en';
type Params = Record<string, string | number>;

/** Pick the given language's side of a bilingual text (form labels, rule messages). */
export function pick(text: Bilingual, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** `table[key]` in `locale`, `{name}` placeholders replaced from `params`. */
export function translate<T extends Record<string, Bilingual>>(table: T, key: keyof T, locale: Locale, params?: Params): string {
  let text = pick(table[key]!, locale);
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

/** `table[key]` in both languages, for errors that outlive the page's language. */
export function bilingualOf<T extends Record<string, Bilingual>>(table: T, key: keyof T, params?: Params): Bilingual {
  return { zh: translate(table, key, 'zh-CN', params), en: translate(table, key, 'en', params) };
}
