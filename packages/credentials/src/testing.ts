import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { buildOpenBadgeCredential, type Credential, type OpenBadgeInput } from '#credential.ts';
import { issuerDid, issuerDidDocumentUrl } from '#did.ts';
import { createDocumentLoader, type DocumentLoader, OB_V3_CONTEXT, VC_V2_CONTEXT } from '#document-loader.ts';
import { issuerSlug, publicBaseUrl } from '#fixtures.ts';
import {
  generateIssuerKey,
  type IssuerDidDocument,
  issuerDidDocument,
  type PublishedIssuerKey,
  type SigningKey,
  type StoredIssuerKey,
  unlockIssuerKey,
} from '#keys.ts';
import { signCredential } from '#sign.ts';
import {
  buildStatusEntry,
  buildStatusListCredential,
  createStatusList,
  type StatusPurpose,
  setStatus,
  statusListCredentialUrl,
} from '#status.ts';

/**
 * An issuer kept in memory, standing in for the API's database and HTTP routes in tests and
 * benches: keys sealed under a throwaway KEK, a DID document, one signed status list per purpose,
 * and a document loader over all of it.
 */
export type TestIssuer = {
  issuerId: string;
  didDocumentUrl: string;
  kek: { id: string; key: Uint8Array };
  keys: Array<StoredIssuerKey & PublishedIssuerKey>;
  signingKey: SigningKey;
  documentLoader: DocumentLoader;
  /** Status list credential URL per purpose. */
  statusLists: Record<StatusPurpose, string>;
  didDocument(): IssuerDidDocument;
  /** Signed status list credentials by URL, as the API would serve them. */
  statusListCredential(url: string): Credential | null;
  /** Builds and signs; the credential gets an entry at `statusListIndex` on the `statusPurpose` list. */
  issue(
    input: OpenBadgeInput,
    options?: { statusPurpose?: StatusPurpose; statusListIndex?: number },
  ): Promise<Credential>;
  /** Sets or clears a bit and re-signs the list. */
  setStatus(options: { statusPurpose: StatusPurpose; index: number; value: boolean }): Promise<void>;
  /** Generates a new key and signs with it from now on; earlier keys stay listed (retired). */
  rotateKey(): Promise<SigningKey>;
  /**
   * Marks a key compromised: it stays in the DID document with `revoked` but loses assertionMethod.
   * The status lists are re-signed with the current key, as the API must do.
   */
  revokeKey(keyId: string, at: Date): Promise<void>;
};

export async function createTestIssuer({
  slug = issuerSlug,
  now = new Date('2025-11-07T10:00:00Z'),
}: {
  /** Distinct slugs give distinct DIDs, for verifiers that cache DID documents by DID. */
  slug?: string;
  /** Proof `created` time. */
  now?: Date;
} = {}): Promise<TestIssuer> {
  const issuerId = issuerDid({ publicBaseUrl, slug });
  const kek = { id: 'test-kek', key: randomBytes(32) };
  const keys: TestIssuer['keys'] = [];
  const signedLists = new Map<string, Credential>();
  const encodedLists = new Map<string, string>();
  let didDocument = issuerDidDocument({ issuerId, keys });
  const documentLoader = createDocumentLoader({
    resolveDid: async (did) => (did === issuerId ? didDocument : null),
    resolveStatusListCredential: async (url) => signedLists.get(url) ?? null,
  });

  const addKey = async () => {
    const stored = await generateIssuerKey({ kek });
    keys.push(stored);
    didDocument = issuerDidDocument({ issuerId, keys });
    return unlockIssuerKey({ issuerId, key: stored, kek });
  };

  const issuer: TestIssuer = {
    issuerId,
    didDocumentUrl: issuerDidDocumentUrl({ publicBaseUrl, slug }),
    kek,
    keys,
    signingKey: await addKey(),
    documentLoader,
    statusLists: {
      revocation: statusListCredentialUrl({ publicBaseUrl, slug, listId: 'revocation-1' }),
      suspension: statusListCredentialUrl({ publicBaseUrl, slug, listId: 'suspension-1' }),
    },
    didDocument: () => didDocument,
    statusListCredential: (url) => signedLists.get(url) ?? null,
    async issue(input, { statusPurpose = 'revocation', statusListIndex = 7 } = {}) {
      const credential = buildOpenBadgeCredential({
        ...input,
        issuer: { ...input.issuer, id: issuerId },
        credentialStatus: buildStatusEntry({
          statusListCredential: issuer.statusLists[statusPurpose],
          statusListIndex,
          statusPurpose,
        }),
      });
      return signCredential({ credential, key: issuer.signingKey, documentLoader, now });
    },
    async setStatus({ statusPurpose, index, value }) {
      const url = issuer.statusLists[statusPurpose];
      const encodedList = await setStatus({
        encodedList: encodedLists.get(url) ?? (await createStatusList()),
        updates: [{ index, value }],
      });
      await publishList(statusPurpose, encodedList);
    },
    async rotateKey() {
      issuer.signingKey = await addKey();
      return issuer.signingKey;
    },
    async revokeKey(keyId, at) {
      const key = keys.find((candidate) => candidate.keyId === keyId);
      if (!key) throw new Error(`No key ${keyId}`);
      key.revokedAt = at.toISOString();
      didDocument = issuerDidDocument({ issuerId, keys });
      for (const purpose of ['revocation', 'suspension'] as const) {
        await publishList(
          purpose,
          encodedLists.get(issuer.statusLists[purpose]) ?? (await createStatusList()),
        );
      }
    },
  };

  async function publishList(statusPurpose: StatusPurpose, encodedList: string): Promise<void> {
    const url = issuer.statusLists[statusPurpose];
    encodedLists.set(url, encodedList);
    const credential = buildStatusListCredential({
      id: url,
      issuerId,
      statusPurpose,
      encodedList,
      validFrom: new Date('2025-01-01T00:00:00Z'),
    });
    signedLists.set(url, await signCredential({ credential, key: issuer.signingKey, documentLoader, now }));
  }

  for (const purpose of ['revocation', 'suspension'] as const)
    await publishList(purpose, await createStatusList());
  return issuer;
}

/** A copy of `source` with the value at a dotted path (`credentialSubject.result.1.value`) replaced. */
export function withValue(source: Credential, path: string, value: unknown): Credential {
  const copy = structuredClone(source);
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = copy as Record<string, unknown>;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = value;
  return copy;
}

/**
 * An Open Badges 3.0 credential as another platform would issue it (a polytechnic's short course,
 * invented), signed by a fresh `did:key` issuer: for tests of importing external credentials. It
 * names its recipient by salted, hashed email.
 */
export async function signExternalTestBadge({
  email,
  achievementId = 'https://polinus.example.org/capaian/plc-dasar',
  achievementName = 'Dasar Pemrograman PLC',
  validFrom = '2025-09-01T00:00:00Z',
  credentialId = `urn:uuid:${crypto.randomUUID()}`,
}: {
  email: string;
  achievementId?: string;
  achievementName?: string;
  validFrom?: string;
  credentialId?: string;
}): Promise<{ credential: Credential; issuerId: string }> {
  const generated = await Ed25519Multikey.generate();
  const { publicKeyMultibase, secretKeyMultibase } = await generated.export({
    publicKey: true,
    secretKey: true,
    includeContext: false,
  });
  const id = `did:key:${publicKeyMultibase}`;
  const verificationMethod = `${id}#${publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: verificationMethod,
    controller: id,
    publicKeyMultibase,
    secretKeyMultibase,
  });
  const salt = randomBytes(8).toString('hex');
  const hash = createHash('sha256').update(`${email.toLowerCase()}${salt}`, 'utf8').digest('hex');
  const credential = await signCredential({
    credential: {
      '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
      id: credentialId,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: achievementName,
      issuer: {
        id,
        type: ['Profile'],
        name: 'Politeknik Otomasi Nusantara',
        url: 'https://polinus.example.org',
      },
      validFrom,
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [
          {
            type: 'IdentityObject',
            identityType: 'emailAddress',
            hashed: true,
            identityHash: `sha256$${hash}`,
            salt,
          },
        ],
        creditsEarned: 1,
        achievement: {
          id: achievementId,
          type: ['Achievement'],
          achievementType: 'Course',
          name: achievementName,
          description: 'Kursus singkat 32 jam: ladder diagram, timer, counter dan simulasi lini produksi.',
          criteria: { narrative: 'Lulus ujian praktik pemrograman PLC.' },
          creditsAvailable: 1,
          tag: ['mc:workload-hours=32'],
        },
      },
    },
    key: { issuerId: id, keyId: publicKeyMultibase, verificationMethod, signer: keyPair.signer() },
    documentLoader: createDocumentLoader({ resolveDid: async () => null }),
    now: new Date(validFrom),
  });
  return { credential, issuerId: id };
}

/**
 * A PDF's text as poppler's `pdftotext -layout` reads it (a table row on one line), one string per page, with runs of white space
 * made single spaces (table cells and wrapped lines then read as running text).
 */
export function readPdfPages(pdf: Uint8Array): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], {
    input: pdf,
    encoding: 'utf8',
  });
  // pdftotext ends every page with a form feed.
  return text
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' ').trim());
}
