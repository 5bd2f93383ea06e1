import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateIssuerKey,
  type IssuerKeyError,
  issuerDidDocument,
  rewrapIssuerKey,
  type StoredIssuerKey,
  unlockIssuerKey,
} from '#keys.ts';

const issuerId = 'did:web:kmg.example.id:issuers:pt-unggul-semesta';
const kek = () => ({ id: 'kek-2025', key: randomBytes(32) });

async function rejection(promise: Promise<unknown>): Promise<IssuerKeyError> {
  try {
    await promise;
  } catch (error) {
    return error as IssuerKeyError;
  }
  throw new Error('expected a rejection');
}

describe('generateIssuerKey', () => {
  it('returns an Ed25519 Multikey public key and a sealed secret that names its KEK', async () => {
    const key = await generateIssuerKey({ kek: kek() });
    expect(key.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(key.keyId).toMatch(/^key-[A-Za-z0-9_-]{12}$/);
    expect(key.encryptedSecret.split('.')).toHaveLength(5);
    expect(key.encryptedSecret.startsWith('v1.kek-2025.')).toBe(true);
    expect(key.encryptedSecret).not.toContain(key.publicKeyMultibase);
  });

  it('uses the key id it is given', async () => {
    expect((await generateIssuerKey({ kek: kek(), keyId: 'key-2025-11' })).keyId).toBe('key-2025-11');
  });

  it('refuses a KEK that is not 32 bytes', async () => {
    await expect(generateIssuerKey({ kek: { id: 'short', key: randomBytes(16) } })).rejects.toMatchObject({
      code: 'KEK_INVALID',
    });
  });
});

describe('unlockIssuerKey', () => {
  it('decrypts with the right KEK into a signer for <issuerId>#<keyId>', async () => {
    const secretKek = kek();
    const stored = await generateIssuerKey({ kek: secretKek });
    const signingKey = await unlockIssuerKey({ issuerId, key: stored, kek: secretKek });
    expect(signingKey.verificationMethod).toBe(`${issuerId}#${stored.keyId}`);
    expect(signingKey.signer.algorithm).toBe('Ed25519');
    const signature = await signingKey.signer.sign({ data: new TextEncoder().encode('halo') });
    expect(signature).toHaveLength(64);
  });

  it('fails with a wrong KEK of the same id', async () => {
    const stored = await generateIssuerKey({ kek: kek() });
    const error = await rejection(unlockIssuerKey({ issuerId, key: stored, kek: kek() }));
    expect(error.code).toBe('SECRET_UNREADABLE');
  });

  it('fails when no KEK with the sealed id is given', async () => {
    const stored = await generateIssuerKey({ kek: kek() });
    const error = await rejection(
      unlockIssuerKey({ issuerId, key: stored, kek: { id: 'other', key: randomBytes(32) } }),
    );
    expect(error.code).toBe('KEK_NOT_FOUND');
  });

  it('fails when the sealed secret is moved onto another key record', async () => {
    const secretKek = kek();
    const first = await generateIssuerKey({ kek: secretKek });
    const second = await generateIssuerKey({ kek: secretKek });
    const swapped: StoredIssuerKey = { ...second, encryptedSecret: first.encryptedSecret };
    expect((await rejection(unlockIssuerKey({ issuerId, key: swapped, kek: secretKek }))).code).toBe(
      'SECRET_UNREADABLE',
    );
  });

  it('fails on a truncated envelope', async () => {
    const secretKek = kek();
    const stored = await generateIssuerKey({ kek: secretKek });
    const encryptedSecret = stored.encryptedSecret.split('.').slice(0, 4).join('.');
    const error = await rejection(
      unlockIssuerKey({ issuerId, key: { ...stored, encryptedSecret }, kek: secretKek }),
    );
    expect(error.code).toBe('SECRET_MALFORMED');
  });

  it('fails when one ciphertext byte changed', async () => {
    const secretKek = kek();
    const stored = await generateIssuerKey({ kek: secretKek });
    const [version, kekId, iv, ciphertext = '', tag] = stored.encryptedSecret.split('.');
    const bytes = Buffer.from(ciphertext, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    const encryptedSecret = [version, kekId, iv, bytes.toString('base64url'), tag].join('.');
    const error = await rejection(
      unlockIssuerKey({ issuerId, key: { ...stored, encryptedSecret }, kek: secretKek }),
    );
    expect(error.code).toBe('SECRET_UNREADABLE');
  });
});

describe('rewrapIssuerKey', () => {
  it('re-seals under a new KEK so the old KEK can be retired', async () => {
    const oldKek = kek();
    const newKek = { id: 'kek-2026', key: randomBytes(32) };
    const stored = await generateIssuerKey({ kek: oldKek });
    const rewrapped = rewrapIssuerKey({ key: stored, from: oldKek, to: newKek });
    expect(rewrapped.encryptedSecret.startsWith('v1.kek-2026.')).toBe(true);
    expect(rewrapped.publicKeyMultibase).toBe(stored.publicKeyMultibase);
    const signingKey = await unlockIssuerKey({ issuerId, key: rewrapped, kek: [oldKek, newKek] });
    expect(signingKey.keyId).toBe(stored.keyId);
    expect((await rejection(unlockIssuerKey({ issuerId, key: rewrapped, kek: oldKek }))).code).toBe(
      'KEK_NOT_FOUND',
    );
  });
});

describe('issuerDidDocument', () => {
  it('lists current and retired keys as assertion methods and keeps a revoked key out of them', () => {
    const document = issuerDidDocument({
      issuerId,
      keys: [
        { keyId: 'key-2024', publicKeyMultibase: 'z6MkOld', revokedAt: '2025-06-01T00:00:00Z' },
        { keyId: 'key-2025', publicKeyMultibase: 'z6MkRetired' },
        { keyId: 'key-2026', publicKeyMultibase: 'z6MkCurrent' },
      ],
    });
    expect(document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: issuerId,
      verificationMethod: [
        {
          id: `${issuerId}#key-2024`,
          type: 'Multikey',
          controller: issuerId,
          publicKeyMultibase: 'z6MkOld',
          revoked: '2025-06-01T00:00:00Z',
        },
        {
          id: `${issuerId}#key-2025`,
          type: 'Multikey',
          controller: issuerId,
          publicKeyMultibase: 'z6MkRetired',
        },
        {
          id: `${issuerId}#key-2026`,
          type: 'Multikey',
          controller: issuerId,
          publicKeyMultibase: 'z6MkCurrent',
        },
      ],
      assertionMethod: [`${issuerId}#key-2025`, `${issuerId}#key-2026`],
    });
  });
});
