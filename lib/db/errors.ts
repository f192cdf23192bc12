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

/**
 * A short code for messages: the error's name when it is a browser/Dexie error name (`QuotaExceededError`,
 * `AbortError`, `DatabaseClosedError`), never its message — library text such as "Cannot read properties of
 * undefined" or a quoted input means nothing to the user and may echo raw bytes (issue 13 §13).
 */
export function errorDetail(error: unknown): string {
  const name = error && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' && /^[A-Z][A-Za-z]{2,40}Error$/.test(name) && name !== 'TypeError' && name !== 'RangeError'
    ? name
    : 'Error';
}

/**
 * Where JSON.parse stopped, as "line L, column C" (or "position N"): V8's own message quotes the input, which may be
 * raw bytes and control characters (issue 13 §13).
 */
export function jsonErrorPlace(error: unknown): string {
  const m = /line (\d+) column (\d+)/.exec(String((error as Error)?.message));
  if (m) return `${m[1]}:${m[2]}`;
  const p = /position (\d+)/.exec(String((error as Error)?.message));
  return p ? `@${p[1]}` : '?';
}
