import { getLocale } from '../../lib/i18n';

/** Date and time in the UI language, e.g. `2024年8月1日 14:05` / `Aug 1, 2024, 2:05 PM`. */
export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatTime(ms: number): string {
  return new Intl.DateTimeFormat(getLocale(), { timeStyle: 'medium' }).format(ms);
}
