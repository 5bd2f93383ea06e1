import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Credential } from '#credential.ts';
import { createDocumentLoader } from '#document-loader.ts';
import { weldingRobotCredentialInput } from '#fixtures.ts';
import { generateIssuerKey, issuerDidDocument, unlockIssuerKey } from '#keys.ts';
import { signCredential } from '#sign.ts';
import { createTestIssuer, type TestIssuer, withValue } from '#testing.ts';
import { verifyCredential } from '#verify.ts';

const now = new Date('2026-01-15T03:00:00Z');
let issuer: TestIssuer;
let credential: Credential;

beforeAll(async () => {
  issuer = await createTestIssuer();
  credential = await issuer.issue(weldingRobotCredentialInput, { statusListIndex: 5 });
});

const verify = (candidate: unknown, at = now) =>
  verifyCredential(candidate, { documentLoader: issuer.documentLoader, now: at });

function changed(mutate: (copy: Record<string, any>) => void): Credential {
  const copy = structuredClone(credential) as Record<string, any>;
  mutate(copy);
  return copy;
}

describe('verifyCredential', () => {
  it('accepts a credential it signed, reporting every check as passed', async () => {
    const result = await verify(credential);
    expect(result).toMatchObject({
      valid: true,
      credentialId: weldingRobotCredentialInput.id,
      issuerId: issuer.issuerId,
      checks: {
        schema: { ok: true, code: 'valid' },
        signature: { ok: true, code: 'valid' },
        issuer: { ok: true, code: 'valid' },
        status: { ok: true, code: 'active', revoked: false, suspended: null },
        validity: { ok: true, code: 'valid' },
      },
    });
  });

  it.each([
    ['the learner name', 'credentialSubject.name', 'Siti Nurhaliza Rahmawatu'],
    ['a unit result', 'credentialSubject.result.1.value', 'Belum Kompeten'],
    ['validFrom', 'validFrom', '2025-11-08T17:00:00+07:00'],
    ['validUntil', 'validUntil', '2038-11-07T17:00:00+07:00'],
    ['the SKS earned', 'credentialSubject.creditsEarned', 2],
    ['the issuer name', 'issuer.name', 'PT Unggul Semesta Palsu'],
    ['the status index', 'credentialStatus.statusListIndex', '6'],
  ])('rejects the signature when %s changed', async (_name, path, value) => {
    const result = await verify(withValue(credential, path, value));
    expect(result.valid).toBe(false);
    expect(result.checks.signature).toMatchObject({ ok: false, code: 'signature_invalid' });
    expect(result.checks.issuer.ok).toBe(true);
  });

  it('reports a revoked credential through the status check only', async () => {
    const revoked = await issuer.issue(weldingRobotCredentialInput, { statusListIndex: 11 });
    await issuer.setStatus({ statusPurpose: 'revocation', index: 11, value: true });
    const result = await verify(revoked);
    expect(result.valid).toBe(false);
    expect(result.checks.status).toMatchObject({ ok: false, code: 'revoked', revoked: true });
    expect(result.checks.signature.ok && result.checks.issuer.ok && result.checks.validity.ok).toBe(true);
    expect((await verify(credential)).checks.status.code).toBe('active');
  });

  it('reports a suspended credential, and clears it when the suspension is lifted', async () => {
    const suspended = await issuer.issue(weldingRobotCredentialInput, {
      statusPurpose: 'suspension',
      statusListIndex: 12,
    });
    expect((await verify(suspended)).checks.status).toMatchObject({
      ok: true,
      code: 'active',
      suspended: false,
    });
    await issuer.setStatus({ statusPurpose: 'suspension', index: 12, value: true });
    expect((await verify(suspended)).checks.status).toMatchObject({
      ok: false,
      code: 'suspended',
      suspended: true,
    });
    await issuer.setStatus({ statusPurpose: 'suspension', index: 12, value: false });
    expect((await verify(suspended)).valid).toBe(true);
  });

  it.each<[string, Date, string]>([
    ['before validFrom', new Date('2025-11-07T09:59:59Z'), 'not_yet_valid'],
    ['at validFrom', new Date('2025-11-07T10:00:00Z'), 'valid'],
    ['at validUntil', new Date('2028-11-07T10:00:00Z'), 'valid'],
    ['after validUntil', new Date('2028-11-07T10:00:01Z'), 'expired'],
  ])('judges the validity window %s', async (_name, at, code) => {
    const result = await verify(credential, at);
    expect(result.checks.validity.code).toBe(code);
    expect(result.valid).toBe(code === 'valid');
  });

  it('keeps verifying credentials signed with a key that was rotated out', async () => {
    const rotating = await createTestIssuer();
    const before = await rotating.issue(weldingRobotCredentialInput);
    const oldKey = rotating.signingKey;
    await rotating.rotateKey();
    const after = await rotating.issue(weldingRobotCredentialInput);
    expect(rotating.signingKey.keyId).not.toBe(oldKey.keyId);
    const options = { documentLoader: rotating.documentLoader, now };
    expect((await verifyCredential(before, options)).valid).toBe(true);
    expect((await verifyCredential(after, options)).valid).toBe(true);
    expect(rotating.didDocument().assertionMethod).toHaveLength(2);
  });

  it('fails credentials signed with a key later revoked as compromised, but not those of the new key', async () => {
    const compromised = await createTestIssuer();
    const before = await compromised.issue(weldingRobotCredentialInput);
    const oldKeyId = compromised.signingKey.keyId;
    await compromised.rotateKey();
    await compromised.revokeKey(oldKeyId, new Date('2026-01-01T00:00:00Z'));
    const after = await compromised.issue(weldingRobotCredentialInput);
    const options = { documentLoader: compromised.documentLoader, now };
    const result = await verifyCredential(before, options);
    expect(result.valid).toBe(false);
    expect(result.checks.issuer).toMatchObject({ ok: false, code: 'key_revoked' });
    expect((await verifyCredential(after, options)).valid).toBe(true);
  });

  it('fails a credential signed by a key the issuer document does not list', async () => {
    const strayKey = await generateIssuerKey({ kek: issuer.kek });
    const key = await unlockIssuerKey({ issuerId: issuer.issuerId, key: strayKey, kek: issuer.kek });
    const forged = await signCredential({
      credential: changed((copy) => void delete copy.proof),
      key,
      documentLoader: issuer.documentLoader,
    });
    const result = await verify(forged);
    expect(result.valid).toBe(false);
    expect(result.checks.issuer).toMatchObject({ ok: false, code: 'key_not_found' });
    expect(result.checks.signature).toMatchObject({ ok: false, code: 'key_unavailable' });
  });

  it("fails a credential that claims our issuer but carries another issuer's proof", async () => {
    const otherId = 'did:web:kmg.example.id:issuers:lembaga-lain';
    const kek = { id: 'other', key: randomBytes(32) };
    const otherStored = await generateIssuerKey({ kek });
    const otherKey = await unlockIssuerKey({ issuerId: otherId, key: otherStored, kek });
    const loader = createDocumentLoader({
      resolveDid: async (did) =>
        did === otherId
          ? issuerDidDocument({ issuerId: otherId, keys: [otherStored] })
          : issuer.didDocument(),
      resolveStatusListCredential: async (url) => issuer.statusListCredential(url),
    });
    const unsigned = changed((copy) => {
      delete copy.proof;
      copy.issuer = { ...copy.issuer, id: otherId };
    });
    const signedByOther = await signCredential({
      credential: unsigned,
      key: otherKey,
      documentLoader: loader,
    });
    const relabelled = { ...signedByOther, issuer: credential.issuer };
    const result = await verifyCredential(relabelled, { documentLoader: loader, now });
    expect(result.valid).toBe(false);
    expect(result.checks.issuer.code).toBe('key_not_issuers');
    expect(result.checks.signature.code).toBe('signature_invalid');
  });

  it('fails the status check when the status list was altered without the issuer signing it', async () => {
    const listUrl = issuer.statusLists.revocation;
    const list = structuredClone(issuer.statusListCredential(listUrl)) as Record<string, any>;
    list.credentialSubject.encodedList =
      'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';
    const loader = createDocumentLoader({
      resolveDid: async (did) => (did === issuer.issuerId ? issuer.didDocument() : null),
      resolveStatusListCredential: async (url) => (url === listUrl ? list : null),
    });
    const result = await verifyCredential(credential, { documentLoader: loader, now });
    expect(result.checks.status).toMatchObject({ ok: false, code: 'status_list_invalid' });
  });

  it('reports an unreachable status list as status_list_unavailable', async () => {
    const loader = createDocumentLoader({
      resolveDid: async (did) => (did === issuer.issuerId ? issuer.didDocument() : null),
      resolveStatusListCredential: async () => null,
    });
    const result = await verifyCredential(credential, { documentLoader: loader, now });
    expect(result.checks.status).toMatchObject({ ok: false, code: 'status_list_unavailable' });
  });

  it('reports a context the loader refuses as a verification error, not a key problem', async () => {
    const result = await verify(
      changed((copy) => {
        copy['@context'].push('https://example.org/unknown-context.jsonld');
      }),
    );
    expect(result.checks.signature).toMatchObject({
      ok: false,
      code: 'verification_error',
      message: expect.stringContaining('https://example.org/unknown-context.jsonld'),
    });
  });

  it('reports an issuer whose DID does not resolve', async () => {
    const loader = createDocumentLoader({ resolveDid: async () => null });
    const result = await verifyCredential(credential, { documentLoader: loader, now });
    expect(result.checks.issuer.code).toBe('issuer_unresolvable');
    expect(result.valid).toBe(false);
  });

  it.each<[string, () => unknown]>([
    ['null', () => null],
    ['a string', () => 'not a credential'],
    ['an array', () => [credential]],
    ['an empty object', () => ({})],
    ['a credential without its proof', () => changed((copy) => void delete copy.proof)],
    [
      'a credential with a garbage proof',
      () =>
        changed((copy) => {
          copy.proof = [
            {
              type: 'DataIntegrityProof',
              cryptosuite: 'eddsa-rdfc-2022',
              proofPurpose: 'assertionMethod',
              verificationMethod: 42,
              proofValue: '!!',
            },
          ];
        }),
    ],
    [
      'a credential with an unloadable context',
      () => changed((copy) => void copy['@context'].push('https://evil.example/ctx')),
    ],
    ['a credential with an invalid date', () => withValue(credential, 'validFrom', 'yesterday')],
    [
      'a credential with a status of another kind',
      () =>
        withValue(credential, 'credentialStatus', { type: '1EdTechRevocationList', id: 'https://x.example' }),
    ],
  ])('never throws on %s and reports it invalid', async (_name, input) => {
    const result = await verify(input());
    expect(result.valid).toBe(false);
    expect(Object.values(result.checks).some((check) => !check.ok)).toBe(true);
  });
});
