import Dexie, { type DBCore, type DBCoreCursor, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { envelopeSchema, openJson, sealJson, type Envelope, type SealKey } from '../crypto/envelope';
import { VaultLockedError, type Keyring } from './keyring';

/**
 * Drafts and rosters at rest (issue 13 §10): a DBCore middleware that seals the personal content of `drafts` and
 * `revisions` — `title` and `data` — and of `rosters` — a student's number, ID number, name and row — into one
 * envelope (`sealed`) on the way to IndexedDB and opens it on the way back, so the rest of the code reads and writes
 * plain rows. Only ids, form ids, revs, timestamps, flags and a roster's name (its file name) stay readable: what the
 * indexes need. Each envelope is bound to its row (additional data: table and id; a roster row, whose id IndexedDB
 * assigns only when it is added, to its roster), so one row's ciphertext cannot be moved into another draft or roster.
 *
 * A sealed roster row has no `studentNo` or `idNumber` of its own, so it is in neither index: those indexes hold plain
 * rows only (encryption off, or rows not yet sealed), and a lookup by student reads the roster whole (lib/verify/run.ts).
 *
 * Web Crypto is asynchronous and an IndexedDB transaction commits when it has nothing to do, so every crypto step runs
 * under `Dexie.waitFor`, which keeps the transaction alive meanwhile. With no lock row the rows pass through as they
 * are; with a lock and no key, reads of sealed rows and all writes fail with `VaultLockedError` — never a half list.
 */

type Row = Record<string, unknown>;

interface SealedTable {
  /** The additional data that binds an envelope to its row. */
  context: (row: Row) => string;
  /** The personal fields, sealed together. */
  personal: readonly string[];
}

/** The tables sealed. */
const SEALED: Record<string, SealedTable> = {
  drafts: { context: (row) => `drafts:${String(row.id)}`, personal: ['title', 'data'] },
  revisions: { context: (row) => `revisions:${String(row.draftId)}:${String(row.rev)}`, personal: ['title', 'data'] },
  rosters: { context: (row) => `rosters:${String(row.rosterId)}`, personal: ['studentNo', 'idNumber', 'name', 'data'] },
};

/** The tables whose rows the seal middleware encrypts (vault.ts rewrites them all when the passphrase changes). */
export const SEALED_TABLES = Object.keys(SEALED) as Array<'drafts' | 'revisions' | 'rosters'>;

function sealedOf(row: unknown): Envelope | undefined {
  const sealed = row && typeof row === 'object' ? (row as Row).sealed : undefined;
  return sealed === undefined ? undefined : envelopeSchema.parse(sealed);
}

/**
 * In a transaction that includes the vault table (every write of lib/db), check that `key` (null: plain) is what the
 * stored lock row says now: another tab may have turned encryption on or changed the passphrase an instant ago, and
 * this page's keyring has not heard yet. A transaction without the vault table in scope is not checked.
 */
function checkLock(core: DBCore, trans: DBCoreTransaction, key: SealKey | null): Promise<void> {
  let read: Promise<unknown>;
  try {
    // Throws while an old version is being upgraded (no vault table yet), or when the table is out of scope.
    read = core.table('vault').get({ trans, key: 'lock' });
  } catch {
    return Promise.resolve();
  }
  return read.then(
    (lock) => {
      if ((((lock as Row | undefined)?.salt as string | undefined) ?? null) !== (key?.params.salt ?? null)) throw new VaultLockedError();
    },
    (error: unknown) => {
      if ((error as { name?: unknown })?.name !== 'NotFoundError') throw error;
    },
  );
}

function sealTable(down: DBCoreTable, core: DBCore, { context, personal }: SealedTable, keyring: Keyring): DBCoreTable {
  const open = async (trans: object, row: unknown): Promise<unknown> => {
    const envelope = sealedOf(row);
    if (!envelope) {
      // A plain row while a passphrase is set: written by a tab that had not yet learnt of it. Have it sealed.
      if (row && keyring.current()) keyring.notePlain(down.name, (row as Row).id);
      return row;
    }
    const { sealed: _sealed, ...rest } = row as Row;
    const inner = (await openJson(keyring.readKey(trans, envelope), envelope, context(rest))) as Row;
    const plain: Row = { ...rest };
    for (const field of personal) plain[field] = inner[field];
    return plain;
  };
  const openAll = (trans: object, rows: unknown[]) => Promise.all(rows.map((r) => open(trans, r)));

  return {
    ...down,
    mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return down.mutate(req);
      const key = keyring.writeKey(req.trans);
      const checked = keyring.isOverridden(req.trans) ? Promise.resolve() : checkLock(core, req.trans, key);
      if (!key) return Dexie.waitFor(checked).then(() => down.mutate(req));
      const sealing = checked.then(() =>
        Promise.all(
          req.values.map(async (value: Row) => {
            const rest: Row = { ...value };
            const inner: Row = {};
            for (const field of personal) {
              inner[field] = rest[field];
              delete rest[field];
            }
            delete rest.sealed;
            return { ...rest, sealed: await sealJson(key, inner, context(rest)) };
          }),
        ),
      );
      // The change spec of a `modify` names plain fields: the sealed rows are the whole truth below this layer.
      const { changeSpec: _spec, criteria: _criteria, ...plainReq } = req as typeof req & { changeSpec?: unknown; criteria?: unknown };
      return Dexie.waitFor(sealing).then((values) => down.mutate({ ...plainReq, values } as typeof req));
    },
    get(req) {
      return Dexie.waitFor(down.get(req).then((row) => open(req.trans, row)));
    },
    getMany(req) {
      return Dexie.waitFor(down.getMany(req).then((rows) => openAll(req.trans, rows)));
    },
    query(req) {
      if (!req.values) return down.query(req);
      return Dexie.waitFor(down.query(req).then(async (res) => ({ ...res, result: await openAll(req.trans, res.result) })));
    },
    openCursor(req) {
      if (!req.values) return down.openCursor(req);
      // A cursor hands out values synchronously, so it cannot wait for decryption: sealed values are refused rather
      // than shown half. (The app reads these tables with get/query; Dexie uses cursors only for filters and `each`.)
      return down.openCursor(req).then((cursor) => cursor && guardCursor(cursor));
    },
  };
}

function guardCursor(cursor: DBCoreCursor): DBCoreCursor {
  return new Proxy(cursor, {
    get(target, prop) {
      if (prop === 'value' && sealedOf(target.value)) throw new Error('sealed rows cannot be read through a cursor');
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/**
 * The middleware for `db.use`. Its level puts it below Dexie's cache and observability layers (they keep plain rows
 * in memory) and right above IndexedDB, so nothing below it ever holds a name or an ID number.
 */
export function sealMiddleware(keyring: Keyring): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'guoyou-seal',
    level: -0.5,
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        const sealed = SEALED[name];
        return sealed ? sealTable(table, down, sealed, keyring) : table;
      },
    }),
  };
}
