import type { Bilingual } from '../forms/types';
import { t, type MessageKey } from '../i18n';

/** Both language sides of a UI message, for results that outlive the current locale (reports, CLI). */
export function bilingual(key: MessageKey, params?: Record<string, string | number>): Bilingual {
  return { zh: t(key, params, 'zh-CN'), en: t(key, params, 'en') };
}

/** A refusal with a user-facing reason. Thrown inside lib/xlsx, caught at the public API and returned as a result. */
export class XlsxError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
    this.name = 'XlsxError';
  }
}

export function fail(key: MessageKey, params?: Record<string, string | number>): never {
  throw new XlsxError(bilingual(key, params));
}

export type Result<T> = ({ ok: true } & T) | { ok: false; error: Bilingual };

/**
 * Run `fn`, turning any failure into `{ ok: false, error }`: our own refusals keep their message, anything else
 * (a library throwing on a corrupt part) becomes the generic "damaged file" message — never a stack trace.
 */
export async function attempt<T extends object>(
  fn: () => Promise<T> | T,
  fallback: MessageKey = 'excel.error.corrupt',
): Promise<Result<T>> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, error: e.reason };
    // A library's own text ("Cannot read properties of undefined", a stack overflow) means nothing to the user.
    return { ok: false, error: bilingual(fallback) };
  }
}
