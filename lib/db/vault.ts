/**
 * Turning encryption at rest on, changing its passphrase and turning it off (issue 13 §10). Each is one transaction
 * over drafts, revisions, rosters and the vault row: every sealed table's row is rewritten under the new key (or in
 * plain), or — if anything fails — none is, and the lock row stays as it was. Keys are derived before the transaction
 * opens (PBKDF2 takes a while); the transaction's writes get their key through `Keyring.override`.
 */
import { KDF_ITERATIONS, newKdfParams, type SealKey } from '../crypto/envelope';
import { newLock, type LockRow } from './keyring';
import type { IndexableType } from 'dexie';
import type { GuoyouDB } from './schema';
import { SEALED_TABLES } from './seal-middleware';

const LOCK_KEY = 'lock';

/** Read the lock row (the vault table is not sealed). */
export async function readLock(db: GuoyouDB): Promise<LockRow | null> {
  return ((await db.vault.get(LOCK_KEY)) as LockRow | undefined) ?? null;
}

/** Rewrite every row of the sealed tables with `key` (null: plain) and store `lock` (null: none), in one transaction. */
async function rewriteAll(db: GuoyouDB, key: SealKey | null, lock: LockRow | null, expectedSalt: string | null): Promise<number> {
  let revert = () => {};
  const tables = SEALED_TABLES.map((name) => db.table(name));
  try {
    return await db.transaction('rw', [...tables, db.vault], async (tx) => {
      // Another tab may have changed the lock since this one read it: then the caller's passphrase is stale.
      if (((await readLock(db))?.salt ?? null) !== expectedSalt) throw new Error('vault changed meanwhile');
      // Read through the current key, write through the new one: both in this transaction only.
      const rows = await Promise.all(tables.map((table) => table.toArray()));
      db.keyring.override(tx.idbtrans, key);
      for (const [i, table] of tables.entries()) await table.bulkPut(rows[i]!);
      if (lock) await db.vault.put(lock);
      else await db.vault.delete(LOCK_KEY);
      // The new state before the commit: a write of this page queued behind this transaction must not use the old one.
      revert = db.keyring.set(lock, key ?? undefined);
      return rows[SEALED_TABLES.indexOf('drafts')]!.length;
    });
  } catch (error) {
    revert();
    throw error;
  }
}

/** Encrypt every draft and revision under a new passphrase. Returns how many drafts. */
export async function turnOnEncryption(db: GuoyouDB, passphrase: string, iter: number = KDF_ITERATIONS): Promise<number> {
  const { lock, key, bits } = await newLock(passphrase, newKdfParams(iter));
  const n = await rewriteAll(db, key, lock, null);
  await db.keyring.adopt(lock, key, bits);
  return n;
}

/** Re-encrypt everything under `next`, after checking `current`; WrongPassphraseError if it is wrong. */
export async function changePassphrase(db: GuoyouDB, current: string, next: string, iter: number = KDF_ITERATIONS): Promise<number> {
  const old = await db.keyring.verify(current);
  const { lock, key, bits } = await newLock(next, newKdfParams(iter));
  // Reads need the current key even if this page was unlocked some other way.
  await db.keyring.adopt(db.keyring.current() ?? null, old.key, old.bits);
  const n = await rewriteAll(db, key, lock, old.key.params.salt);
  await db.keyring.adopt(lock, key, bits);
  return n;
}

/** Decrypt everything back to plain rows after checking `current`; WrongPassphraseError if it is wrong. */
export async function turnOffEncryption(db: GuoyouDB, current: string): Promise<number> {
  const old = await db.keyring.verify(current);
  await db.keyring.adopt(db.keyring.current() ?? null, old.key, old.bits);
  const n = await rewriteAll(db, null, null, old.key.params.salt);
  await db.keyring.adopt(null);
  return n;
}

/**
 * Seal rows found plain while a passphrase is set (a tab that had not yet learnt of the passphrase saved them, or a
 * roster stored before rosters were sealed): read them through the app's connection and write them back, which seals
 * them.
 */
export async function sealRows(db: GuoyouDB, rows: Map<string, unknown[]>): Promise<void> {
  const tables = SEALED_TABLES.filter((name) => rows.get(name)?.length).map((name) => db.table(name));
  if (!tables.length) return;
  await db.transaction('rw', [...tables, db.vault], async () => {
    for (const table of tables) {
      const found = (await table.bulkGet(rows.get(table.name) as IndexableType[])).filter((r) => r !== undefined);
      await table.bulkPut(found);
    }
  });
}

/**
 * Rosters stored in plain while a passphrase is set (saved before rosters were sealed, or by a tab that had not learnt
 * of the passphrase): the `idNumber` index holds plain rows only, so finding them reads keys, not rows. Sealed once this
 * page has the key.
 */
export async function sealPlainRosters(db: GuoyouDB): Promise<void> {
  if (db.keyring.status() !== 'unlocked') return;
  const ids = await db.rosters.orderBy('idNumber').primaryKeys();
  if (ids.length) await sealRows(db, new Map([['rosters', ids]]));
}
