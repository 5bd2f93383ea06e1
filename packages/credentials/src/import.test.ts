import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { achievementBadgeSvg } from '#badge-image.ts';
import { renderBadgePng } from '#badge-png.ts';
import { bakeCredentialIntoPng } from '#baked-badge.ts';
import type { Credential } from '#credential.ts';
import { createDocumentLoader, type JsonObject, OB_V3_CONTEXT, VC_V2_CONTEXT } from '#document-loader.ts';
import { publicBaseUrl, weldingRobotCredentialInput } from '#fixtures.ts';
import {
  didKeyDocument,
  didWebDocumentUrl,
  type FetchLike,
  type ImportSource,
  type ImportVerification,
  type VerifyImportedCredentialOptions,
  verifyImportedCredential,
} from '#import.ts';
import { issuerDidDocument, type SigningKey } from '#keys.ts';
import { signCredential } from '#sign.ts';
import {
  buildStatusEntry,
  buildStatusListCredential,
  createStatusList,
  type StatusPurpose,
  setStatus,
} from '#status.ts';
import { createTestIssuer, type TestIssuer, withValue } from '#testing.ts';

// Names that stand for hosts on the server's own network: the import must refuse to connect to them
// even though they are not IP literals. Every other name resolves as usual.
vi.mock('node:dns', async (importOriginal) => {
  const dns = await importOriginal<typeof import('node:dns')>();
  const intranet: Record<string, string> = {
    'intranet.kmg.example': '10.20.30.40',
    'mapped.kmg.example': '::ffff:127.0.0.1',
  };
  return {
    ...dns,
    lookup: (hostname: string, options: any, callback: any) => {
      const address = intranet[hostname];
      if (!address) return dns.lookup(hostname, options, callback);
      callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
    },
  };
});

// The scenario: Siti, the KMG teacher of the fixtures, brings a badge from a polytechnic's short
// course (invented, like its domain) into her wallet.
const now = new Date('2026-03-02T03:00:00Z');
const teacher = {
  nuptk: weldingRobotCredentialInput.learner.nuptk,
  email: 'Siti.Rahmawati@smkn1-cikarang.sch.id',
};
const salt = '5d2f9a0c7be14f83';
const SL2021_CONTEXT = 'https://w3id.org/vc/status-list/2021/v1';
const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

function identity(identityType: string, value: string, { hashed = true, withSalt = salt } = {}): JsonObject {
  return hashed
    ? {
        type: 'IdentityObject',
        identityType,
        hashed: true,
        identityHash: `sha256$${sha256(`${value}${withSalt}`)}`,
        salt: withSalt,
      }
    : { type: 'IdentityObject', identityType, hashed: false, identityHash: value };
}

type ExternalIssuer = { id: string; key: SigningKey; publicKeyMultibase: string };

const contextsOnly = createDocumentLoader({ resolveDid: async () => null });

/** An issuer outside KMG: a did:key by default, or the given DID (did:web) with key `#key-1`. */
async function createExternalIssuer(did?: string): Promise<ExternalIssuer> {
  const generated = await Ed25519Multikey.generate();
  const { publicKeyMultibase, secretKeyMultibase } = await generated.export({
    publicKey: true,
    secretKey: true,
    includeContext: false,
  });
  const id = did ?? `did:key:${publicKeyMultibase}`;
  const keyId = did ? 'key-1' : publicKeyMultibase;
  const verificationMethod = `${id}#${keyId}`;
  const keyPair = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: verificationMethod,
    controller: id,
    publicKeyMultibase,
    secretKeyMultibase,
  });
  return {
    id,
    publicKeyMultibase,
    key: { issuerId: id, keyId, verificationMethod, signer: keyPair.signer() },
  };
}

function sign(issuer: ExternalIssuer, credential: Credential): Promise<Credential> {
  return signCredential({
    credential,
    key: issuer.key,
    documentLoader: contextsOnly,
    now: new Date('2025-09-01'),
  });
}

/** An OB 3.0 badge as another platform would issue it; by default it names the teacher by hashed email. */
function externalBadge({
  issuerId,
  identifier = [identity('emailAddress', teacher.email.toLowerCase())],
  subjectId,
  validFrom = '2025-09-01T00:00:00Z',
  validUntil = '2027-09-01T00:00:00Z',
  credentialStatus,
  contexts = [],
}: {
  issuerId: string;
  identifier?: JsonObject[];
  subjectId?: string;
  validFrom?: string;
  validUntil?: string;
  credentialStatus?: JsonObject;
  contexts?: string[];
}): Credential {
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, ...contexts],
    id: 'urn:uuid:8a4d2c1e-93b7-4f05-a6e2-7c19d05b3f48',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Dasar Pemrograman PLC',
    issuer: {
      id: issuerId,
      type: ['Profile'],
      name: 'Politeknik Otomasi Nusantara',
      url: 'https://polinus.example.org',
    },
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      ...(subjectId ? { id: subjectId } : {}),
      identifier,
      achievement: {
        id: 'https://polinus.example.org/capaian/plc-dasar',
        type: ['Achievement'],
        achievementType: 'Course',
        name: 'Dasar Pemrograman PLC',
        description: 'Kursus singkat 32 jam: ladder diagram, timer, counter dan simulasi lini produksi.',
        criteria: { narrative: 'Lulus ujian praktik pemrograman PLC.' },
        creditsAvailable: 1,
      },
    },
    ...(credentialStatus ? { credentialStatus } : {}),
  };
}

// A local web server stands in for issuers' sites: credential URLs, did:web documents, status lists.
type Route = {
  status?: number;
  body: string | Uint8Array;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Sends the headers and the first bytes, then nothing more. */
  stalls?: boolean;
};
const routes = new Map<string, Route>();
let server: Server;
let origin: string;
const served: string[] = [];

function serve(path: string, route: Partial<Route> & { json?: unknown }): string {
  routes.set(path, { body: route.body ?? JSON.stringify(route.json), ...route });
  return `${origin}${path}`;
}

/** A fetch that answers from memory, for hosts that do not exist. */
function fetchFrom(documents: Record<string, unknown>): FetchLike & { calls: string[] } {
  const calls: string[] = [];
  const fetch = async (url: string) => {
    calls.push(url);
    return url in documents ? Response.json(documents[url]) : new Response('not here', { status: 404 });
  };
  return Object.assign(fetch, { calls });
}

let kmg: TestIssuer;
let external: ExternalIssuer;
let badge: Credential;

beforeAll(async () => {
  server = createServer((request, response) => {
    served.push(request.url ?? '');
    const route = routes.get(request.url ?? '');
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    const send = () => {
      response.writeHead(route.status ?? 200, { 'content-type': 'application/json', ...route.headers });
      if (route.stalls) response.write(route.body.slice(0, 10));
      else response.end(route.body);
    };
    if (route.delayMs) setTimeout(send, route.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  kmg = await createTestIssuer();
  external = await createExternalIssuer();
  badge = await sign(external, externalBadge({ issuerId: external.id }));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function importCredential(
  source: ImportSource,
  options: Partial<VerifyImportedCredentialOptions> = {},
): Promise<ImportVerification> {
  return verifyImportedCredential(source, {
    teacher,
    now,
    platform: { publicBaseUrl, documentLoader: kmg.documentLoader },
    // No test reaches the internet: anything not answered in memory fails loudly.
    fetch: fetchFrom({}),
    ...options,
  });
}

const local = { insecureHosts: ['127.0.0.1'], fetch: undefined };

function outcome(result: ImportVerification): string {
  return result.kind === 'verified' ? 'verified' : result.reason;
}

function checkCodes(result: ImportVerification): Record<string, string> {
  return Object.fromEntries(result.checks.map((check) => [check.check, check.code]));
}

describe('verifyImportedCredential', () => {
  it('verifies a badge from a did:key issuer and summarises it for the wallet', async () => {
    const result = await importCredential({ kind: 'document', document: badge });
    expect(result).toMatchObject({
      kind: 'verified',
      credential: badge,
      credentialId: 'urn:uuid:8a4d2c1e-93b7-4f05-a6e2-7c19d05b3f48',
      achievement: {
        id: 'https://polinus.example.org/capaian/plc-dasar',
        name: 'Dasar Pemrograman PLC',
        achievementType: 'Course',
        criteria: 'Lulus ujian praktik pemrograman PLC.',
        creditsAvailable: 1,
      },
      issuer: { id: external.id, name: 'Politeknik Otomasi Nusantara', url: 'https://polinus.example.org' },
      validFrom: new Date('2025-09-01T00:00:00Z'),
      validUntil: new Date('2027-09-01T00:00:00Z'),
    });
    expect(checkCodes(result)).toEqual({
      source: 'OK',
      format: 'OK',
      proof: 'OK',
      issuer: 'OK',
      schema: 'OK',
      status: 'NO_STATUS',
      validity: 'OK',
      recipient: 'MATCHED_EMAIL',
      origin: 'EXTERNAL',
    });
  });

  it('returns checks that survive JSON storage, each stamped with the instant judged', async () => {
    const { checks } = await importCredential({ kind: 'document', document: badge });
    expect(JSON.parse(JSON.stringify(checks))).toEqual(checks);
    expect(checks.every((check) => check.ok && check.checkedAt === '2026-03-02T03:00:00.000Z')).toBe(true);
  });

  it.each<[string, () => ImportSource]>([
    ['pasted text', () => ({ kind: 'text', text: JSON.stringify(badge, null, 2) })],
    [
      'file bytes with a byte-order mark',
      () => ({ kind: 'text', text: Buffer.from(`\uFEFF${JSON.stringify(badge)}`) }),
    ],
  ])('reads the badge from %s', async (_name, source) => {
    expect(outcome(await importCredential(source()))).toBe('verified');
  });

  it.each([
    ['the achievement name', 'credentialSubject.achievement.name', 'Pemrograman PLC Lanjut'],
    ['the holder identifier', 'credentialSubject.identifier', [identity('emailAddress', 'lain@example.org')]],
    ['validUntil', 'validUntil', '2037-09-01T00:00:00Z'],
    ['the issuer name', 'issuer.name', 'Politeknik Otomasi Nusantara (palsu)'],
  ])('refuses a badge whose %s changed after signing as PROOF_INVALID', async (_name, path, value) => {
    const result = await importCredential({ kind: 'document', document: withValue(badge, path, value) });
    expect(outcome(result)).toBe('PROOF_INVALID');
    expect(checkCodes(result).issuer).toBe('OK');
  });

  it.each<[string, string, string]>([
    ['before validFrom', '2025-08-31T23:59:59Z', 'NOT_YET_VALID'],
    ['at validFrom', '2025-09-01T00:00:00Z', 'verified'],
    ['at validUntil', '2027-09-01T00:00:00Z', 'verified'],
    ['after validUntil', '2027-09-01T00:00:01Z', 'EXPIRED'],
  ])('judges the validity window %s', async (_name, at, expected) => {
    const result = await importCredential({ kind: 'document', document: badge }, { now: new Date(at) });
    expect(outcome(result)).toBe(expected);
  });

  describe('credential status', () => {
    async function withStatusList({
      statusPurpose,
      isSet,
      listIssuer = external,
    }: {
      statusPurpose: StatusPurpose;
      isSet: boolean;
      listIssuer?: ExternalIssuer;
    }): Promise<Credential> {
      const path = `/status/${statusPurpose}-${isSet}-${listIssuer === external ? 'own' : 'other'}`;
      const url = `${origin}${path}`;
      const encodedList = await setStatus({
        encodedList: await createStatusList(),
        updates: [{ index: 42, value: isSet }],
      });
      const list = buildStatusListCredential({
        id: url,
        issuerId: listIssuer.id,
        statusPurpose,
        encodedList,
        validFrom: '2025-09-01T00:00:00Z',
      });
      serve(path, { json: await sign(listIssuer, list) });
      return sign(
        external,
        externalBadge({
          issuerId: external.id,
          credentialStatus: buildStatusEntry({
            statusListCredential: url,
            statusListIndex: 42,
            statusPurpose,
          }),
        }),
      );
    }

    it.each<[string, StatusPurpose, boolean, string]>([
      ['revoked', 'revocation', true, 'REVOKED'],
      ['suspended', 'suspension', true, 'SUSPENDED'],
      ['active on a revocation list', 'revocation', false, 'verified'],
    ])(
      'reads a Bitstring Status List from the issuer’s server: %s',
      async (_name, statusPurpose, isSet, expected) => {
        const credential = await withStatusList({ statusPurpose, isSet });
        const result = await importCredential({ kind: 'document', document: credential }, local);
        expect(outcome(result)).toBe(expected);
      },
    );

    it('refuses a status list signed by someone other than the issuer as STATUS_INVALID', async () => {
      const credential = await withStatusList({
        statusPurpose: 'revocation',
        isSet: false,
        listIssuer: await createExternalIssuer(),
      });
      expect(outcome(await importCredential({ kind: 'document', document: credential }, local))).toBe(
        'STATUS_INVALID',
      );
    });

    it('refuses a badge whose status list cannot be fetched as STATUS_UNAVAILABLE', async () => {
      const credential = await sign(
        external,
        externalBadge({
          issuerId: external.id,
          credentialStatus: buildStatusEntry({
            statusListCredential: 'https://status.polinus.example.org/gone',
            statusListIndex: 1,
            statusPurpose: 'revocation',
          }),
        }),
      );
      const result = await importCredential({ kind: 'document', document: credential });
      expect(outcome(result)).toBe('STATUS_UNAVAILABLE');
      expect(result.checks.find((check) => check.check === 'status')?.message).toContain('HTTP 404');
    });

    it('reads a StatusList2021 list through the injected fetch', async () => {
      const url = 'https://status.polinus.example.org/2021/1';
      const encodedList = await setStatus({
        encodedList: await createStatusList(),
        updates: [{ index: 3, value: true }],
      });
      // StatusList2021's context redefines `name`, which VC 2.0 protects: its lists are VC 1.1 credentials.
      const list = await sign(external, {
        '@context': [VC_V1_CONTEXT, SL2021_CONTEXT, 'https://w3id.org/security/data-integrity/v2'],
        id: url,
        type: ['VerifiableCredential', 'StatusList2021Credential'],
        issuer: external.id,
        issuanceDate: '2025-09-01T00:00:00Z',
        // StatusList2021 writes the list without the multibase prefix.
        credentialSubject: {
          id: `${url}#list`,
          type: 'StatusList2021',
          statusPurpose: 'revocation',
          encodedList: encodedList.slice(1),
        },
      });
      const entry = (index: number) => ({
        id: `${url}#${index}`,
        type: 'StatusList2021Entry',
        statusPurpose: 'revocation',
        statusListIndex: String(index),
        statusListCredential: url,
      });
      const fetch = fetchFrom({ [url]: list });
      const [revoked, active] = await Promise.all(
        [3, 4].map((index) =>
          sign(
            external,
            externalBadge({
              issuerId: external.id,
              contexts: [SL2021_CONTEXT],
              credentialStatus: entry(index),
            }),
          ),
        ),
      );
      expect(outcome(await importCredential({ kind: 'document', document: revoked }, { fetch }))).toBe(
        'REVOKED',
      );
      expect(outcome(await importCredential({ kind: 'document', document: active }, { fetch }))).toBe(
        'verified',
      );
      expect(fetch.calls).toEqual([url, url]);
    });
  });

  describe('recipient', () => {
    it.each<[string, { identifier?: JsonObject[]; subjectId?: string }, string]>([
      ['a SHA-256 hash of the email in lower case', {}, 'MATCHED_EMAIL'],
      [
        'a hash of the email as the account spells it',
        { identifier: [identity('emailAddress', teacher.email)] },
        'MATCHED_EMAIL',
      ],
      [
        'an MD5 hash in upper-case hex',
        {
          identifier: [
            {
              type: 'IdentityObject',
              identityType: 'emailAddress',
              hashed: true,
              identityHash: `md5$${md5(`${teacher.email.toLowerCase()}${salt}`).toUpperCase()}`,
              salt,
            },
          ],
        },
        'MATCHED_EMAIL',
      ],
      [
        'the email in plain text, other case',
        { identifier: [identity('emailAddress', 'SITI.RAHMAWATI@SMKN1-CIKARANG.SCH.ID', { hashed: false })] },
        'MATCHED_EMAIL',
      ],
      [
        'a mailto: subject id',
        { identifier: [], subjectId: 'mailto:siti.rahmawati@smkn1-cikarang.sch.id' },
        'MATCHED_EMAIL',
      ],
      [
        'a hashed ext:NUPTK identifier',
        { identifier: [identity('ext:NUPTK', teacher.nuptk)] },
        'MATCHED_NUPTK',
      ],
      [
        'the NUPTK in plain text as a generic identifier',
        { identifier: [identity('identifier', teacher.nuptk, { hashed: false })] },
        'MATCHED_NUPTK',
      ],
      [
        'another teacher’s email',
        { identifier: [identity('emailAddress', 'budi@smkn2.sch.id')] },
        'RECIPIENT_MISMATCH',
      ],
      ['another NUPTK', { identifier: [identity('ext:NUPTK', '3275010101800001')] }, 'RECIPIENT_MISMATCH'],
      [
        'the teacher’s email hashed with a salt other than the one stated',
        {
          identifier: [
            { ...identity('emailAddress', teacher.email.toLowerCase(), { withSalt: 'other-salt' }), salt },
          ],
        },
        'RECIPIENT_MISMATCH',
      ],
      [
        'another address as mailto: subject id',
        { identifier: [], subjectId: 'mailto:budi@smkn2.sch.id' },
        'RECIPIENT_MISMATCH',
      ],
      [
        'only a name',
        { identifier: [identity('name', 'Siti Nurhaliza Rahmawati', { hashed: false })] },
        'RECIPIENT_UNVERIFIABLE',
      ],
      [
        'only a wallet DID',
        { identifier: [], subjectId: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' },
        'RECIPIENT_UNVERIFIABLE',
      ],
    ])('judges a badge naming its holder by %s', async (_name, holder, expected) => {
      const credential = await sign(external, externalBadge({ issuerId: external.id, ...holder }));
      const result = await importCredential({ kind: 'document', document: credential });
      expect(result.kind === 'verified' ? checkCodes(result).recipient : result.reason).toBe(expected);
    });

    it('refuses a badge for another teacher even when everything else is right', async () => {
      const result = await importCredential(
        { kind: 'document', document: badge },
        { teacher: { nuptk: '3275010101800001', email: 'budi@smkn2.sch.id' } },
      );
      expect(outcome(result)).toBe('RECIPIENT_MISMATCH');
      expect(result.checks.filter((check) => !check.ok).map((check) => check.check)).toEqual(['recipient']);
    });
  });

  describe('from a URL', () => {
    it('fetches the badge from the issuer’s server', async () => {
      const url = serve('/badges/plc-dasar.json', {
        json: badge,
        headers: { 'content-type': 'application/ld+json' },
      });
      const result = await importCredential({ kind: 'url', url }, local);
      expect(outcome(result)).toBe('verified');
      expect(result.checks[0]).toMatchObject({
        check: 'source',
        ok: true,
        message: expect.stringContaining(url),
      });
    });

    it('follows a redirect to the badge', async () => {
      const target = serve('/badges/plc-dasar-v2.json', { json: badge });
      const url = serve('/b/plc', { status: 302, body: '', headers: { location: target } });
      expect(outcome(await importCredential({ kind: 'url', url }, local))).toBe('verified');
    });

    it.each<[string, Partial<Route> & { json?: unknown }, Partial<VerifyImportedCredentialOptions>, string]>([
      ['a missing page', { status: 404, body: 'Not Found' }, {}, 'FETCH_FAILED'],
      [
        'an HTML page',
        { body: '<!doctype html><title>Badge</title>', headers: { 'content-type': 'text/html' } },
        {},
        'NOT_JSON',
      ],
      [
        'a body above the size limit',
        { json: { padding: 'x'.repeat(5_000) } },
        { maxBytes: 2_000 },
        'TOO_LARGE',
      ],
      ['a server slower than the timeout', { json: {}, delayMs: 1_000 }, { timeoutMs: 200 }, 'FETCH_TIMEOUT'],
      [
        'a body that stalls',
        { json: { padding: 'x'.repeat(100) }, stalls: true },
        { timeoutMs: 200 },
        'FETCH_TIMEOUT',
      ],
      ['a redirect loop', { status: 301, body: '', headers: { location: '/loop' } }, {}, 'FETCH_FAILED'],
    ])('refuses %s', async (name, route, options, expected) => {
      const path = route.headers?.location === '/loop' ? '/loop' : `/refuse/${encodeURIComponent(name)}`;
      const url = serve(path, route);
      expect(outcome(await importCredential({ kind: 'url', url }, { ...local, ...options }))).toBe(expected);
    });

    it('stops reading a body without a length once it passes the limit', async () => {
      const path = '/badges/streamed.json';
      routes.set(path, {
        body: JSON.stringify({ padding: 'x'.repeat(5_000) }),
        headers: { 'transfer-encoding': 'chunked' },
      });
      const result = await importCredential(
        { kind: 'url', url: `${origin}${path}` },
        { ...local, maxBytes: 2_000 },
      );
      expect(outcome(result)).toBe('TOO_LARGE');
    });

    it.each([
      ['the local server without the development exemption', () => `${origin}/badges/plc-dasar.json`],
      ['a loopback address', () => 'https://127.0.0.1/badge.json'],
      ['a private address', () => 'https://192.168.1.10/badge.json'],
      ['localhost by name', () => 'https://localhost/badge.json'],
      ['plain http', () => 'http://polinus.example.org/badge.json'],
      ['a cloud metadata address', () => 'https://169.254.169.254/latest/meta-data'],
      ['an IPv6 loopback', () => 'https://[::1]/badge.json'],
      ['a URL with credentials', () => 'https://user:secret@polinus.example.org/badge.json'],
      ['a file URL', () => 'file:///etc/passwd'],
      ['not a URL at all', () => 'polinus badge'],
    ])('refuses to fetch %s', async (_name, url) => {
      const fetch = fetchFrom({});
      const result = await importCredential({ kind: 'url', url: url() }, { fetch });
      expect(outcome(result)).toBe('URL_NOT_ALLOWED');
      expect(fetch.calls).toEqual([]);
    });

    it.each([
      ['a private IPv4 address', 'https://intranet.kmg.example/badge.json'],
      ['an IPv4-mapped loopback', 'https://mapped.kmg.example/badge.json'],
    ])('refuses a name that resolves to %s, before connecting', async (_name, url) => {
      const result = await importCredential({ kind: 'url', url }, { fetch: undefined });
      expect(outcome(result)).toBe('URL_NOT_ALLOWED');
      expect(result.checks[0]?.message).toContain('not a public address');
    });

    it('refuses a redirect to a private address', async () => {
      const fetch: FetchLike = async () =>
        new Response(null, { status: 302, headers: { location: 'http://10.0.0.8/admin' } });
      const result = await importCredential(
        { kind: 'url', url: 'https://polinus.example.org/b/1' },
        { fetch },
      );
      expect(outcome(result)).toBe('URL_NOT_ALLOWED');
    });
  });

  describe('baked badges (OB 3.0 PNG)', () => {
    const seal = () =>
      renderBadgePng(
        achievementBadgeSvg({
          name: 'Dasar Pemrograman PLC',
          achievementType: 'MicroCredential',
          kkniLevel: 4,
          year: 2025,
        }),
        128,
      );

    it('reads back and verifies the credential baked into the badge PNG', async () => {
      const png = bakeCredentialIntoPng(seal(), JSON.stringify(badge));
      const result = await importCredential({ kind: 'text', text: png });
      expect(result).toMatchObject({ kind: 'verified', credential: badge });
      expect(checkCodes(result)).toMatchObject({ source: 'OK', proof: 'OK', issuer: 'OK' });
      expect(result.checks.find((check) => check.check === 'source')?.message).toMatch(/baked into the PNG/);
    });

    it('catches a baked credential changed after signing', async () => {
      const changed = { ...badge, name: 'Ahli PLC' };
      const result = await importCredential({
        kind: 'text',
        text: bakeCredentialIntoPng(seal(), JSON.stringify(changed)),
      });
      expect(outcome(result)).toBe('PROOF_INVALID');
    });

    it('refuses a PNG with no credential baked in', async () => {
      const result = await importCredential({ kind: 'text', text: seal() });
      expect(result).toMatchObject({
        kind: 'refused',
        reason: 'NOT_JSON',
        message: expect.stringContaining('no credential baked in'),
      });
    });
  });

  describe('input', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]);
    it.each<[string, () => ImportSource, string, string]>([
      ['plain text', () => ({ kind: 'text', text: 'sertifikat saya' }), 'NOT_JSON', 'JSON file'],
      [
        'an HTML page',
        () => ({ kind: 'text', text: '<html><body>Badge</body></html>' }),
        'NOT_JSON',
        'HTML page',
      ],
      ['an unreadable PNG image', () => ({ kind: 'text', text: png }), 'NOT_JSON', 'PNG image'],
      [
        'a VC-JWT',
        () => ({ kind: 'text', text: 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln' }),
        'NOT_JSON',
        'VC-JWT',
      ],
      ['a JSON array', () => ({ kind: 'text', text: '[]' }), 'NOT_OPEN_BADGE', 'not a credential object'],
      [
        'an Open Badges 2.0 assertion',
        () => ({
          kind: 'document',
          document: { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion' },
        }),
        'NOT_OPEN_BADGE',
        'Open Badges 2.0',
      ],
      [
        'a verifiable credential of another kind',
        () => ({
          kind: 'document',
          document: { ...badge, type: ['VerifiableCredential', 'DiplomaCredential'] },
        }),
        'NOT_OPEN_BADGE',
        'DiplomaCredential',
      ],
      [
        'a badge without its proof',
        () => ({ kind: 'document', document: { ...badge, proof: [] } }),
        'PROOF_MISSING',
        'no proof',
      ],
      [
        'text above the size limit',
        () => ({ kind: 'text', text: JSON.stringify({ ...badge, padding: 'x'.repeat(1_048_576) }) }),
        'TOO_LARGE',
        'limit is 1048576',
      ],
      [
        'a parsed document above the size limit',
        () => ({ kind: 'document', document: { ...badge, padding: 'x'.repeat(1_048_576) } }),
        'TOO_LARGE',
        'limit is 1048576',
      ],
    ])('refuses %s', async (_name, source, reason, message) => {
      const result = await importCredential(source());
      expect(result).toMatchObject({ kind: 'refused', reason, message: expect.stringContaining(message) });
    });
  });

  describe('proof and issuer', () => {
    it.each<[string, JsonObject]>([
      [
        'Ed25519Signature2020',
        {
          type: 'Ed25519Signature2020',
          created: '2025-09-01T00:00:00Z',
          verificationMethod: 'did:key:z6Mk#z6Mk',
          proofPurpose: 'assertionMethod',
          proofValue:
            'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKods5D2UAUL5n2KzYe',
        },
      ],
      [
        'eddsa-2022',
        { type: 'DataIntegrityProof', cryptosuite: 'eddsa-2022', proofPurpose: 'assertionMethod' },
      ],
    ])('refuses a %s proof as PROOF_UNSUPPORTED', async (name, proof) => {
      const result = await importCredential({ kind: 'document', document: { ...badge, proof: [proof] } });
      expect(result).toMatchObject({
        kind: 'refused',
        reason: 'PROOF_UNSUPPORTED',
        message: expect.stringContaining(name),
      });
    });

    it('refuses a context it does not bundle as CONTEXT_UNSUPPORTED, without fetching it', async () => {
      const extra = 'https://polinus.example.org/contexts/kursus-v1.json';
      const fetch = fetchFrom({ [extra]: { '@context': {} } });
      const document = { ...badge, '@context': [...(badge['@context'] as string[]), extra] };
      const result = await importCredential({ kind: 'document', document }, { fetch });
      expect(result).toMatchObject({
        kind: 'refused',
        reason: 'CONTEXT_UNSUPPORTED',
        message: expect.stringContaining(extra),
      });
      expect(fetch.calls).toEqual([]);
    });

    it('refuses a badge that breaks the 1EdTech schema as SCHEMA_INVALID, saying where', async () => {
      const unsigned = externalBadge({ issuerId: external.id });
      delete (unsigned.credentialSubject as any).achievement.criteria;
      const result = await importCredential({ kind: 'document', document: await sign(external, unsigned) });
      expect(outcome(result)).toBe('SCHEMA_INVALID');
      expect(result.checks.find((check) => check.check === 'schema')?.issues?.[0]).toMatchObject({
        path: '/credentialSubject/achievement',
      });
    });

    it('resolves a did:web issuer from its server', async () => {
      const did = `did:web:${new URL(origin).host.replace(':', '%3A')}`;
      const issuer = await createExternalIssuer(did);
      serve('/.well-known/did.json', {
        json: issuerDidDocument({
          issuerId: did,
          keys: [{ keyId: 'key-1', publicKeyMultibase: issuer.publicKeyMultibase }],
        }),
      });
      const credential = await sign(issuer, externalBadge({ issuerId: did }));
      expect(outcome(await importCredential({ kind: 'document', document: credential }, local))).toBe(
        'verified',
      );
      // Without the exemption the same DID is fetched over https, which a loopback host never gets.
      expect(outcome(await importCredential({ kind: 'document', document: credential }))).toBe(
        'ISSUER_UNRESOLVABLE',
      );
    });

    it('reads a did:web document with relative ids and an Ed25519VerificationKey2020 key, as wallets publish them', async () => {
      const did = 'did:web:polinus.example.org';
      const issuer = await createExternalIssuer(did);
      const fetch = fetchFrom({
        'https://polinus.example.org/.well-known/did.json': {
          '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
          id: did,
          verificationMethod: [
            {
              id: '#key-1',
              type: 'Ed25519VerificationKey2020',
              controller: did,
              publicKeyMultibase: issuer.publicKeyMultibase,
            },
          ],
          assertionMethod: ['#key-1'],
        },
      });
      const credential = await sign(issuer, externalBadge({ issuerId: did }));
      expect(outcome(await importCredential({ kind: 'document', document: credential }, { fetch }))).toBe(
        'verified',
      );
    });

    it('takes did:web documents from an injected resolver instead of the network', async () => {
      const did = 'did:web:lsp.example.org:issuers:otomasi';
      const issuer = await createExternalIssuer(did);
      const resolveDid = vi.fn(async (requested: string) =>
        requested === did
          ? issuerDidDocument({
              issuerId: did,
              keys: [{ keyId: 'key-1', publicKeyMultibase: issuer.publicKeyMultibase }],
            })
          : null,
      );
      const fetch = fetchFrom({});
      const credential = await sign(issuer, externalBadge({ issuerId: did }));
      expect(
        outcome(await importCredential({ kind: 'document', document: credential }, { resolveDid, fetch })),
      ).toBe('verified');
      expect(resolveDid).toHaveBeenCalledTimes(1);
      expect(fetch.calls).toEqual([]);
    });

    it.each<[string, (issuer: ExternalIssuer) => JsonObject | null, string]>([
      ['is not served', () => null, 'ISSUER_UNRESOLVABLE'],
      [
        'does not list the signing key for assertions',
        (issuer) => ({
          ...issuerDidDocument({
            issuerId: issuer.id,
            keys: [{ keyId: 'key-1', publicKeyMultibase: issuer.publicKeyMultibase }],
          }),
          assertionMethod: [],
        }),
        'ISSUER_KEY_REJECTED',
      ],
      [
        'lists another key',
        (issuer) =>
          issuerDidDocument({
            issuerId: issuer.id,
            keys: [{ keyId: 'key-1', publicKeyMultibase: external.publicKeyMultibase }],
          }),
        'PROOF_INVALID',
      ],
    ])('refuses a did:web issuer whose document %s', async (_name, document, expected) => {
      const did = 'did:web:polinus.example.org';
      const issuer = await createExternalIssuer(did);
      const didDocument = document(issuer);
      const fetch = fetchFrom(
        didDocument ? { 'https://polinus.example.org/.well-known/did.json': didDocument } : {},
      );
      const credential = await sign(issuer, externalBadge({ issuerId: did }));
      expect(outcome(await importCredential({ kind: 'document', document: credential }, { fetch }))).toBe(
        expected,
      );
    });

    it.each([
      ['a DID method it cannot resolve', 'did:ion:EiClkZMDxPKqC9c-umQfTkR8vvZ9JPhl_xLDI9Nfk38w5w'],
      ['an https issuer id', 'https://polinus.example.org/issuer'],
    ])('refuses %s as ISSUER_UNSUPPORTED', async (_name, issuerId) => {
      const issuer = await createExternalIssuer(issuerId);
      const credential = await sign(issuer, externalBadge({ issuerId }));
      expect(outcome(await importCredential({ kind: 'document', document: credential }))).toBe(
        'ISSUER_UNSUPPORTED',
      );
    });
  });

  describe('a credential KMG issued', () => {
    let issued: Credential;
    beforeAll(async () => {
      issued = await kmg.issue(weldingRobotCredentialInput, { statusListIndex: 9 });
    });

    it('is refused as ISSUED_BY_KMG once it proves genuine and the teacher’s, resolved without the network', async () => {
      const fetch = fetchFrom({});
      const result = await importCredential({ kind: 'document', document: issued }, { fetch });
      expect(result).toMatchObject({
        kind: 'refused',
        reason: 'ISSUED_BY_KMG',
        credentialId: weldingRobotCredentialInput.id,
      });
      expect(checkCodes(result)).toMatchObject({
        proof: 'OK',
        issuer: 'OK',
        schema: 'OK',
        status: 'ACTIVE',
        validity: 'OK',
        recipient: 'MATCHED_NUPTK',
      });
      expect(fetch.calls).toEqual([]);
    });

    it.each<[string, () => Credential, Partial<VerifyImportedCredentialOptions>, string]>([
      [
        'another teacher’s',
        () => issued,
        { teacher: { nuptk: '3275010101800001', email: null } },
        'RECIPIENT_MISMATCH',
      ],
      ['a tampered copy', () => withValue(issued, 'credentialSubject.creditsEarned', 4), {}, 'PROOF_INVALID'],
    ])('refuses %s for what is wrong with it', async (_name, credential, options, expected) => {
      expect(outcome(await importCredential({ kind: 'document', document: credential() }, options))).toBe(
        expected,
      );
    });

    it('refuses one revoked on KMG as REVOKED', async () => {
      const revoked = await kmg.issue(weldingRobotCredentialInput, { statusListIndex: 10 });
      await kmg.setStatus({ statusPurpose: 'revocation', index: 10, value: true });
      expect(outcome(await importCredential({ kind: 'document', document: revoked }))).toBe('REVOKED');
    });

    it('refuses a badge that claims a KMG issuer but is signed by a did:key, without asking the network', async () => {
      const forger = await createExternalIssuer();
      const fetch = fetchFrom({});
      const credential = await sign(
        { ...forger, key: { ...forger.key, issuerId: kmg.issuerId } },
        externalBadge({ issuerId: kmg.issuerId }),
      );
      const result = await importCredential({ kind: 'document', document: credential }, { fetch });
      expect(outcome(result)).toBe('ISSUER_KEY_REJECTED');
      expect(fetch.calls).toEqual([]);
    });
  });
});

describe('didKeyDocument', () => {
  it('derives an Ed25519 did:key document with the key as its assertion method', () => {
    const did = `did:key:${external.publicKeyMultibase}`;
    const key = `${did}#${external.publicKeyMultibase}`;
    expect(didKeyDocument(did)).toMatchObject({
      id: did,
      verificationMethod: [
        { id: key, type: 'Multikey', controller: did, publicKeyMultibase: external.publicKeyMultibase },
      ],
      assertionMethod: [key],
    });
  });

  it.each([
    'did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169',
    'did:key:z6Mk',
    'did:web:polinus.example.org',
  ])('returns null for %s, which is not an Ed25519 did:key', (did) => {
    expect(didKeyDocument(did)).toBeNull();
  });
});

describe('didWebDocumentUrl', () => {
  it.each<[string, string[], string | null]>([
    ['did:web:polinus.example.org', [], 'https://polinus.example.org/.well-known/did.json'],
    ['did:web:polinus.example.org:issuers:plc', [], 'https://polinus.example.org/issuers/plc/did.json'],
    ['did:web:localhost%3A4000:issuers:a', ['localhost'], 'http://localhost:4000/issuers/a/did.json'],
    ['did:web:localhost%3A4000', [], 'https://localhost:4000/.well-known/did.json'],
    ['did:web:polinus.example.org:..:admin', [], null],
    ['did:web:polinus.example.org%2Fadmin', [], null],
    ['did:web:', [], null],
    ['did:key:z6Mk', [], null],
  ])('maps %s to its document URL', (did, insecureHosts, url) => {
    expect(didWebDocumentUrl(did, insecureHosts)).toBe(url);
  });
});
