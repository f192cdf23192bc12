import { t, type MessageKey } from '../i18n';
import type { Bilingual } from '../forms/types';

/** A message of the i18n table in both languages, for results that outlive the current UI language. */
export function bilingual(key: MessageKey, params?: Record<string, string | number>): Bilingual {
  return { zh: t(key, params, 'zh-CN'), en: t(key, params, 'en') };
}

/** "1、3" / "1, 3" lists of page numbers inside messages. */
export function pageList(pages: readonly number[]): string {
  return pages.join(', ');
}
