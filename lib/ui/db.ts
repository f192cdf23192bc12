import { openDb, type GuoyouDB } from '../db/db';

let instance: GuoyouDB | null = null;

/** The page's one connection to the extension database (options page or popup: the extension's own origin). */
export function uiDb(): GuoyouDB {
  instance ??= openDb();
  return instance;
}
