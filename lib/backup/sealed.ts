/**
 * Passphrase-protected backups (issue 13 §10): a backup of students' ID numbers travels on USB sticks and by e-mail.
 * The protected file is the plain backup sealed in lib/crypto's envelope, with a marker saying what it is:
 *
 *     { "format": "guoyou-backup-encrypted", "version": 1, "envelope": { v, alg, kdf, iter, salt, iv, ct } }
 *
 * The sealed content is the backup JSON, or — with `"content": "zip"` — the bytes of the admin backup zip
 * (lib/xlsx/backup-zip.ts: backup.json plus one workbook per draft). A zip's envelope is bound to that content
 * (additional data), so relabelling one kind as the other does not open.
 */
import {
  envelopeSchema,
  isEnvelope,
  KDF_ITERATIONS,
  openBytesWithPassphrase,
  openWithPassphrase,
  sealWithPassphrase,
  type Envelope,
} from '../crypto/envelope';
import { z } from '../forms/zod';

export const SEALED_BACKUP_FORMAT = 'guoyou-backup-encrypted';
export const SEALED_BACKUP_VERSION = 1;

/** What a protected backup holds: the backup JSON (the default, as in every file before zips were sealed) or a zip. */
export type SealedContent = 'json' | 'zip';

/** Additional data of a sealed zip's envelope. */
const ZIP_CONTEXT = 'guoyou-backup:zip';

/**
 * The extension of a protected backup zip. Not `.zip`: the file is JSON around ciphertext, which neither Excel nor an
 * unzipper can open — only this extension and the toolkit, with the passphrase.
 */
export const SEALED_ZIP_EXTENSION = '.gyenc';

const sealedBackupSchema = z.object({
  format: z.literal(SEALED_BACKUP_FORMAT),
  version: z.number().int().positive(),
  content: z.string().default('json'),
  envelope: z.unknown(),
});

function container(envelope: Envelope, content: SealedContent): string {
  // `format` first: a reader can tell a protected backup from the first bytes (lib/xlsx/backup-zip.ts).
  const head = { format: SEALED_BACKUP_FORMAT, version: SEALED_BACKUP_VERSION };
  return JSON.stringify(content === 'json' ? { ...head, envelope } : { ...head, content, envelope }, null, 2);
}

/** The protected file's text for a backup's JSON. */
export async function sealBackupJson(json: string, passphrase: string, iter: number = KDF_ITERATIONS): Promise<string> {
  return container(await sealWithPassphrase(passphrase, json, iter), 'json');
}

/** The protected file's text for an admin backup zip's bytes. */
export async function sealBackupZip(zip: Uint8Array, passphrase: string, iter: number = KDF_ITERATIONS): Promise<string> {
  // A copy Web Crypto accepts whatever buffer the zip writer used.
  return container(await sealWithPassphrase(passphrase, new Uint8Array(zip), iter, ZIP_CONTEXT), 'zip');
}

/** Does this text start like a protected backup? (For size limits before the whole file is parsed.) */
export function looksSealed(head: string): boolean {
  return /^\uFEFF?\s*\{\s*"format"\s*:\s*"guoyou-backup-encrypted"/.test(head);
}

export type SealedCheck =
  | { kind: 'plain' }
  | { kind: 'sealed'; envelope: Envelope; content: SealedContent }
  | { kind: 'newer'; version: number }
  | { kind: 'damaged' };

/** Is this parsed JSON a protected backup, and can this version open it? */
export function sealedKind(json: unknown): SealedCheck {
  const outer = sealedBackupSchema.safeParse(json);
  if (!outer.success) return { kind: 'plain' };
  if (outer.data.version > SEALED_BACKUP_VERSION) return { kind: 'newer', version: outer.data.version };
  const { content } = outer.data;
  const envelope = envelopeSchema.safeParse(outer.data.envelope);
  return envelope.success && isEnvelope(envelope.data) && (content === 'json' || content === 'zip')
    ? { kind: 'sealed', envelope: envelope.data, content }
    : { kind: 'damaged' };
}

/** The backup JSON inside; throws `WrongPassphraseError` for a wrong passphrase. */
export function unsealBackup(envelope: Envelope, passphrase: string): Promise<string> {
  return openWithPassphrase(passphrase, envelope);
}

/** The zip bytes inside a protected backup zip; throws `WrongPassphraseError` for a wrong passphrase. */
export function unsealBackupZip(envelope: Envelope, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  return openBytesWithPassphrase(passphrase, envelope, ZIP_CONTEXT);
}
