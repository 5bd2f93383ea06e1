/// <reference path="./vendor.d.ts" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClrCredential, type ClrInput, signClrCredential, verifyClrCredential } from '#clr.ts';
import {
  automatedWeldingClrInput,
  automatedWeldingPathwayAchievement,
  automatedWeldingPathwayCredentialInput,
  walletClrInput,
  weldInspectionAchievement,
  weldInspectionCredentialInput,
} from '#clr-fixtures.ts';
import { type Credential, isCredentialFor } from '#credential.ts';
import { CLR_V2_CONTEXT, createDocumentLoader, type DocumentLoader } from '#document-loader.ts';
import { trainingCertificateInput, weldingRobotAchievement, weldingRobotCredentialInput } from '#fixtures.ts';
import { generateIssuerKey, unlockIssuerKey } from '#keys.ts';
import { CLR_CREDENTIAL_SCHEMA_URL, validateClrCredential } from '#schema.ts';
import { createTestIssuer, type TestIssuer, withValue } from '#testing.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const example = JSON.parse(read('./test-vectors/clr/clr_v2p0_example_signed.json').toString('utf8'));

// Published with 1EdTech's test vector, for tests only (see test-vectors/clr/README.md).
const exampleKey = {
  '@context': 'https://w3id.org/security/multikey/v1',
  id: 'https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
  type: 'Multikey',
  controller: 'https://example.edu/issuers/565049',
  publicKeyMultibase: 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
};
const offlineLoader = createDocumentLoader({ resolveDid: async () => null });
const exampleLoader: DocumentLoader = async (url) =>
  url === exampleKey.id ? { contextUrl: null, documentUrl: url, document: exampleKey } : offlineLoader(url);

describe('the 1EdTech CLR 2.0 test vector', () => {
  it.each([
    [
      'contexts/clr_v2p0_context-2.0.1.json',
      '880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6',
    ],
    [
      'schema/clr_v2p0_clrcredential_schema.json',
      '59d778659204b0bd593e9e2ab1683fb6f688e339885c44019f606ed6feb4caee',
    ],
    [
      'test-vectors/clr/clr_v2p0_example_signed.json',
      'cfcca571dd7cadc284a51c82a00cd58cfcd440760281eca5a0f839aa1ea164a6',
    ],
    [
      'test-vectors/clr/clr_v2p0_example_document-canon.nq',
      '768d7015ae69e0210e1c2a45194d9c1d15d7a6022e52b946574a2a27f6fa85fe',
    ],
    [
      'test-vectors/clr/clr_v2p0_example_proof-canon.nq',
      'd34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19',
    ],
  ])('keeps %s byte for byte as its README records', (path, hash) => {
    expect(sha256(read(`./${path}`))).toBe(hash);
  });

  it('canonicalises the signed example exactly as the published N-Quads, through the suite we sign with', async () => {
    const suite = new DataIntegrityProof({ cryptosuite });
    const { proof, ...document } = example;
    const canonicalDocument = await suite.canonize(document, {
      documentLoader: offlineLoader,
      base: null,
      safe: true,
    });
    const canonicalProof = await suite.canonizeProof(proof[0], { document, documentLoader: offlineLoader });
    expect(canonicalDocument).toBe(read('./test-vectors/clr/clr_v2p0_example_document-canon.nq').toString());
    expect(canonicalProof).toBe(read('./test-vectors/clr/clr_v2p0_example_proof-canon.nq').toString());
  });

  it('verifies both signatures of the example with its published key; its issuer is no DID we resolve', async () => {
    const result = await verifyClrCredential(example, {
      documentLoader: exampleLoader,
      now: new Date('2025-01-01T00:00:00Z'),
    });
    for (const verification of [result.bundle, ...result.credentials]) {
      expect(verification.checks.signature).toMatchObject({ ok: true, code: 'valid' });
      expect(verification.checks.issuer).toMatchObject({ ok: false, code: 'issuer_unresolvable' });
    }
    expect(result.bundle.checks.schema.ok).toBe(true);
    expect(result.credentials).toHaveLength(1);
  });

  it('stops verifying once the embedded credential changes', async () => {
    const changed = withValue(
      example,
      'credentialSubject.verifiableCredential.0.credentialSubject.achievement.name',
      'Achievement 3',
    );
    const result = await verifyClrCredential(changed, {
      documentLoader: exampleLoader,
      now: new Date('2025-01-01T00:00:00Z'),
    });
    expect(result.bundle.checks.signature.code).toBe('signature_invalid');
    expect(result.credentials[0]?.checks.signature.code).toBe('signature_invalid');
  });
});

describe('validateClrCredential', () => {
  it('accepts the official example', () => {
    expect(validateClrCredential(example)).toEqual({ ok: true });
  });

  it.each([
    [
      'an association type outside the closed list',
      'credentialSubject.association.0.associationType',
      'isSiblingOf',
    ],
    ['a subject without credentials', 'credentialSubject.verifiableCredential', []],
    ['a bundle without a name', 'name', undefined],
  ])('rejects %s', (_case, path, value) => {
    expect(validateClrCredential(withValue(example, path, value)).ok).toBe(false);
  });
});

describe('CLR bundles we issue', () => {
  const now = new Date('2026-01-15T00:00:00Z');
  let issuer: TestIssuer;
  let robot: Credential;
  let inspection: Credential;
  let award: Credential;
  let certificate: Credential;
  let pathwayInput: ClrInput;
  let walletInput: ClrInput;
  let pathwayBundle: Credential;
  let walletBundle: Credential;

  const sign = (input: ClrInput) =>
    signClrCredential({ input, key: issuer.signingKey, documentLoader: issuer.documentLoader });
  const embedded = (bundle: Credential) =>
    (bundle.credentialSubject as { verifiableCredential: Credential[] }).verifiableCredential;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    robot = await issuer.issue(weldingRobotCredentialInput, { statusListIndex: 11 });
    inspection = await issuer.issue(weldInspectionCredentialInput, { statusListIndex: 12 });
    award = await issuer.issue(automatedWeldingPathwayCredentialInput, { statusListIndex: 13 });
    certificate = await issuer.issue(trainingCertificateInput, { statusListIndex: 14 });
    pathwayInput = { ...automatedWeldingClrInput, credentials: [award, robot, inspection] };
    walletInput = { ...walletClrInput, credentials: [certificate, robot, inspection, award] };
    [pathwayBundle, walletBundle] = await Promise.all([sign(pathwayInput), sign(walletInput)]);
  });

  describe('buildClrCredential', () => {
    it('embeds each signed credential exactly as signed, in the order given', () => {
      expect(JSON.stringify(embedded(pathwayBundle))).toBe(JSON.stringify([award, robot, inspection]));
    });

    it('names the CLR context between VC 2.0 and OB 3.0, and the official CLR schema', () => {
      expect(pathwayBundle['@context']).toEqual([
        'https://www.w3.org/ns/credentials/v2',
        CLR_V2_CONTEXT,
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ]);
      expect(pathwayBundle.credentialSchema).toEqual([{ id: CLR_CREDENTIAL_SCHEMA_URL, type: 'JsonSchema' }]);
      expect(pathwayBundle.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    });

    it('lists each achievement once, as the credential awarding it states it', () => {
      const { achievement } = pathwayBundle.credentialSubject as { achievement: Credential[] };
      expect(achievement.map((entry) => entry.id)).toEqual([
        automatedWeldingPathwayAchievement.id,
        weldingRobotAchievement.id,
        weldInspectionAchievement.id,
      ]);
      expect(achievement[1]).toEqual((robot.credentialSubject as { achievement: unknown }).achievement);
    });

    it('links the pathway to each component both ways, and the ordered components by precedes', () => {
      const link = (associationType: string, sourceId: string, targetId: string) => ({
        type: 'Association',
        associationType,
        sourceId,
        targetId,
      });
      const [pathway, first, second] = [
        automatedWeldingPathwayAchievement.id,
        weldingRobotAchievement.id,
        weldInspectionAchievement.id,
      ];
      expect((pathwayBundle.credentialSubject as { association: unknown }).association).toEqual([
        link('isParentOf', pathway, first),
        link('isChildOf', first, pathway),
        link('isParentOf', pathway, second),
        link('isChildOf', second, pathway),
        link('precedes', first, second),
      ]);
      expect(pathwayBundle.partial).toBe(true);
    });

    it('bundles a whole wallet without associations, complete unless told otherwise', () => {
      const subject = walletBundle.credentialSubject as Credential;
      expect(subject.association).toBeUndefined();
      expect((subject.achievement as unknown[]).length).toBe(4);
      expect(walletBundle).not.toHaveProperty('partial');
      expect(buildClrCredential({ ...walletInput, partial: true }).partial).toBe(true);
    });

    it('names a pathway not yet earned through an achievement no credential awards', () => {
      const pathwayAchievement = (award.credentialSubject as { achievement: Credential }).achievement;
      const bundle = buildClrCredential({
        ...automatedWeldingClrInput,
        credentials: [robot],
        achievements: [pathwayAchievement],
        pathway: {
          achievementId: automatedWeldingPathwayAchievement.id,
          componentIds: [weldingRobotAchievement.id],
        },
      });
      expect(validateClrCredential(bundle)).toEqual({ ok: true });
      expect((bundle.credentialSubject as { achievement: unknown[] }).achievement).toHaveLength(2);
    });

    it('identifies the teacher as their credentials do, by a salted NUPTK hash and never in clear', () => {
      expect(
        isCredentialFor({ credential: pathwayBundle, nuptk: weldingRobotCredentialInput.learner.nuptk }),
      ).toBe(true);
      expect(isCredentialFor({ credential: pathwayBundle, nuptk: '3275014506870003' })).toBe(false);
      const { verifiableCredential: _embedded, ...ownSubject } =
        pathwayBundle.credentialSubject as Credential;
      expect(JSON.stringify(ownSubject)).not.toContain(weldingRobotCredentialInput.learner.nuptk);
    });

    it.each<[string, (input: ClrInput) => ClrInput, RegExp]>([
      [
        'an id that is not urn:uuid',
        (input) => ({ ...input, id: 'https://kmg.example.id/clr/1' }),
        /urn:uuid/,
      ],
      ['no credentials', (input) => ({ ...input, credentials: [] }), /at least one credential/],
      [
        'an unsigned credential',
        (input) => {
          const { proof: _proof, ...unsigned } = robot;
          return { ...input, credentials: [award, unsigned] };
        },
        /not signed/,
      ],
      [
        'a credential about another teacher',
        (input) => ({ ...input, learner: { ...input.learner, nuptk: '3275014506870003' } }),
        /not about this teacher/,
      ],
      ['the same credential twice', (input) => ({ ...input, credentials: [award, robot, robot] }), /twice/],
      [
        'an achievement stated two ways',
        (input) => ({
          ...input,
          achievements: [
            { ...(robot.credentialSubject as { achievement: Credential }).achievement, name: 'Lain' },
          ],
        }),
        /two different ways/,
      ],
      [
        'a component the bundle does not hold',
        (input) => ({ ...input, credentials: [award, robot] }),
        /not in the bundle/,
      ],
      [
        'an order between a component and the pathway',
        (input) => ({
          ...input,
          pathway: {
            ...automatedWeldingClrInput.pathway!,
            precedes: [{ before: weldingRobotAchievement.id, after: automatedWeldingPathwayAchievement.id }],
          },
        }),
        /two different components/,
      ],
    ])('refuses %s', (_case, change, message) => {
      expect(() => buildClrCredential(change(pathwayInput))).toThrow(message);
    });
  });

  describe('signClrCredential', () => {
    it('signs bundles that match the official CLR 2.0 schema', () => {
      for (const bundle of [pathwayBundle, walletBundle]) {
        expect(validateClrCredential(bundle)).toEqual({ ok: true });
        expect(bundle.proof).toEqual([
          expect.objectContaining({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' }),
        ]);
      }
    });

    it('refuses to sign for an issuer other than the key’s', async () => {
      const other = await createTestIssuer({ slug: 'lembaga-lain' });
      await expect(
        signClrCredential({
          input: pathwayInput,
          key: other.signingKey,
          documentLoader: other.documentLoader,
        }),
      ).rejects.toThrow(/not the key's issuer/);
    });
  });

  describe('verifyClrCredential', () => {
    const verify = (bundle: unknown) =>
      verifyClrCredential(bundle, { documentLoader: issuer.documentLoader, now });

    it('verifies the bundle and each embedded credential, every check passing', async () => {
      for (const bundle of [pathwayBundle, walletBundle]) {
        const result = await verify(bundle);
        expect(result.valid).toBe(true);
        for (const verification of [result.bundle, ...result.credentials]) {
          expect(Object.values(verification.checks).every((check) => check.ok)).toBe(true);
        }
        expect(result.bundle.checks.schema.message).toMatch(/CLR 2.0/);
        expect(result.credentials.map((verification) => verification.credentialId)).toEqual(
          embedded(bundle).map((credential) => credential.id),
        );
      }
    });

    it.each([
      ['a unit result', 'credentialSubject.result.0.value', 'Belum Kompeten'],
      ['the learner name', 'credentialSubject.name', 'Siti Nurhaliza Rahmawatu'],
      ['the achievement name', 'credentialSubject.achievement.name', 'Pengoperasian Robot Las'],
      ['the embedded proof', 'proof.0.created', '2025-11-08T10:00:00Z'],
    ])(
      'fails that credential and the bundle proof when %s of an embedded credential changed',
      async (_case, path, value) => {
        const tampered = withValue(pathwayBundle, `credentialSubject.verifiableCredential.1.${path}`, value);
        const result = await verify(tampered);
        expect(result.valid).toBe(false);
        expect(result.bundle.checks.signature.code).toBe('signature_invalid');
        expect(result.credentials.map((verification) => verification.checks.signature.ok)).toEqual([
          true,
          false,
          true,
        ]);
      },
    );

    it('fails only the bundle when the bundle itself changed', async () => {
      const result = await verify(withValue(pathwayBundle, 'name', 'Rekam Capaian Palsu'));
      expect(result.bundle.checks.signature.code).toBe('signature_invalid');
      expect(result.credentials.every((verification) => verification.valid)).toBe(true);
      expect(result.valid).toBe(false);
    });

    it('reports a revoked embedded credential while the bundle still verifies', async () => {
      await issuer.setStatus({ statusPurpose: 'revocation', index: 12, value: true });
      try {
        const result = await verify(pathwayBundle);
        expect(result.bundle.valid).toBe(true);
        expect(result.credentials.map((verification) => verification.checks.status.code)).toEqual([
          'active',
          'active',
          'revoked',
        ]);
        expect(result.valid).toBe(false);
      } finally {
        await issuer.setStatus({ statusPurpose: 'revocation', index: 12, value: false });
      }
    });

    it('rejects a bundle signed by a key its issuer does not list', async () => {
      const stray = await generateIssuerKey({ kek: issuer.kek });
      const key = await unlockIssuerKey({ issuerId: issuer.issuerId, key: stray, kek: issuer.kek });
      const forged = await signClrCredential({
        input: pathwayInput,
        key,
        documentLoader: issuer.documentLoader,
      });
      const result = await verify(forged);
      expect(result.bundle.checks.issuer.code).toBe('key_not_found');
      expect(result.credentials.every((verification) => verification.valid)).toBe(true);
    });

    it('reports a bundle that breaks the CLR schema, and never throws on junk', async () => {
      const withoutSubjectType = withValue(pathwayBundle, 'credentialSubject.type', undefined);
      expect((await verify(withoutSubjectType)).bundle.checks.schema.code).toBe('schema_invalid');
      const junk = await verify('not a bundle');
      expect(junk).toMatchObject({ valid: false, credentials: [] });
      expect(junk.bundle.checks.schema.ok).toBe(false);
    });
  });
});
