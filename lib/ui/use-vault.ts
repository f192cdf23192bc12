import { useEffect, useState } from 'preact/hooks';
import type { VaultStatus } from '../db/keyring';
import type { GuoyouDB } from '../db/schema';

/** The drafts' encryption state for a page: loading until the database is open, then off, locked or unlocked. */
export function useVaultStatus(db: GuoyouDB): VaultStatus {
  const [status, setStatus] = useState<VaultStatus>(() => db.keyring.status());
  useEffect(() => {
    const update = () => setStatus(db.keyring.status());
    const unsubscribe = db.keyring.subscribe(update);
    // Opening the database reads the lock row (and, in the extension, a key unlocked in another page).
    // If the database cannot be opened, let the app render: its own queries then show what went wrong.
    void db.open().then(update, () => setStatus((s) => (s === 'loading' ? 'off' : s)));
    update();
    return unsubscribe;
  }, [db]);
  return status;
}
