import { browser } from 'wxt/browser';
import type { GuoyouDB, SiteAdapterRow } from '../db/schema';
import { actingUrl, type Handlers } from '../messaging/router';
import { MessageError } from '../messaging/define';
import type { autofillMessages } from '../messaging/areas/autofill';
import { adapterSchema, exportAdapters, parseAdapterFile, type SiteAdapter } from './adapter-schema';
import { matchesPattern, sitePattern } from './url-pattern';
import { readManagedPolicy } from '../managed/read';
import { bilingual } from '../pdf/text';
import { isManagedAdapter, mergeAdapters } from '../managed/merge';

/** Id of the dynamic content script that runs autofill on sites with a saved adapter. */
export const ADAPTER_SCRIPT_ID = 'guoyou-autofill-adapters';

function toAdapter(row: SiteAdapterRow): SiteAdapter {
  return adapterSchema.parse(row);
}

/** The user's adapters with the organisation's (managed storage) merged in at read time; the policy's win. */
async function allAdapters(db: GuoyouDB) {
  const [rows, { policy }] = await Promise.all([db.siteAdapters.toArray(), readManagedPolicy()]);
  return mergeAdapters(rows.map(toAdapter), policy);
}

/** Managed adapters are the administrator's: the user can neither change nor delete them. */
async function refuseManaged(id: string): Promise<void> {
  if (isManagedAdapter((await readManagedPolicy()).policy, id)) throw new MessageError(bilingual('managed.adapterLocked'));
}

/**
 * Register the autofill content script on every site that has an adapter (and that the user granted), so it can
 * offer the fill there without the popup. The script stays idle until the user acts or an adapter matches.
 */
export async function syncAdapterScripts(db: GuoyouDB): Promise<void> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return;
  const patterns = [...new Set((await allAdapters(db)).map((a) => a.urlPattern))];
  const granted: string[] = [];
  for (const p of patterns) if (await browser.permissions.contains({ origins: [p] }).catch(() => false)) granted.push(p);
  const existing = await scripting.getRegisteredContentScripts({ ids: [ADAPTER_SCRIPT_ID] }).catch(() => []);
  if (existing.length) await scripting.unregisterContentScripts({ ids: [ADAPTER_SCRIPT_ID] });
  if (!granted.length) return;
  await scripting.registerContentScripts([
    {
      id: ADAPTER_SCRIPT_ID,
      matches: granted,
      js: ['content-scripts/autofill.js'],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

/** The background's handlers for the autofill messages. */
export function autofillHandlers(getDb: () => GuoyouDB): Handlers<typeof autofillMessages> {
  const afterChange = () => syncAdapterScripts(getDb()).catch(() => undefined);
  return {
    'autofill.adapters.list': async () => allAdapters(getDb()),
    // A content script gets the adapters of its own page and teaches for its own page, whatever URL it names.
    'autofill.adapters.forUrl': async ({ url: claimed }, sender) => {
      const url = actingUrl(sender, claimed);
      return (await allAdapters(getDb())).filter((a) => matchesPattern(a.urlPattern, url));
    },
    'autofill.adapters.teach': async ({ url: claimed, formId, fieldPath, selector, label, frame }, sender) => {
      const url = actingUrl(sender, claimed);
      const db = getDb();
      const urlPattern = sitePattern(url);
      const id = `taught:${urlPattern}:${formId}`;
      await db.transaction('rw', db.siteAdapters, async () => {
        const row: SiteAdapterRow =
          (await db.siteAdapters.get(id)) ??
          ({ id, name: new URL(url).host, urlPattern, formId, fields: {}, source: 'taught', updatedAt: 0 } satisfies SiteAdapterRow);
        row.fields = { ...row.fields, [fieldPath]: { selector, ...(label ? { label } : {}), ...(frame ? { frame } : {}) } };
        row.updatedAt = Date.now();
        await db.siteAdapters.put(row);
      });
      await afterChange();
      return { id };
    },
    'autofill.adapters.save': async ({ adapter }) => {
      await refuseManaged(adapter.id);
      await getDb().siteAdapters.put(adapter);
      await afterChange();
      return { id: adapter.id };
    },
    'autofill.adapters.delete': async ({ id }) => {
      await refuseManaged(id);
      await getDb().siteAdapters.delete(id);
      await afterChange();
      return {};
    },
    'autofill.adapters.import': async ({ json }) => {
      const parsed = parseAdapterFile(json);
      if (!parsed.ok) throw new MessageError(parsed.error);
      const db = getDb();
      await db.transaction('rw', db.siteAdapters, () =>
        db.siteAdapters.bulkPut(parsed.value.map((a) => ({ ...a, source: 'imported' as const }))),
      );
      await afterChange();
      return { count: parsed.value.length };
    },
    // The user's own adapters: the organisation's come from its policy, not from a file passed around.
    'autofill.adapters.export': async () => ({ json: exportAdapters((await getDb().siteAdapters.toArray()).map(toAdapter)) }),
  };
}
