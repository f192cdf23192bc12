import type { Bilingual } from '../forms/types';
import { t, type MessageKey } from '../i18n';

/** Both languages of a UI message, for errors handed to whichever UI shows them. */
export function bilingual(key: MessageKey, params?: Record<string, string | number>): Bilingual {
  return { zh: t(key, params, 'zh-CN'), en: t(key, params, 'en') };
}

/** A failure the user must be told about; `bilingual` is what the UI shows (never a stack trace). */
export class DbError extends Error {
  readonly bilingual: Bilingual;
  constructor(bilingual: Bilingual, options?: { cause?: unknown }) {
    super(bilingual.en, options);
    this.name = 'DbError';
    this.bilingual = bilingual;
  }
}

/**
 * True when the browser refused a write for lack of space. Dexie may report it directly, or wrapped in an
 * AbortError (the transaction aborted because a request hit the quota) with the cause in `inner`.
 */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, inner } = e as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner;
  }
  return false;
}

/** A short technical detail for messages, never a stack. */
export function errorDetail(error: unknown): string {
  if (error && typeof error === 'object') {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return [name, message].filter((x) => typeof x === 'string' && x).join(': ') || String(error);
  }
  return String(error);
}
