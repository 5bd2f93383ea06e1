// Cross-checks our credentials with the Digital Credentials Consortium's verifier-core, code we did
// not write (the DCC forks of the VC, Data Integrity, eddsa-rdfc-2022, did:web and status-list
// libraries). verifier-core hard-wires its own network document loader and offers no option to pass
// ours, so these tests run it unchanged and answer its HTTP requests from memory through a stubbed
// `fetch`: the DID document at the did:web URL, the status lists, the 1EdTech schemas, and the CLR
// 2.0 context (verifier-core bundles none; it gets the copy our loader bundles). Anything else
// (issuer registries, other unbundled contexts) is refused, so the run is offline and also proves
// that our did:web ids resolve to the URL where the API serves the DID document.
import { verifyCredential as dccVerifyCredential } from '@digitalcredentials/verifier-core';
import { localDateAt } from '@kmg/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signClrCredential } from '#clr.ts';
import {
  automatedWeldingClrInput,
  automatedWeldingPathwayCredentialInput,
  weldInspectionCredentialInput,
} from '#clr-fixtures.ts';
import type { Credential, OpenBadgeInput } from '#credential.ts';
import { bundledContexts, CLR_V2_CONTEXT } from '#document-loader.ts';
import { weldingRobotCredentialInput } from '#fixtures.ts';
import { generateIssuerKey, unlockIssuerKey } from '#keys.ts';
import { signRplRecognition } from '#recognition.ts';
import { thirtyCourseRecognitionInput, universitySlug } from '#recognition-fixtures.ts';
import {
  CLR_CREDENTIAL_SCHEMA_URL,
  clrCredentialSchema,
  OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL,
  openBadgeCredentialSchema,
} from '#schema.ts';
import { signCredential } from '#sign.ts';
import { createTestIssuer, type TestIssuer, withValue } from '#testing.ts';

const DAY = 24 * 60 * 60 * 1000;
let issuer: TestIssuer;
let issuers: TestIssuer[] = [];
const requested: string[] = [];

// verifier-core checks the validity window against the real clock, so dates are relative to it.
function inputAround({ from, until }: { from: number; until: number | null }): OpenBadgeInput {
  return {
    ...weldingRobotCredentialInput,
    validFrom: new Date(Date.now() + from),
    validUntil: until === null ? null : new Date(Date.now() + until),
  };
}
const current = () => inputAround({ from: -DAY, until: 365 * DAY });

// Served as verifier-core would fetch them from 1EdTech, from our bundled copies.
const publishedDocuments = new Map<string, unknown>([
  [OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, openBadgeCredentialSchema],
  [CLR_CREDENTIAL_SCHEMA_URL, clrCredentialSchema],
  [CLR_V2_CONTEXT, bundledContexts.get(CLR_V2_CONTEXT)],
]);

function offlineFetch(input: string | URL | Request): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  requested.push(url);
  const owner = issuers.find((candidate) => candidate.didDocumentUrl === url);
  const body = owner
    ? owner.didDocument()
    : (publishedDocuments.get(url) ??
      issuers.map((candidate) => candidate.statusListCredential(url)).find(Boolean));
  if (!body) return Promise.reject(new TypeError(`offline: refused ${url}`));
  return Promise.resolve(Response.json(body));
}

type Summary = { fatal: string | null; steps: Record<string, boolean | string> };

async function dccVerify(credential: Credential): Promise<Summary> {
  const response = (await dccVerifyCredential({
    credential: credential as never,
    knownDIDRegistries: [],
  })) as {
    errors?: Array<{ name: string }>;
    error?: unknown;
    log?: Array<{ id: string; valid?: boolean; error?: { name: string } }>;
  };
  return {
    // A failed credential check other than the signature comes back as a bare `error`.
    fatal: response.errors?.[0]?.name ?? (response.error instanceof Error ? response.error.message : null),
    steps: Object.fromEntries(
      (response.log ?? []).map((step) => [step.id, step.valid ?? step.error?.name ?? 'unknown']),
    ),
  };
}

beforeAll(async () => {
  vi.stubGlobal('fetch', vi.fn(offlineFetch));
  // verifier-core's ajv warns about the official schema's tuple `items`; that is its noise, not ours.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  issuer = await createTestIssuer();
  issuers = [issuer];
});

afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('verifyCredential of @digitalcredentials/verifier-core', () => {
  it('accepts our credential: signature, status, validity, and the 1EdTech schema it names', async () => {
    const credential = await issuer.issue(current(), { statusListIndex: 3 });
    const response = (await dccVerifyCredential({
      credential: credential as never,
      knownDIDRegistries: [],
    })) as {
      log: Array<{ id: string; valid: boolean }>;
      additionalInformation: Array<{
        id: string;
        results: Array<{ schema: string; result: { valid: boolean } }>;
      }>;
    };
    expect(response.log).toEqual(
      expect.arrayContaining([
        { id: 'valid_signature', valid: true },
        { id: 'revocation_status', valid: true },
        { id: 'expiration', valid: true },
      ]),
    );
    expect(response.additionalInformation).toContainEqual({
      id: 'schema_check',
      results: [
        expect.objectContaining({ schema: OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, result: { valid: true } }),
      ],
    });
    // With no registries given it looks none up: the issuer is unregistered, not unverifiable.
    expect(response.log).toContainEqual(
      expect.objectContaining({ id: 'registered_issuer', valid: false, uncheckedRegistries: [] }),
    );
    expect(requested).toContain(issuer.didDocumentUrl);
    expect(
      requested.every(
        (url) => url.startsWith('https://kmg.example.id/') || url === OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL,
      ),
    ).toBe(true);
  });

  it.each([
    ['the learner name', 'credentialSubject.name', 'Siti Nurhaliza Rahmawatu'],
    ['a unit result', 'credentialSubject.result.0.value', 'Belum Kompeten'],
    ['a date', 'awardedDate', '2025-11-08T17:00:00+07:00'],
  ])('rejects the signature when %s changed', async (_name, path, value) => {
    const credential = await issuer.issue(current());
    expect((await dccVerify(withValue(credential, path, value))).fatal).toBe('invalid_signature');
  });

  it('reports a revoked credential', async () => {
    const credential = await issuer.issue(current(), { statusListIndex: 21 });
    await issuer.setStatus({ statusPurpose: 'revocation', index: 21, value: true });
    expect(await dccVerify(credential)).toMatchObject({
      fatal: null,
      steps: { valid_signature: true, revocation_status: false, expiration: true },
    });
  });

  it('reports a suspended credential through its status step', async () => {
    const credential = await issuer.issue(current(), { statusPurpose: 'suspension', statusListIndex: 22 });
    expect((await dccVerify(credential)).steps.suspension_status).toBe(true);
    await issuer.setStatus({ statusPurpose: 'suspension', index: 22, value: true });
    expect(await dccVerify(credential)).toMatchObject({
      fatal: null,
      steps: { valid_signature: true, suspension_status: false },
    });
  });

  it('reports an expired credential', async () => {
    const credential = await issuer.issue(inputAround({ from: -30 * DAY, until: -DAY }));
    expect(await dccVerify(credential)).toMatchObject({
      steps: { valid_signature: true, expiration: false },
    });
  });

  it('refuses a credential that is not yet valid', async () => {
    const credential = await issuer.issue(inputAround({ from: 30 * DAY, until: null }));
    expect((await dccVerify(credential)).fatal).toMatch(/before "validFrom"/);
  });

  it('keeps accepting a credential signed before a key rotation, and one signed after', async () => {
    // A DID of its own: verifier-core caches DID documents by DID.
    const rotating = await createTestIssuer({ slug: 'lembaga-rotasi-kunci' });
    issuers.push(rotating);
    const before = await rotating.issue(current());
    await rotating.rotateKey();
    const after = await rotating.issue(current());
    expect((await dccVerify(before)).steps).toMatchObject({ valid_signature: true, revocation_status: true });
    expect((await dccVerify(after)).steps).toMatchObject({ valid_signature: true, revocation_status: true });
  });

  it('rejects a credential whose key the issuer later revoked as compromised', async () => {
    const compromised = await createTestIssuer({ slug: 'lembaga-kunci-bocor' });
    issuers.push(compromised);
    const before = await compromised.issue(current());
    const oldKeyId = compromised.signingKey.keyId;
    await compromised.rotateKey();
    await compromised.revokeKey(oldKeyId, new Date());
    const after = await compromised.issue(current());
    expect((await dccVerify(before)).fatal).toBe('invalid_signature');
    expect((await dccVerify(after)).steps).toMatchObject({ valid_signature: true, revocation_status: true });
  });

  it('rejects a credential signed by a key the issuer document does not list', async () => {
    const stray = await generateIssuerKey({ kek: issuer.kek });
    const key = await unlockIssuerKey({ issuerId: issuer.issuerId, key: stray, kek: issuer.kek });
    const copy = structuredClone(await issuer.issue(current())) as Record<string, unknown>;
    delete copy.proof;
    const forged = await signCredential({ credential: copy, key, documentLoader: issuer.documentLoader });
    expect((await dccVerify(forged)).fatal).toBe('invalid_signature');
  });
});

describe('verifyCredential of @digitalcredentials/verifier-core, given a CLR bundle', () => {
  let bundle: Credential;

  beforeAll(async () => {
    const recent = new Date(Date.now() - DAY);
    const credentials = [
      await issuer.issue(
        { ...automatedWeldingPathwayCredentialInput, validFrom: recent },
        { statusListIndex: 31 },
      ),
      await issuer.issue(current(), { statusListIndex: 32 }),
      await issuer.issue({ ...weldInspectionCredentialInput, validFrom: recent }, { statusListIndex: 33 }),
    ];
    bundle = await signClrCredential({
      input: { ...automatedWeldingClrInput, validFrom: recent, credentials },
      key: issuer.signingKey,
      documentLoader: issuer.documentLoader,
    });
  });

  const embedded = (clr: Credential) =>
    (clr.credentialSubject as { verifiableCredential: Credential[] }).verifiableCredential;

  it('accepts a pathway bundle, checked against the CLR 2.0 schema it names, and each credential in it', async () => {
    const response = (await dccVerifyCredential({ credential: bundle as never, knownDIDRegistries: [] })) as {
      log: Array<{ id: string; valid: boolean }>;
      additionalInformation: Array<{
        id: string;
        results: Array<{ schema: string; result: { valid: boolean } }>;
      }>;
    };
    expect(response.log).toEqual(
      expect.arrayContaining([
        { id: 'valid_signature', valid: true },
        { id: 'expiration', valid: true },
      ]),
    );
    expect(response.additionalInformation).toContainEqual({
      id: 'schema_check',
      results: [expect.objectContaining({ schema: CLR_CREDENTIAL_SCHEMA_URL, result: { valid: true } })],
    });
    expect(requested).toContain(CLR_V2_CONTEXT);
    for (const credential of embedded(bundle)) {
      expect((await dccVerify(credential)).steps).toMatchObject({
        valid_signature: true,
        revocation_status: true,
        expiration: true,
      });
    }
  });

  it('rejects the bundle and the credential when an embedded credential changed', async () => {
    const tampered = withValue(
      bundle,
      'credentialSubject.verifiableCredential.2.credentialSubject.result.0.value',
      'Belum Kompeten',
    );
    expect((await dccVerify(tampered)).fatal).toBe('invalid_signature');
    const [, untouched, changed] = embedded(tampered);
    expect((await dccVerify(changed as Credential)).fatal).toBe('invalid_signature');
    expect((await dccVerify(untouched as Credential)).steps).toMatchObject({ valid_signature: true });
  });
});

describe('verifyCredential of @digitalcredentials/verifier-core, given an RPL recognition', () => {
  let recognition: Credential;

  beforeAll(async () => {
    const university = await createTestIssuer({ slug: universitySlug });
    issuers.push(university);
    // A decree of yesterday in Jakarta, so the real clock finds the recognition valid.
    const date = localDateAt(new Date(Date.now() - DAY), 'Asia/Jakarta');
    recognition = await signRplRecognition({
      input: { ...thirtyCourseRecognitionInput, decree: { ...thirtyCourseRecognitionInput.decree, date } },
      key: university.signingKey,
      documentLoader: university.documentLoader,
    });
  });

  const embedded = (clr: Credential) =>
    (clr.credentialSubject as { verifiableCredential: Credential[] }).verifiableCredential;

  it('accepts the university’s recognition against the CLR 2.0 schema, and each course credential in it', async () => {
    const response = (await dccVerifyCredential({
      credential: recognition as never,
      knownDIDRegistries: [],
    })) as {
      log: Array<{ id: string; valid: boolean }>;
      additionalInformation: Array<{
        id: string;
        results: Array<{ schema: string; result: { valid: boolean } }>;
      }>;
    };
    expect(response.log).toEqual(
      expect.arrayContaining([
        { id: 'valid_signature', valid: true },
        { id: 'revocation_status', valid: true },
        { id: 'expiration', valid: true },
      ]),
    );
    expect(response.additionalInformation).toContainEqual({
      id: 'schema_check',
      results: [expect.objectContaining({ schema: CLR_CREDENTIAL_SCHEMA_URL, result: { valid: true } })],
    });
    const components = embedded(recognition);
    expect(components).toHaveLength(31);
    for (const credential of [components[0], components[15]] as Credential[]) {
      expect((await dccVerify(credential)).steps).toMatchObject({
        valid_signature: true,
        revocation_status: true,
        expiration: true,
      });
    }
  });

  it('rejects the signature when one course’s credits earned changed', async () => {
    const path = 'credentialSubject.verifiableCredential.15.credentialSubject.creditsEarned';
    const tampered = withValue(recognition, path, 1);
    expect((await dccVerify(tampered)).fatal).toBe('invalid_signature');
    expect((await dccVerify(embedded(tampered)[15] as Credential)).fatal).toBe('invalid_signature');
  });
});
