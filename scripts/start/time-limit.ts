import { t, type Locale } from '../../lib/i18n';

/**
 * Run `work` under a time limit. On expiry `onTimeout` cleans up (closes the browser and the servers, which also
 * makes `work` fail fast) and the promise rejects with a message that says what happened and how to allow more.
 */
export async function withTimeLimit<T>(work: Promise<T>, seconds: number, locale: Locale, onTimeout: () => Promise<void>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void onTimeout()
        .catch(() => undefined)
        .finally(() => reject(new Error(t('toolkit.start.timeout', { seconds }, locale))));
    }, seconds * 1000);
  });
  // The work may fail after the limit hit (its browser was closed under it): that failure is expected, not unhandled.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}
