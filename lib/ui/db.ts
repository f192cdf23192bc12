import { openDb, type GuoyouDB } from '../db/db';
import { sessionKeyStore } from '../db/session-key-store';

let instance: GuoyouDB | null = null;

/** The page's one connection to the extension database (options page or popup: the extension's own origin). */
export function uiDb(): GuoyouDB {
  // The extension keeps an unlocked key for the browser session; the toolkit only in this page.
  instance ??= openDb(undefined, { keyStore: sessionKeyStore() });
  return instance;
}
