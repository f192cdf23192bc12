import { browser } from 'wxt/browser';
import type { KeyStore } from './keyring';

const ITEM = 'guoyou.vaultKey';

/**
 * The extension keeps an unlocked drafts key in `chrome.storage.session`: in memory, gone when the browser closes,
 * shared by the options page, the popup and the background. Its access level is left at the default,
 * TRUSTED_CONTEXTS, so content scripts (which run in web pages) cannot read it; never call `setAccessLevel`.
 * Undefined where there is no such storage (the static toolkit: the key lives in the page only).
 */
export function sessionKeyStore(): KeyStore | undefined {
  const session = (browser as { storage?: { session?: typeof browser.storage.session } } | undefined)?.storage?.session;
  if (!session) return undefined;
  return {
    get: async () => (await session.get(ITEM))[ITEM] as { salt: string; bits: string } | undefined,
    set: (value) => session.set({ [ITEM]: value }),
    clear: () => session.remove(ITEM),
    onChange(listener) {
      session.onChanged.addListener((changes) => {
        if (ITEM in changes) listener();
      });
    },
  };
}
