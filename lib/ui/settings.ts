import type { GuoyouDB } from '../db/schema';
import type { Locale } from '../i18n';
import type { GateAccepted } from './gate';

/**
 * UI settings kept in the settings table, typed by key. Values read back are checked, because the table is shared
 * with imports and older versions: an unexpected value reads as the default.
 */
export interface UiSettings {
  'ui.locale': Locale;
  /** The draft the popup fills pages from. */
  'ui.currentDraft': string | null;
  /** Per draft, the revision the user chose to export or print with errors (lib/ui/gate.ts). */
  'ui.gateAccepted': GateAccepted;
}

const defaults: UiSettings = { 'ui.locale': 'zh-CN', 'ui.currentDraft': null, 'ui.gateAccepted': {} };

const valid: { [K in keyof UiSettings]: (v: unknown) => v is UiSettings[K] } = {
  'ui.locale': (v): v is Locale => v === 'zh-CN' || v === 'en',
  'ui.currentDraft': (v): v is string | null => v === null || typeof v === 'string',
  'ui.gateAccepted': (v): v is GateAccepted =>
    !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((n) => Number.isInteger(n)),
};

export async function readSetting<K extends keyof UiSettings>(db: GuoyouDB, key: K): Promise<UiSettings[K]> {
  const row = await db.settings.get(key);
  const check = valid[key] as (v: unknown) => v is UiSettings[K];
  return row && check(row.value) ? row.value : defaults[key];
}

export async function writeSetting<K extends keyof UiSettings>(db: GuoyouDB, key: K, value: UiSettings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
