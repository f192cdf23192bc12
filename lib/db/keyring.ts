import { base64ToBytes, bytesToBase64 } from '../backup/base64';
import {
  deriveKeyBits,
  importAesKey,
  openBytes,
  sealBytes,
  WrongPassphraseError,
  type Envelope,
  type KdfParams,
  type SealKey,
} from '../crypto/envelope';
import { bilingual, DbError } from './errors';

/** The `vault` table's one row while drafts are encrypted: how their key is derived, and a check value sealed with it. */
export interface LockRow extends KdfParams {
  key: 'lock';
  /** `CHECK_TEXT` sealed with the key: opening it is how a passphrase is verified before anything is read or written. */
  check: Envelope;
}

const CHECK_TEXT = 'guoyou-vault-check';
const CHECK_CONTEXT = 'vault:lock';

/**
 * Drafts are encrypted and this page does not have the key (or has the key of a passphrase changed since, in another
 * tab): unlock first. Nothing was read or written.
 */
export class VaultLockedError extends DbError {
  constructor() {
    super(bilingual('vault.lockedHere'));
    this.name = 'VaultLockedError';
  }
}

/** Where an unlocked key is kept beyond one page: the extension's `chrome.storage.session` (memory, this session). */
export interface KeyStore {
  get(): Promise<{ salt: string; bits: string } | undefined>;
  set(value: { salt: string; bits: string }): Promise<void>;
  clear(): Promise<void>;
  /** Another page unlocked or locked. */
  onChange(listener: () => void): void;
}

export type VaultStatus = 'loading' | 'off' | 'locked' | 'unlocked';

/** Derive the key for `passphrase` under `params` and check it against `check`; WrongPassphraseError if it does not open. */
async function verifiedKey(passphrase: string, lock: LockRow): Promise<{ key: SealKey; bits: Uint8Array<ArrayBuffer> }> {
  const bits = await deriveKeyBits(passphrase, lock);
  const key = { key: await importAesKey(bits), params: { iter: lock.iter, salt: lock.salt } };
  await openBytes(key.key, lock.check, CHECK_CONTEXT);
  return { key, bits };
}

/** A new lock row (and its key) for `passphrase`. */
export async function newLock(
  passphrase: string,
  params: KdfParams,
): Promise<{ lock: LockRow; key: SealKey; bits: Uint8Array<ArrayBuffer> }> {
  const bits = await deriveKeyBits(passphrase, params);
  const key = { key: await importAesKey(bits), params };
  const check = await sealBytes(key, new TextEncoder().encode(CHECK_TEXT), CHECK_CONTEXT);
  return { lock: { key: 'lock', iter: params.iter, salt: params.salt, check }, key, bits };
}

/**
 * The drafts' key, in memory only, for one database connection; the seal middleware asks it for the key of each
 * operation. It learns the lock row when the database opens and whenever the vault table changes (another tab may turn
 * encryption on or change the passphrase); a key that does not belong to the stored lock is dropped.
 */
export class Keyring {
  private lock: LockRow | null | undefined;
  private key: SealKey | undefined;
  /** Per transaction: the key its writes use while turning encryption on, changing the passphrase (null: turning off). */
  private readonly overrides = new WeakMap<object, SealKey | null>();
  private readonly listeners = new Set<() => void>();
  /** Keys of plain rows seen while a passphrase is set, by table, waiting to be sealed. */
  private stragglers = new Map<string, Set<unknown>>();
  /** Seals the rows `notePlain` collected (set by `openDb`). */
  onStragglers?: (rows: Map<string, unknown[]>) => Promise<unknown>;

  constructor(private readonly store?: KeyStore) {
    // Another page unlocked or locked: follow what the store holds now (without dropping a key it still holds, so
    // this page never flickers to "locked" on its own unlock).
    store?.onChange(() => void this.follow(store));
  }

  private async follow(store: KeyStore): Promise<void> {
    const kept = await store.get().catch(() => undefined);
    if (this.key && (!kept || kept.salt !== this.key.params.salt)) {
      this.key = undefined;
      this.emit();
    } else if (!this.key && this.lock) await this.adopt(this.lock);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  status(): VaultStatus {
    if (this.lock === undefined) return 'loading';
    if (this.lock === null) return 'off';
    return this.key ? 'unlocked' : 'locked';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The stored lock row (as read now); an unlocked key survives only if it belongs to it. */
  async adopt(lock: LockRow | null, key?: SealKey, bits?: Uint8Array<ArrayBuffer>): Promise<void> {
    this.lock = lock;
    if (key) this.key = key;
    if (!lock || (this.key && (this.key.params.salt !== lock.salt || this.key.params.iter !== lock.iter))) this.key = undefined;
    if (lock && key && bits) await this.store?.set({ salt: lock.salt, bits: bytesToBase64(bits) });
    if (lock && !this.key && this.store) {
      const kept = await this.store.get().catch(() => undefined);
      if (kept?.salt === lock.salt) {
        const restored = {
          key: await importAesKey(new Uint8Array(base64ToBytes(kept.bits))),
          params: { iter: lock.iter, salt: lock.salt },
        };
        if (
          await openBytes(restored.key, lock.check, CHECK_CONTEXT).then(
            () => true,
            () => false,
          )
        )
          this.key = restored;
      }
    }
    if (!lock) await this.store?.clear().catch(() => undefined);
    this.emit();
  }

  /**
   * Take a state at once (inside the transaction that stores it, so no later write of this page sees the old one);
   * returns a function that puts the previous state back if that transaction fails.
   */
  set(lock: LockRow | null, key: SealKey | undefined): () => void {
    const before = { lock: this.lock, key: this.key };
    this.lock = lock;
    this.key = key;
    return () => {
      this.lock = before.lock;
      this.key = before.key;
    };
  }

  /** A plain row of `table` was read while a passphrase is set: seal it soon (once this page has the key). */
  notePlain(table: string, key: unknown): void {
    if (key === undefined) return;
    const first = this.stragglers.size === 0;
    let keys = this.stragglers.get(table);
    if (!keys) this.stragglers.set(table, (keys = new Set()));
    keys.add(key);
    if (first) setTimeout(() => void this.sealStragglers(), 0);
  }

  private async sealStragglers(): Promise<void> {
    if (!this.key || !this.onStragglers) return;
    const found = new Map([...this.stragglers].map(([table, keys]) => [table, [...keys]]));
    this.stragglers = new Map();
    await this.onStragglers(found).catch(() => undefined);
  }

  /** The current lock row (undefined while loading). */
  current(): LockRow | null | undefined {
    return this.lock;
  }

  /** Check `passphrase` against the stored lock; throws WrongPassphraseError. Does not unlock. */
  async verify(passphrase: string): Promise<{ key: SealKey; bits: Uint8Array<ArrayBuffer> }> {
    if (!this.lock) throw new WrongPassphraseError();
    return verifiedKey(passphrase, this.lock);
  }

  /** Unlock with `passphrase`: true when it was right. */
  async unlock(passphrase: string): Promise<boolean> {
    const lock = this.lock;
    if (!lock) return true;
    try {
      const { key, bits } = await verifiedKey(passphrase, lock);
      await this.adopt(lock, key, bits);
      return true;
    } catch (error) {
      if (error instanceof WrongPassphraseError) return false;
      throw error;
    }
  }

  /** Forget the key here and in the session store. */
  async forget(): Promise<void> {
    this.key = undefined;
    await this.store?.clear().catch(() => undefined);
    this.emit();
  }

  /** Writes in `trans` use `key` (null: plaintext), whatever the current state: for re-encrypting in one transaction. */
  override(trans: object, key: SealKey | null): void {
    this.overrides.set(trans, key);
  }

  /** Is `trans` re-encrypting everything (its writes may not match the stored lock until it stores the new one)? */
  isOverridden(trans: object): boolean {
    return this.overrides.has(trans);
  }

  /** The key rows written in `trans` are sealed with, or null to write them as they are. */
  writeKey(trans: object): SealKey | null {
    if (this.overrides.has(trans)) return this.overrides.get(trans)!;
    if (!this.lock) return null;
    if (!this.key) throw new VaultLockedError();
    return this.key;
  }

  /** The key that opens `envelope` (by its salt): the transaction's new key or the current one. */
  readKey(trans: object, envelope: Envelope): CryptoKey {
    for (const k of [this.overrides.get(trans), this.key]) if (k && k.params.salt === envelope.salt) return k.key;
    throw new VaultLockedError();
  }
}
