/// <reference path="./vendor.d.ts" />
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { verificationMethodId } from '#did.ts';

/** AES-256 key-encryption key (KEK) from the caller's secret store; `id` is recorded in each sealed key. */
export type KeyEncryptionKey = { id: string; key: Uint8Array };

/** An issuer key as the database keeps it: the public half in clear, the secret sealed under a KEK. */
export type StoredIssuerKey = {
  /** Fragment of the verification method id (`<issuerId>#<keyId>`); stable for the key's life. */
  keyId: string;
  publicKeyMultibase: string;
  /** `v1.<kekId>.<iv>.<ciphertext>.<tag>` (base64url), AES-256-GCM bound to keyId and public key. */
  encryptedSecret: string;
};

/**
 * An issuer key as its DID document lists it. Retired keys (no longer used to sign) stay listed so
 * old credentials verify; a key with `revokedAt` (compromised) stays visible but loses
 * `assertionMethod`, so every credential it signed fails the issuer check.
 */
export type PublishedIssuerKey = { keyId: string; publicKeyMultibase: string; revokedAt?: string | null };

/** A decrypted key ready to sign; keep it in memory only. */
export type SigningKey = {
  issuerId: string;
  keyId: string;
  verificationMethod: string;
  signer: { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
};

/** The issuer's DID document (W3C DID 1.0 with Multikey verification methods). */
export type IssuerDidDocument = {
  '@context': string[];
  id: string;
  verificationMethod: Array<{
    id: string;
    type: 'Multikey';
    controller: string;
    publicKeyMultibase: string;
    revoked?: string;
  }>;
  assertionMethod: string[];
};

export type IssuerKeyErrorCode = 'KEK_INVALID' | 'KEK_NOT_FOUND' | 'SECRET_MALFORMED' | 'SECRET_UNREADABLE';

/** Key handling failed; `code` says why (wrong KEK, tampered envelope...). */
export class IssuerKeyError extends Error {
  readonly code: IssuerKeyErrorCode;
  constructor(code: IssuerKeyErrorCode, message: string) {
    super(message);
    this.name = 'IssuerKeyError';
    this.code = code;
  }
}

const ENVELOPE_VERSION = 'v1';
const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

function assertKek(kek: KeyEncryptionKey): void {
  if (!/^[A-Za-z0-9_-]+$/.test(kek.id)) {
    throw new IssuerKeyError('KEK_INVALID', 'KEK id must be letters, digits, "_" or "-".');
  }
  if (kek.key.byteLength !== 32) {
    throw new IssuerKeyError('KEK_INVALID', 'KEK must be 32 bytes (AES-256).');
  }
}

// Binding the envelope to its key id and public key stops a sealed secret from being swapped onto
// another key record unnoticed.
function associatedData({
  keyId,
  publicKeyMultibase,
}: {
  keyId: string;
  publicKeyMultibase: string;
}): Buffer {
  return Buffer.from(`kmg-issuer-key:${ENVELOPE_VERSION}:${keyId}:${publicKeyMultibase}`, 'utf8');
}

function seal({
  secret,
  kek,
  keyId,
  publicKeyMultibase,
}: {
  secret: string;
  kek: KeyEncryptionKey;
  keyId: string;
  publicKeyMultibase: string;
}): string {
  assertKek(kek);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek.key, iv);
  cipher.setAAD(associatedData({ keyId, publicKeyMultibase }));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [ENVELOPE_VERSION, kek.id, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

function open({ key, keks }: { key: StoredIssuerKey; keks: KeyEncryptionKey[] }): string {
  const parts = key.encryptedSecret.split('.');
  const [version, kekId, iv, ciphertext, tag] = parts;
  if (parts.length !== 5 || version !== ENVELOPE_VERSION || !kekId || !iv || !ciphertext || !tag) {
    throw new IssuerKeyError('SECRET_MALFORMED', `Key ${key.keyId}: not a ${ENVELOPE_VERSION} envelope.`);
  }
  const kek = keks.find((candidate) => candidate.id === kekId);
  if (!kek) {
    throw new IssuerKeyError(
      'KEK_NOT_FOUND',
      `Key ${key.keyId} is sealed under KEK "${kekId}", which was not given.`,
    );
  }
  assertKek(kek);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(associatedData(key));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new IssuerKeyError(
      'SECRET_UNREADABLE',
      `Key ${key.keyId}: cannot decrypt with KEK "${kekId}" (wrong KEK or tampered record).`,
    );
  }
}

/** Default key id: derived from the public key, so it is stable and needs no counter in the database. */
function defaultKeyId(publicKeyMultibase: string): string {
  return `key-${createHash('sha256').update(publicKeyMultibase).digest('base64url').slice(0, 12)}`;
}

/** Generates an Ed25519 issuer key (Multikey) and seals its secret under the KEK. */
export async function generateIssuerKey({
  kek,
  keyId,
}: {
  kek: KeyEncryptionKey;
  keyId?: string;
}): Promise<StoredIssuerKey> {
  assertKek(kek);
  const keyPair = await Ed25519Multikey.generate();
  const { publicKeyMultibase, secretKeyMultibase } = await keyPair.export({
    publicKey: true,
    secretKey: true,
    includeContext: false,
  });
  if (!secretKeyMultibase) throw new Error('Ed25519 key generation returned no secret key.');
  const id = keyId ?? defaultKeyId(publicKeyMultibase);
  if (!/^[A-Za-z0-9._-]+$/.test(id)) throw new TypeError(`Key id must be URL-fragment safe: ${id}`);
  return {
    keyId: id,
    publicKeyMultibase,
    encryptedSecret: seal({ secret: secretKeyMultibase, kek, keyId: id, publicKeyMultibase }),
  };
}

/**
 * Decrypts a stored key for signing. `kek` may be the whole keyring during KEK rotation: the one whose
 * id the envelope names is used. Throws `IssuerKeyError` for a wrong or missing KEK.
 */
export async function unlockIssuerKey({
  issuerId,
  key,
  kek,
}: {
  issuerId: string;
  key: StoredIssuerKey;
  kek: KeyEncryptionKey | KeyEncryptionKey[];
}): Promise<SigningKey> {
  const secretKeyMultibase = open({ key, keks: Array.isArray(kek) ? kek : [kek] });
  const verificationMethod = verificationMethodId({ issuerId, keyId: key.keyId });
  const keyPair = await Ed25519Multikey.from({
    type: 'Multikey',
    id: verificationMethod,
    controller: issuerId,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase,
  });
  const signer = keyPair.signer();
  // A secret that does not match the published public key would sign credentials nobody can verify.
  const probe = new TextEncoder().encode('kmg-key-check');
  const isMatching = await keyPair
    .verifier()
    .verify({ data: probe, signature: await signer.sign({ data: probe }) });
  if (!isMatching) {
    throw new IssuerKeyError('SECRET_UNREADABLE', `Key ${key.keyId}: secret does not match its public key.`);
  }
  return { issuerId, keyId: key.keyId, verificationMethod, signer };
}

/** Re-seals a stored key under a new KEK (KEK rotation); the signing key itself is unchanged. */
export function rewrapIssuerKey({
  key,
  from,
  to,
}: {
  key: StoredIssuerKey;
  from: KeyEncryptionKey | KeyEncryptionKey[];
  to: KeyEncryptionKey;
}): StoredIssuerKey {
  const secret = open({ key, keks: Array.isArray(from) ? from : [from] });
  return {
    ...key,
    encryptedSecret: seal({ secret, kek: to, keyId: key.keyId, publicKeyMultibase: key.publicKeyMultibase }),
  };
}

/**
 * The issuer's DID document, served at `issuerDidDocumentUrl`. Lists every key, current and retired,
 * in `verificationMethod` and `assertionMethod`; revoked keys keep their entry (with `revoked`) but
 * leave `assertionMethod`.
 */
export function issuerDidDocument({
  issuerId,
  keys,
}: {
  issuerId: string;
  keys: PublishedIssuerKey[];
}): IssuerDidDocument {
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: issuerId,
    verificationMethod: keys.map((key) => ({
      id: verificationMethodId({ issuerId, keyId: key.keyId }),
      type: 'Multikey',
      controller: issuerId,
      publicKeyMultibase: key.publicKeyMultibase,
      ...(key.revokedAt ? { revoked: key.revokedAt } : {}),
    })),
    assertionMethod: keys
      .filter((key) => !key.revokedAt)
      .map((key) => verificationMethodId({ issuerId, keyId: key.keyId })),
  };
}
