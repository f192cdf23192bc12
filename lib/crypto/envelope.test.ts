import { describe, expect, it } from 'vitest';
import {
  deriveSealKey,
  isEnvelope,
  KDF_ITERATIONS,
  newKdfParams,
  openJson,
  openWithPassphrase,
  sealJson,
  sealWithPassphrase,
  WrongPassphraseError,
} from './envelope';

const FAST = 1_000;
const secret = '张三 11010519491231002X';

describe('envelope', () => {
  it('the default KDF is PBKDF2-SHA-256 with at least 600,000 iterations and a fresh 16-byte salt', async () => {
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const a = newKdfParams();
    const b = newKdfParams();
    expect(a.iter).toBe(KDF_ITERATIONS);
    expect(atob(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
    const started = performance.now();
    const env = await sealWithPassphrase('correct horse', secret);
    const ms = performance.now() - started;
    expect(env).toMatchObject({ v: 1, alg: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iter: KDF_ITERATIONS });
    console.info(`PBKDF2-SHA-256 × ${KDF_ITERATIONS}: ${ms.toFixed(0)} ms`);
  });

  it('round trips, with a fresh 96-bit IV each time and no plaintext in the envelope', async () => {
    const one = await sealWithPassphrase('口令 passphrase', secret, FAST);
    const two = await sealWithPassphrase('口令 passphrase', secret, FAST);
    expect(atob(one.iv)).toHaveLength(12);
    expect(one.iv).not.toBe(two.iv);
    expect(one.ct).not.toBe(two.ct);
    expect(JSON.stringify(one)).not.toMatch(/张三|11010519491231002X/);
    expect(isEnvelope(one)).toBe(true);
    expect(await openWithPassphrase('口令 passphrase', one)).toBe(secret);
  });

  it('the same characters typed in another Unicode normalisation open it', async () => {
    const env = await sealWithPassphrase('Café', secret, FAST);
    expect(await openWithPassphrase('Cafe\u0301', env)).toBe(secret);
  });

  it.each([
    ['a wrong passphrase', (e: object) => e, 'wrong'],
    ['a changed ciphertext byte', (e: { ct: string }) => ({ ...e, ct: flip(e.ct) }), 'right'],
    ['a changed IV', (e: { iv: string }) => ({ ...e, iv: flip(e.iv) }), 'right'],
  ])('%s fails with WrongPassphraseError, never garbage', async (_label, change, pass) => {
    const env = await sealWithPassphrase('right', secret, FAST);
    await expect(openWithPassphrase(pass, change(env) as typeof env)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('a record sealed for one context does not open in another (no moving ciphertext between rows)', async () => {
    const key = await deriveSealKey('k', newKdfParams(FAST));
    const env = await sealJson(key, { title: secret }, 'drafts:a');
    expect(await openJson(key.key, env, 'drafts:a')).toEqual({ title: secret });
    await expect(openJson(key.key, env, 'drafts:b')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it.each([{ v: 2 }, { iter: 0 }, { iter: 1e9 }, { iv: btoa('short') }, { ct: 'not base64!' }, { alg: 'AES-CBC' }])(
    'refuses an envelope with %j',
    async (change) => {
      const env = await sealWithPassphrase('p', secret, FAST);
      expect(isEnvelope({ ...env, ...change })).toBe(false);
    },
  );
});

function flip(b64: string): string {
  const binary = atob(b64);
  return btoa(String.fromCharCode(binary.charCodeAt(0) ^ 1) + binary.slice(1));
}
