/**
 * Passphrase-protected backups (issue 13 §10): a backup of students' ID numbers travels on USB sticks and by e-mail.
 * The protected file is the plain backup JSON sealed in lib/crypto's envelope, with a marker saying what it is:
 *
 *     { "format": "guoyou-backup-encrypted", "version": 1, "envelope": { v, alg, kdf, iter, salt, iv, ct } }
 */
import { envelopeSchema, isEnvelope, KDF_ITERATIONS, openWithPassphrase, sealWithPassphrase, type Envelope } from '../crypto/envelope';
import { z } from '../forms/zod';

export const SEALED_BACKUP_FORMAT = 'guoyou-backup-encrypted';
export const SEALED_BACKUP_VERSION = 1;

const sealedBackupSchema = z.object({
  format: z.literal(SEALED_BACKUP_FORMAT),
  version: z.number().int().positive(),
  envelope: z.unknown(),
});

/** The protected file's text for a backup's JSON. */
export async function sealBackupJson(json: string, passphrase: string, iter: number = KDF_ITERATIONS): Promise<string> {
  const envelope = await sealWithPassphrase(passphrase, json, iter);
  return JSON.stringify({ format: SEALED_BACKUP_FORMAT, version: SEALED_BACKUP_VERSION, envelope }, null, 2);
}

export type SealedCheck =
  { kind: 'plain' } | { kind: 'sealed'; envelope: Envelope } | { kind: 'newer'; version: number } | { kind: 'damaged' };

/** Is this parsed JSON a protected backup, and can this version open it? */
export function sealedKind(json: unknown): SealedCheck {
  const outer = sealedBackupSchema.safeParse(json);
  if (!outer.success) return { kind: 'plain' };
  if (outer.data.version > SEALED_BACKUP_VERSION) return { kind: 'newer', version: outer.data.version };
  const envelope = envelopeSchema.safeParse(outer.data.envelope);
  return envelope.success && isEnvelope(envelope.data) ? { kind: 'sealed', envelope: envelope.data } : { kind: 'damaged' };
}

/** The backup JSON inside; throws `WrongPassphraseError` for a wrong passphrase. */
export function unsealBackup(envelope: Envelope, passphrase: string): Promise<string> {
  return openWithPassphrase(passphrase, envelope);
}
