/**
 * Passphrase encryption with Web Crypto (issue 13 §10): AES-GCM-256 with a fresh random 96-bit IV per message, the key
 * from PBKDF2-SHA-256 over the passphrase with a random 128-bit salt. Everything sealed is one small versioned
 * envelope, the same for a draft row at rest and for a backup file:
 *
 *     { v: 1, alg: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iter, salt, iv, ct }   (salt, iv, ct in base64)
 *
 * GCM authenticates: a wrong passphrase (or a changed byte) fails to open instead of yielding garbage, which is the
 * verifier that lets the UI say "口令不对" and write nothing.
 */
import { base64ToBytes, bytesToBase64 } from '../backup/base64';
import { z } from '../forms/zod';

export const ENVELOPE_VERSION = 1;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const KDF_ITERATIONS = 600_000;
/** Readers refuse more (a hostile file must not keep the CPU busy for minutes). */
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export const envelopeSchema = z.object({
  v: z.literal(ENVELOPE_VERSION),
  alg: z.literal('AES-GCM'),
  kdf: z.literal('PBKDF2-SHA-256'),
  iter: z.number().int().min(1).max(MAX_ITERATIONS),
  // 16 to 64 bytes of salt, exactly 12 bytes of IV (base64 lengths).
  salt: z.base64().min(24).max(88),
  iv: z.base64().length(16),
  // At least the 16-byte GCM tag.
  ct: z.base64().min(24),
});

export type Envelope = z.output<typeof envelopeSchema>;

/** What a key was derived with; stored beside what it sealed so a reader can derive it again. */
export interface KdfParams {
  iter: number;
  salt: string;
}

/** The passphrase did not open the envelope (or the envelope was altered): GCM's tag did not verify. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase');
    this.name = 'WrongPassphraseError';
  }
}

const encoder = new TextEncoder();

function random(bytes: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(bytes));
}

/** Fresh KDF parameters: a random salt and the default iteration count (tests may pass fewer). */
export function newKdfParams(iter: number = KDF_ITERATIONS): KdfParams {
  return { iter, salt: bytesToBase64(random(SALT_BYTES)) };
}

/**
 * The 256 key bits for `passphrase` (NFC-normalised, so the same characters typed through different input methods
 * give the same key). Raw bits rather than a key, so the extension can keep them in `chrome.storage.session`.
 */
export async function deriveKeyBits(passphrase: string, { iter, salt }: KdfParams): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(base64ToBytes(salt)), iterations: iter },
    material,
    256,
  );
  return new Uint8Array(bits);
}

/** An AES-GCM key (not extractable) from bits made by `deriveKeyBits`. */
export function importAesKey(bits: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bits, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** A key with the parameters it was derived with: what sealing needs. */
export interface SealKey {
  key: CryptoKey;
  params: KdfParams;
}

export async function deriveSealKey(passphrase: string, params: KdfParams): Promise<SealKey> {
  return { key: await importAesKey(await deriveKeyBits(passphrase, params)), params };
}

function aad(context: string | undefined): { additionalData?: Uint8Array<ArrayBuffer> } {
  return context === undefined ? {} : { additionalData: encoder.encode(context) };
}

/**
 * Encrypt `plaintext` under `key` with a fresh IV. `context` (additional authenticated data, not stored) binds the
 * envelope to where it belongs — a draft's id — so it cannot be moved to another row and still open.
 */
export async function sealBytes({ key, params }: SealKey, plaintext: Uint8Array<ArrayBuffer>, context?: string): Promise<Envelope> {
  const iv = random(IV_BYTES);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, ...aad(context) }, key, plaintext);
  return {
    v: ENVELOPE_VERSION,
    alg: 'AES-GCM',
    kdf: 'PBKDF2-SHA-256',
    iter: params.iter,
    salt: params.salt,
    iv: bytesToBase64(iv),
    ct: bytesToBase64(ct),
  };
}

/** Decrypt an envelope with `key`; `WrongPassphraseError` when the key (or the context) does not match. */
export async function openBytes(key: CryptoKey, envelope: Envelope, context?: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(base64ToBytes(envelope.iv)), ...aad(context) },
      key,
      new Uint8Array(base64ToBytes(envelope.ct)),
    );
    return new Uint8Array(plain);
  } catch (error) {
    if ((error as { name?: unknown })?.name === 'OperationError') throw new WrongPassphraseError();
    throw error;
  }
}

export async function sealJson(key: SealKey, value: unknown, context?: string): Promise<Envelope> {
  return sealBytes(key, encoder.encode(JSON.stringify(value)), context);
}

export async function openJson(key: CryptoKey, envelope: Envelope, context?: string): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await openBytes(key, envelope, context)));
}

/** Is `value` an envelope this version can open? (A shape check; opening it still needs the passphrase.) */
export function isEnvelope(value: unknown): value is Envelope {
  return envelopeSchema.safeParse(value).success;
}

/**
 * Seal text or bytes with a passphrase alone (new salt): a backup file. `context`, as for `sealBytes`, binds the
 * envelope to what it says it holds (a protected backup zip), and must be given again to open it.
 */
export async function sealWithPassphrase(
  passphrase: string,
  plaintext: string | Uint8Array<ArrayBuffer>,
  iter: number = KDF_ITERATIONS,
  context?: string,
): Promise<Envelope> {
  const bytes = typeof plaintext === 'string' ? encoder.encode(plaintext) : plaintext;
  return sealBytes(await deriveSealKey(passphrase, newKdfParams(iter)), bytes, context);
}

/** The bytes `sealWithPassphrase` sealed; `WrongPassphraseError` for a wrong passphrase (or another context). */
export async function openBytesWithPassphrase(passphrase: string, envelope: Envelope, context?: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = await deriveSealKey(passphrase, envelope);
  return openBytes(key.key, envelope, context);
}

/** Open the text `sealWithPassphrase` sealed; `WrongPassphraseError` for a wrong passphrase. */
export async function openWithPassphrase(passphrase: string, envelope: Envelope): Promise<string> {
  return new TextDecoder().decode(await openBytesWithPassphrase(passphrase, envelope));
}

/** The shortest passphrase accepted for new protection (an old one is accepted as it is). */
export const MIN_PASSPHRASE = 8;

/** Why a new passphrase (typed twice) is not accepted, or undefined when it is. */
export function newPassphraseProblem(passphrase: string, repeat: string): 'tooShort' | 'mismatch' | undefined {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE) return 'tooShort';
  return passphrase.normalize('NFC') === repeat.normalize('NFC') ? undefined : 'mismatch';
}
