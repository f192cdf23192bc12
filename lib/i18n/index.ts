import { messages, type MessageKey } from './messages';
import type { Bilingual } from '../forms/types';
import { pick as pickIn } from './table';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };

let current: Locale = 'zh-CN';
const listeners = new Set<(l: Locale) => void>();

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  for (const l of listeners) l(locale);
}

export function onLocaleChange(listener: (l: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translate a UI message; `{name}` placeholders are replaced from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>, locale: Locale = current): string {
  const entry = messages[key];
  let text: string = locale === 'en' ? entry.en : entry.zh;
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

/** Pick the current language's side of a bilingual text (form labels, rule messages). */
export function pick(text: Bilingual, locale: Locale = current): string {
  return pickIn(text, locale);
}
