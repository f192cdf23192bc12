import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { openDb } from '../lib/db/db';
import { sessionKeyStore } from '../lib/db/session-key-store';
import { createRouter } from '../lib/messaging/router';
import { protocol } from '../lib/messaging/protocol';
import { autofillHandlers, syncAdapterScripts } from '../lib/autofill/background';
import { pdfHandlers, syncUploadGuard } from '../lib/pdf/background';

export default defineBackground(() => {
  // The service worker only routes messages; it keeps no state in memory (it may be stopped at any time).
  let db: ReturnType<typeof openDb> | undefined;
  // Draft encryption: the key an extension page unlocked is in session storage (lib/db/session-key-store.ts).
  const getDb = () => (db ??= openDb(undefined, { keyStore: sessionKeyStore() }));
  const route = createRouter(protocol, { ...autofillHandlers(getDb), ...pdfHandlers(getDb) });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  // The upload guard runs on every site the user permitted; keep its registration in step with the permissions.
  // Sites with a saved adapter get the autofill script only while their host permission stands.
  const syncGuard = () => {
    void syncUploadGuard().catch(() => undefined);
    void syncAdapterScripts(getDb()).catch(() => undefined);
  };
  browser.runtime.onInstalled.addListener(syncGuard);
  browser.runtime.onStartup.addListener(syncGuard);
  browser.permissions.onAdded.addListener(syncGuard);
  browser.permissions.onRemoved.addListener(syncGuard);
  // The organisation's adapters (managed storage) arrive a moment after start-up and change when the administrator does.
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'managed') syncGuard();
  });
});
