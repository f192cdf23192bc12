import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { getLocale, onLocaleChange, setLocale, type Locale } from '../i18n';
import { uiDb } from './db';
import { readSetting, writeSetting } from './settings';
import { parseRoute, type Route } from './routes';

/** Re-render on language change; returns the current locale. */
export function useLocale(): Locale {
  const [locale, set] = useState(getLocale());
  useEffect(() => onLocaleChange(set), []);
  return locale;
}

/**
 * Apply the stored language before first paint, and follow changes made in other extension pages (Dexie
 * propagates writes across tabs). Returns false until the stored locale is known, so pages don't flash Chinese.
 */
export function usePersistedLocale(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const sub = liveQuery(() => readSetting(uiDb(), 'ui.locale')).subscribe({
      next: (l) => {
        setLocale(l);
        document.documentElement.lang = l;
        setReady(true);
      },
      error: () => setReady(true),
    });
    return () => sub.unsubscribe();
  }, []);
  return ready;
}

export async function changeLocale(locale: Locale): Promise<void> {
  setLocale(locale);
  document.documentElement.lang = locale;
  await writeSetting(uiDb(), 'ui.locale', locale);
}

/** Subscribe to a Dexie live query; `undefined` until the first result. Re-subscribes when `deps` change. */
export function useLive<T>(querier: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const sub = liveQuery(querier).subscribe({ next: setValue, error: setError });
    return () => sub.unsubscribe();
  }, deps);
  if (error) throw error;
  return value;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
