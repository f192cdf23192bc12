import * as asn1js from 'asn1js';
import { Certificate, ContentInfo, IssuerAndSerialNumber, SignedData, type SignerInfo } from 'pkijs';
import { sm2, sm3 } from 'sm-crypto';
import type { SignatureAlgorithm, SignatureCheck } from './types';

/** Digest algorithms by OID: Web Crypto names, and SM3 (GB/T 32905) through sm-crypto. */
const DIGESTS: Readonly<Record<string, 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512' | 'SM3'>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '1.2.156.10197.1.401': 'SM3',
};

const OID = {
  messageDigest: '1.2.840.113549.1.9.4',
  rsa: '1.2.840.113549.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsa: '1.2.840.10045.4',
  sm2Curve: '1.2.156.10197.1.301',
  sm2WithSm3: '1.2.156.10197.1.501',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
} as const;

/** GB/T 32918 signatures without a distinguishing identifier use this default user id. */
const SM2_DEFAULT_USER_ID = '1234567812345678';

const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The signed bytes: the file without the `/Contents` hex string, as `/ByteRange [a b c d]` says. */
function signedBytes(file: Uint8Array, range: readonly number[]): Uint8Array | undefined {
  const [a, b, c, d] = range;
  if (range.length !== 4 || [a, b, c, d].some((n) => n === undefined || !Number.isInteger(n) || n < 0)) return undefined;
  if (a! + b! > c! || c! + d! > file.length) return undefined;
  // The gap must be exactly the hex string `<…>` of /Contents: anything else in it would be unsigned content.
  if (file[a! + b!] !== 0x3c || file[c! - 1] !== 0x3e) return undefined;
  const out = new Uint8Array(b! + d!);
  out.set(file.subarray(a!, a! + b!), 0);
  out.set(file.subarray(c!, c! + d!), b!);
  return out;
}

function nameAttribute(cert: Certificate, oid: string): string | undefined {
  const tv = cert.subject.typesAndValues.find((x) => x.type === oid);
  const v = tv?.value.valueBlock as { value?: unknown } | undefined;
  return typeof v?.value === 'string' ? v.value.trim() || undefined : undefined;
}

function signerCertificate(signed: SignedData, signer: SignerInfo): Certificate | undefined {
  const certs = (signed.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate);
  if (signer.sid instanceof IssuerAndSerialNumber) {
    const sid = signer.sid;
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? certs[0];
  }
  return certs[0];
}

function algorithmOf(signer: SignerInfo, cert: Certificate): SignatureAlgorithm | undefined {
  const sig = signer.signatureAlgorithm.algorithmId;
  const key = cert.subjectPublicKeyInfo.algorithm;
  const curve = key.algorithmParams instanceof asn1js.ObjectIdentifier ? key.algorithmParams.valueBlock.toString() : undefined;
  if (sig === OID.sm2WithSm3 || sig.startsWith(OID.sm2Curve) || curve === OID.sm2Curve) return 'SM2';
  if (sig.startsWith(OID.rsa)) return 'RSA';
  if (sig.startsWith(OID.ecdsa) || key.algorithmId === OID.ecPublicKey) return 'ECDSA';
  return undefined;
}

async function digest(name: (typeof DIGESTS)[string], data: Uint8Array): Promise<Uint8Array> {
  if (name === 'SM3') return Uint8Array.from(sm3(data).match(/../g) ?? [], (h) => parseInt(h, 16));
  return new Uint8Array(await globalThis.crypto.subtle.digest(name, data as Uint8Array<ArrayBuffer>));
}

/** SM2 with SM3 over the signed attributes (GM/T 0010 CMS), with the default user id. */
function verifySm2(signer: SignerInfo, cert: Certificate, attrs: Uint8Array): boolean {
  const publicKey = toHex(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  const signature = toHex(signer.signature.valueBlock.valueHexView);
  return sm2.doVerifySignature(Array.from(attrs), signature, publicKey, { der: true, hash: true, userId: SM2_DEFAULT_USER_ID });
}

/**
 * Check one signature: `file` is the whole PDF, `range` its `/ByteRange`, `contents` the decoded `/Contents` (a DER
 * CMS SignedData, zero-padded). Never throws: what cannot be read is `unverifiable`.
 */
export async function checkSignature(file: Uint8Array, range: readonly number[], contents: Uint8Array): Promise<SignatureCheck> {
  const appended = range.length === 4 && range[2]! + range[3]! < file.length;
  const unverifiable: SignatureCheck = { integrity: 'unverifiable', appended };
  const data = signedBytes(file, range);
  if (!data) return unverifiable;
  let signed: SignedData;
  try {
    const parsed = asn1js.fromBER(contents);
    if (parsed.offset === -1) return unverifiable;
    signed = new SignedData({ schema: new ContentInfo({ schema: parsed.result }).content });
  } catch {
    return unverifiable;
  }
  const signer = signed.signerInfos[0];
  const cert = signer && signerCertificate(signed, signer);
  if (!signer || !cert) return unverifiable;
  const who = {
    appended,
    certificateName: nameAttribute(cert, OID.commonName),
    certificateOrganisation: nameAttribute(cert, OID.organisation),
  };
  const algorithm = algorithmOf(signer, cert);
  const digestName = DIGESTS[signer.digestAlgorithm.algorithmId];
  if (!algorithm || !digestName) return { ...who, integrity: 'unverifiable' };
  try {
    const attrs = signer.signedAttrs;
    // Detached signatures of PDFs sign their attributes; one signing the bytes directly is verified on them.
    if (attrs) {
      const md = attrs.attributes.find((a) => a.type === OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
      if (!md) return { ...who, algorithm, integrity: 'unverifiable' };
      if (!equalBytes(await digest(digestName, data), md.valueBlock.valueHexView)) return { ...who, algorithm, integrity: 'changed' };
    }
    let ok: boolean;
    if (algorithm === 'SM2') {
      ok = verifySm2(signer, cert, attrs ? new Uint8Array(attrs.encodedValue) : data);
    } else {
      const result = await signed.verify({ signer: 0, data: data.slice().buffer, checkChain: false, extendedMode: true });
      ok = result.signatureVerified === true;
    }
    return { ...who, algorithm, integrity: ok ? 'unchanged' : 'changed' };
  } catch (e) {
    // pkijs reports a digest mismatch of unsigned-attribute signatures as an error; anything else is unreadable.
    const code = (e as { code?: number; signatureVerified?: boolean | null }).signatureVerified === false ? 'changed' : 'unverifiable';
    return { ...who, algorithm, integrity: code };
  }
}
