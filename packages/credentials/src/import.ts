/// <reference path="./vendor.d.ts" />
import { createHash, timingSafeEqual } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { isPng, readBakedCredential } from '#baked-badge.ts';
import { NUPTK_IDENTITY_TYPE } from '#credential.ts';
import { issuerDid } from '#did.ts';
import {
  bundledContexts,
  createDocumentLoader,
  DocumentLoadError,
  type DocumentLoader,
  type JsonObject,
} from '#document-loader.ts';
import type { SchemaIssue } from '#schema.ts';
import { type CredentialVerification, verifyCredential } from '#verify.ts';

// Verifies an Open Badges 3.0 credential a teacher brings from elsewhere (file, pasted JSON or URL)
// before it joins their wallet as an EXTERNAL credential. Unlike `verifyCredential`, which only
// ever resolves KMG's own issuers, this one reaches foreign issuers: did:key offline, did:web and
// status lists over the network, through one guarded fetch (HTTPS, public addresses, timeout, size
// limit). KMG's own DIDs and status lists still go to the platform's local loader, never the network.

/** Why an import was refused: stable codes for the UI and for the stored verification result. */
export const IMPORT_REFUSAL_REASONS = [
  // Reading the input
  'URL_NOT_ALLOWED',
  'FETCH_FAILED',
  'FETCH_TIMEOUT',
  'TOO_LARGE',
  'NOT_JSON',
  'NOT_OPEN_BADGE',
  'PROOF_MISSING',
  // Authenticity
  'PROOF_UNSUPPORTED',
  'CONTEXT_UNSUPPORTED',
  'PROOF_INVALID',
  'ISSUER_UNSUPPORTED',
  'ISSUER_UNRESOLVABLE',
  'ISSUER_KEY_REJECTED',
  // Content and standing
  'SCHEMA_INVALID',
  'REVOKED',
  'SUSPENDED',
  'STATUS_UNSUPPORTED',
  'STATUS_UNAVAILABLE',
  'STATUS_INVALID',
  'NOT_YET_VALID',
  'EXPIRED',
  'DATES_INVALID',
  // This teacher, this platform
  'RECIPIENT_MISMATCH',
  'RECIPIENT_UNVERIFIABLE',
  'ISSUED_BY_KMG',
] as const;

export type ImportRefusalReason = (typeof IMPORT_REFUSAL_REASONS)[number];

/** What a passed check found: `NO_STATUS` (nothing to check), which identifier named the teacher. */
export type ImportCheckPass = 'OK' | 'ACTIVE' | 'NO_STATUS' | 'MATCHED_NUPTK' | 'MATCHED_EMAIL' | 'EXTERNAL';

/** In the order they are judged; a refusal's reason is the first failed check's code. */
export type ImportCheckName =
  | 'source'
  | 'format'
  | 'proof'
  | 'issuer'
  | 'schema'
  | 'status'
  | 'validity'
  | 'recipient'
  | 'origin';

/** One step of an import's verification; plain JSON, so it can be stored with the import. */
export type ImportCheck = {
  check: ImportCheckName;
  message: string;
  /** The instant the check was judged at (the caller's `now`), ISO 8601. */
  checkedAt: string;
  /** Schema problems, at most 20 (schema check only). */
  issues?: SchemaIssue[];
} & ({ ok: true; code: ImportCheckPass } | { ok: false; code: ImportRefusalReason });

export type ImportedAchievement = {
  id: string;
  name: string;
  description: string | null;
  achievementType: string | null;
  /** `criteria.narrative` (Markdown). */
  criteria: string | null;
  /** Image URL or data URI. */
  image: string | null;
  humanCode: string | null;
  fieldOfStudy: string | null;
  creditsAvailable: number | null;
};

export type ImportedIssuer = { id: string; name: string | null; url: string | null };

export type ImportVerification =
  | {
      kind: 'verified';
      /** The credential exactly as received (parsed JSON): store this, it is what the proof covers. */
      credential: JsonObject;
      credentialId: string | null;
      achievement: ImportedAchievement;
      issuer: ImportedIssuer;
      validFrom: Date;
      validUntil: Date | null;
      checks: ImportCheck[];
    }
  | {
      kind: 'refused';
      reason: ImportRefusalReason;
      message: string;
      /** The credential's `id` when the input got that far (`ISSUED_BY_KMG`: `urn:uuid:` of our record). */
      credentialId: string | null;
      checks: ImportCheck[];
    };

/** What the teacher hands in: an uploaded file or pasted JSON, already parsed JSON, or a URL to fetch. */
export type ImportSource =
  | { kind: 'text'; text: string | Uint8Array }
  | { kind: 'document'; document: unknown }
  | { kind: 'url'; url: string };

/** The teacher importing: the credential must name them by one of these. */
export type ImportingTeacher = {
  /** NUPTK, the national teacher number (16 digits). */
  nuptk: string | null;
  /** The account's email; compared case-insensitively. */
  email: string | null;
};

/** The slice of WHATWG `fetch` used here; `globalThis.fetch` fits. Redirects are followed by the caller. */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; redirect: 'manual'; headers: Record<string, string> },
) => Promise<Response>;

export type VerifyImportedCredentialOptions = {
  teacher: ImportingTeacher;
  /** The moment the credential is judged at (validity window, status lists, `checkedAt`). */
  now: Date;
  /**
   * KMG itself: DIDs and URLs under `publicBaseUrl` are resolved by `documentLoader` (core's
   * `platformDocumentLoader()`), never fetched, so a credential claiming one of our issuers is
   * checked against our database.
   */
  platform: { publicBaseUrl: string; documentLoader: DocumentLoader };
  /**
   * Resolves foreign DIDs instead of fetching did:web documents (return null when unknown); with
   * it, DID methods other than did:web are accepted too. did:key is always resolved offline.
   */
  resolveDid?: (did: string) => Promise<JsonObject | null>;
  /**
   * Network for URL imports, did:web documents and status lists. Default: Node's http(s) client,
   * connecting only to public addresses. An injected fetch (an egress proxy, a test) takes over
   * that address check; schemes, IP literals and redirects are still checked here.
   */
  fetch?: FetchLike;
  /** Hosts reached over plain http and exempt from the public-address rule (development, tests). */
  insecureHosts?: readonly string[];
  /** Per fetch, redirects and body included (default 10 s). */
  timeoutMs?: number;
  /** Largest credential (text, file, download) and largest fetched document (default 1 MiB). */
  maxBytes?: number;
};

export const IMPORT_TIMEOUT_MS = 10_000;
/** The same limit as the API's verification endpoint. */
export const IMPORT_MAX_BYTES = 1_048_576;

const MAX_REDIRECTS = 3;
const MAX_SCHEMA_ISSUES = 20;
const ACCEPT = 'application/ld+json, application/json;q=0.9, */*;q=0.1';
const OPEN_BADGE_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];
const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause ? `${error.message} (${messageOf(error.cause)})` : error.message;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

// ---------------------------------------------------------------------------------------------
// Network: one guarded fetch for the credential URL, did:web documents and status lists

type FetchFailure = 'URL_NOT_ALLOWED' | 'FETCH_FAILED' | 'FETCH_TIMEOUT' | 'TOO_LARGE' | 'NOT_JSON';

class ImportFetchError extends Error {
  readonly code: FetchFailure;
  constructor(code: FetchFailure, message: string) {
    super(message);
    this.name = 'ImportFetchError';
    this.code = code;
  }
}

// Loopback, private, link-local, carrier-grade NAT, documentation, multicast and reserved ranges:
// a URL from a teacher's upload must not reach the server's own network.
const nonPublicAddresses = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  nonPublicAddresses.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  // IPv4-mapped and NAT64 addresses can carry any of the IPv4 ranges above.
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  nonPublicAddresses.addSubnet(network, prefix, 'ipv6');
}

function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && !nonPublicAddresses.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const ADDRESS_NOT_PUBLIC = 'ERR_KMG_ADDRESS_NOT_PUBLIC';

/** DNS lookup that fails for names resolving to a non-public address, checked at connect time (no rebinding). */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, []);
      return;
    }
    const blocked = addresses.find(({ address }) => !isPublicAddress(address));
    const [first] = addresses;
    if (blocked || !first) {
      const refusal: NodeJS.ErrnoException = new Error(
        `${hostname} resolves to ${blocked?.address ?? 'no address'}, which is not a public address.`,
      );
      refusal.code = ADDRESS_NOT_PUBLIC;
      callback(refusal, []);
      return;
    }
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  });
};

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function toResponse(message: http.IncomingMessage): Response {
  const status = message.statusCode ?? 0;
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    for (const one of listOf(value)) headers.append(name, String(one));
  }
  const hasBody = ![204, 205, 304].includes(status);
  if (!hasBody) message.resume();
  return new Response(hasBody ? (Readable.toWeb(message) as ReadableStream<Uint8Array>) : null, {
    status,
    headers,
  });
}

/** The default network: Node's http(s), one connection per request, public addresses only. */
function createNodeFetch(insecureHosts: ReadonlySet<string>): FetchLike {
  return (href, { signal, headers }) =>
    new Promise((resolve, reject) => {
      const url = new URL(href);
      const client = url.protocol === 'https:' ? https : http;
      const request = client.get(
        url,
        {
          headers,
          signal,
          agent: false,
          ...(insecureHosts.has(hostOf(url)) ? {} : { lookup: publicOnlyLookup }),
        },
        (message) => {
          try {
            resolve(toResponse(message));
          } catch (error) {
            message.destroy();
            reject(error);
          }
        },
      );
      request.on('error', reject);
    });
}

type Network = {
  fetch: FetchLike;
  insecureHosts: ReadonlySet<string>;
  timeoutMs: number;
  maxBytes: number;
};

function allowedUrl(raw: string, insecureHosts: ReadonlySet<string>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ImportFetchError('URL_NOT_ALLOWED', `Not a URL: ${raw}`);
  }
  const host = hostOf(url);
  const isExempt = insecureHosts.has(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isExempt)) {
    throw new ImportFetchError('URL_NOT_ALLOWED', `Only https URLs are fetched: ${url.href}`);
  }
  if (url.username || url.password) {
    throw new ImportFetchError('URL_NOT_ALLOWED', 'URLs carrying a user name or password are not fetched.');
  }
  const isLocalName = host === 'localhost' || host.endsWith('.localhost');
  if (!isExempt && (isIP(host) ? !isPublicAddress(host) : isLocalName)) {
    throw new ImportFetchError('URL_NOT_ALLOWED', `${host} is not a public address.`);
  }
  url.hash = '';
  return url;
}

function hasErrorCode(error: unknown, code: string): boolean {
  if (!(error instanceof Error)) return false;
  return (error as NodeJS.ErrnoException).code === code || hasErrorCode(error.cause, code);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new ImportFetchError('TOO_LARGE', `The document is ${declared} bytes; the limit is ${maxBytes}.`);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ImportFetchError('TOO_LARGE', `The document is larger than the limit of ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Fetches a JSON document: redirects re-checked hop by hop, one deadline for the whole exchange. */
async function fetchJson(raw: string, network: Network): Promise<{ document: unknown; bytes: number }> {
  const signal = AbortSignal.timeout(network.timeoutMs);
  let url = allowedUrl(raw, network.insecureHosts);
  try {
    for (let hop = 0; ; hop++) {
      const response = await network.fetch(url.href, {
        signal,
        redirect: 'manual',
        headers: { accept: ACCEPT },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS)
          throw new ImportFetchError('FETCH_FAILED', `Too many redirects from ${raw}.`);
        url = allowedUrl(new URL(location, url).href, network.insecureHosts);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new ImportFetchError('FETCH_FAILED', `${url.href} answered HTTP ${response.status}.`);
      }
      const body = await readBody(response, network.maxBytes);
      const read = documentFromBytes(body);
      if (read.document === undefined) {
        throw new ImportFetchError(
          'NOT_JSON',
          isPng(body) && 'reason' in read
            ? `${url.href}: ${read.reason}`
            : `${url.href} did not return JSON. ${notJsonHint(body)}`,
        );
      }
      return { document: read.document, bytes: body.byteLength };
    }
  } catch (error) {
    if (error instanceof ImportFetchError) throw error;
    if (signal.aborted) {
      throw new ImportFetchError(
        'FETCH_TIMEOUT',
        `${url.href} did not answer within ${network.timeoutMs} ms.`,
      );
    }
    if (hasErrorCode(error, ADDRESS_NOT_PUBLIC))
      throw new ImportFetchError('URL_NOT_ALLOWED', messageOf(error));
    throw new ImportFetchError('FETCH_FAILED', `Fetching ${url.href} failed: ${messageOf(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the input

/** Parsed JSON, or undefined when the text is not JSON (a leading byte-order mark is allowed). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

function notJsonHint(bytes: Uint8Array): string {
  const start = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart();
  if (/^eyJ[\w-]*\.[\w-]*\./.test(start)) {
    return 'It looks like a JWT-secured credential (VC-JWT), which KMG does not read; export it as JSON.';
  }
  if (/^<(\?xml|svg)/i.test(start)) {
    return 'It is an SVG or XML file; KMG reads badges baked into PNG images only, so upload the PNG or the JSON credential.';
  }
  if (start.startsWith('<')) return 'It is an HTML page; use the link to the credential JSON itself.';
  return 'Upload the credential as a JSON file.';
}

/**
 * The credential in a file: its JSON, or the JSON baked into a PNG badge (OB 3.0 baking). Undefined
 * with the reason when there is none.
 */
function documentFromBytes(
  bytes: Uint8Array,
): { document: unknown } | { document: undefined; reason: string } {
  if (isPng(bytes)) {
    const baked = readBakedCredential(bytes);
    if (baked.kind === 'found') {
      const document = parseJson(baked.text);
      return document === undefined
        ? { document, reason: 'The credential baked into the PNG image is not JSON.' }
        : { document };
    }
    const reasons = {
      none: 'It is a PNG image with no credential baked in; upload a baked badge or the JSON credential.',
      'not-png':
        'It looks like a PNG image but cannot be read; upload the badge again or the JSON credential.',
      compressed:
        'The credential is baked into the PNG image compressed, which Open Badges 3.0 does not allow.',
      several: 'The PNG image holds more than one baked credential, which Open Badges 3.0 does not allow.',
    } as const;
    return { document: undefined, reason: reasons[baked.kind === 'none' ? 'none' : baked.reason] };
  }
  const text = decodeUtf8(bytes);
  const document = text === null ? undefined : parseJson(text);
  return document === undefined
    ? { document, reason: `The file is not JSON. ${notJsonHint(bytes)}` }
    : { document };
}

type SourceOutcome =
  | { ok: true; document: unknown; message: string }
  | { ok: false; code: FetchFailure; message: string };

async function readSource(source: ImportSource, network: Network): Promise<SourceOutcome> {
  const { maxBytes } = network;
  if (source.kind === 'url') {
    try {
      const { document, bytes } = await fetchJson(source.url.trim(), network);
      return { ok: true, document, message: `Fetched ${bytes} bytes from ${source.url.trim()}.` };
    } catch (error) {
      if (error instanceof ImportFetchError) return { ok: false, code: error.code, message: error.message };
      return { ok: false, code: 'FETCH_FAILED', message: messageOf(error) };
    }
  }
  if (source.kind === 'document') {
    let text: string | undefined;
    try {
      text = JSON.stringify(source.document);
    } catch {
      text = undefined;
    }
    if (text === undefined)
      return { ok: false, code: 'NOT_JSON', message: 'The credential is not JSON data.' };
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) {
      return {
        ok: false,
        code: 'TOO_LARGE',
        message: `The credential is ${bytes} bytes; the limit is ${maxBytes}.`,
      };
    }
    return { ok: true, document: source.document, message: `Read the credential (${bytes} bytes).` };
  }
  const bytes = typeof source.text === 'string' ? Buffer.from(source.text, 'utf8') : Buffer.from(source.text);
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      code: 'TOO_LARGE',
      message: `The file is ${bytes.byteLength} bytes; the limit is ${maxBytes}.`,
    };
  }
  const read = documentFromBytes(bytes);
  if (read.document === undefined) {
    return { ok: false, code: 'NOT_JSON', message: 'reason' in read ? read.reason : '' };
  }
  return {
    ok: true,
    document: read.document,
    message: isPng(bytes)
      ? `Read the credential baked into the PNG image (${bytes.byteLength} bytes).`
      : `Read the file (${bytes.byteLength} bytes).`,
  };
}

function typesOf(document: JsonObject): string[] {
  return listOf(document.type).filter((type): type is string => typeof type === 'string');
}

type FormatOutcome =
  | { ok: true; credential: JsonObject }
  | { ok: false; code: 'NOT_OPEN_BADGE' | 'PROOF_MISSING'; message: string };

function checkFormat(document: unknown): FormatOutcome {
  if (!isObject(document)) {
    return { ok: false, code: 'NOT_OPEN_BADGE', message: 'The JSON is not a credential object.' };
  }
  const types = typesOf(document);
  if (!types.some((type) => OPEN_BADGE_TYPES.includes(type))) {
    const hint = types.includes('VerifiablePresentation')
      ? 'It is a presentation; export the credential inside it on its own.'
      : types.includes('Assertion')
        ? 'It is an Open Badges 2.0 assertion; only Open Badges 3.0 credentials can be imported.'
        : types.includes('EnvelopedVerifiableCredential')
          ? 'It is a JWT-secured credential (VC-JWT), which KMG does not read; export it as JSON.'
          : `Its type is ${types.join(', ') || 'missing'}.`;
    return {
      ok: false,
      code: 'NOT_OPEN_BADGE',
      message: `Not an Open Badges 3.0 OpenBadgeCredential or AchievementCredential. ${hint}`,
    };
  }
  if (listOf(document.proof).length === 0) {
    return {
      ok: false,
      code: 'PROOF_MISSING',
      message: 'The credential carries no proof, so nobody can tell who issued it.',
    };
  }
  return { ok: true, credential: document };
}

// ---------------------------------------------------------------------------------------------
// Resolving issuers and status lists

const ED25519_DID_KEY = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]{44})$/;

/** The DID document of an Ed25519 did:key, derived from the DID itself (no network). */
export function didKeyDocument(did: string): JsonObject | null {
  const publicKeyMultibase = ED25519_DID_KEY.exec(did)?.[1];
  if (!publicKeyMultibase) return null;
  const id = `${did}#${publicKeyMultibase}`;
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase }],
    authentication: [id],
    assertionMethod: [id],
    capabilityDelegation: [id],
    capabilityInvocation: [id],
  };
}

/**
 * Where a did:web document is served (`did:web:example.org:a:b` → `https://example.org/a/b/did.json`,
 * `did:web:example.org` → `https://example.org/.well-known/did.json`); null for a malformed DID.
 */
export function didWebDocumentUrl(did: string, insecureHosts: readonly string[] = []): string | null {
  if (!did.startsWith('did:web:')) return null;
  let host: string | undefined;
  let path: string[];
  try {
    [host, ...path] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  } catch {
    return null;
  }
  if (!host || !/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host)) return null;
  if (
    path.some((segment) => segment === '' || segment === '.' || segment === '..' || /[/?#\\]/.test(segment))
  ) {
    return null;
  }
  const scheme = insecureHosts.includes(host.replace(/:\d+$/, '')) ? 'http' : 'https';
  const file =
    path.length > 0 ? `${path.map(encodeURIComponent).join('/')}/did.json` : '.well-known/did.json';
  return `${scheme}://${host}/${file}`;
}

/** A verification method as Multikey, the form the eddsa cryptosuite reads; other keys are left as they are. */
async function toMultikeyMethod(method: JsonObject): Promise<JsonObject> {
  if (method.type === 'Multikey') return method;
  try {
    const { '@context': _context, ...key } = method;
    const keyPair = await Ed25519Multikey.from(key);
    const { publicKeyMultibase } = await keyPair.export({ publicKey: true, includeContext: false });
    return {
      id: method.id,
      type: 'Multikey',
      controller: method.controller,
      publicKeyMultibase,
      ...(method.revoked === undefined ? {} : { revoked: method.revoked }),
    };
  } catch {
    return method;
  }
}

/**
 * A foreign DID document in the shape `verifyCredential` reads: absolute ids, keys embedded in
 * `assertionMethod` listed under `verificationMethod`, and Ed25519 keys (Ed25519VerificationKey2020 /
 * 2018, JsonWebKey) as Multikey.
 */
async function normalizeDidDocument(did: string, document: unknown): Promise<JsonObject> {
  if (!isObject(document)) throw new Error(`The DID document of ${did} is not a JSON object.`);
  const absolute = (reference: unknown) =>
    typeof reference === 'string' && reference.startsWith('#') ? `${did}${reference}` : reference;
  const embedded: JsonObject[] = [];
  const assertionMethod = listOf(document.assertionMethod).map((reference) => {
    if (!isObject(reference)) return absolute(reference);
    embedded.push(reference);
    return absolute(reference.id);
  });
  const methods = [...listOf(document.verificationMethod).filter(isObject), ...embedded];
  const verificationMethod = await Promise.all(
    methods.map((method) =>
      toMultikeyMethod({ ...method, id: absolute(method.id), controller: absolute(method.controller) }),
    ),
  );
  return { ...document, verificationMethod, assertionMethod };
}

function memoize<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let entry = cache.get(key);
    if (!entry) {
      entry = load(key);
      cache.set(key, entry);
    }
    return entry;
  };
}

type Platform = VerifyImportedCredentialOptions['platform'];

/** Whether a DID or URL is KMG's own: DIDs of our host, URLs under our public base URL. */
function platformMatcher({ publicBaseUrl }: Platform): (url: string) => boolean {
  const didPrefix = issuerDid({ publicBaseUrl, slug: 'x' }).replace(/:issuers:x$/, '');
  const base = new URL(publicBaseUrl).href.replace(/\/?$/, '/');
  return (url) =>
    url === didPrefix ||
    url.startsWith(`${didPrefix}:`) ||
    url.startsWith(`${didPrefix}#`) ||
    url === base.slice(0, -1) ||
    url.startsWith(base);
}

type ImportLoader = { documentLoader: DocumentLoader; refusedContexts: string[] };

function createImportLoader({
  credential,
  options,
  network,
}: {
  credential: JsonObject;
  options: VerifyImportedCredentialOptions;
  network: Network;
}): ImportLoader {
  const isPlatform = platformMatcher(options.platform);
  // Only the lists this credential names are fetched: any other URL would be a JSON-LD context,
  // and contexts come from the bundle or not at all.
  const statusLists = new Set(
    listOf(credential.credentialStatus).flatMap((entry) =>
      isObject(entry) && typeof entry.statusListCredential === 'string' ? [entry.statusListCredential] : [],
    ),
  );
  const resolveDid = memoize(async (did): Promise<JsonObject | null> => {
    if (did.startsWith('did:key:')) return didKeyDocument(did);
    if (options.resolveDid) {
      const document = await options.resolveDid(did);
      return document && normalizeDidDocument(did, document);
    }
    const url = didWebDocumentUrl(did, [...network.insecureHosts]);
    if (!url) return null;
    return normalizeDidDocument(did, (await fetchJson(url, network)).document);
  });
  const resolveStatusList = memoize(async (url): Promise<JsonObject | null> => {
    const { document } = await fetchJson(url, network);
    if (!isObject(document)) throw new Error(`The status list at ${url} is not a JSON object.`);
    return document;
  });
  const foreign = createDocumentLoader({ resolveDid, resolveStatusListCredential: resolveStatusList });
  const refusedContexts: string[] = [];
  const documentLoader: DocumentLoader = async (url) => {
    if (bundledContexts.has(url)) return foreign(url);
    if (isPlatform(url)) return options.platform.documentLoader(url);
    if (!url.startsWith('did:') && !statusLists.has(url)) {
      refusedContexts.push(url);
      throw new DocumentLoadError(
        'NOT_BUNDLED',
        url,
        `Refusing to load ${url}: not a bundled JSON-LD context.`,
      );
    }
    try {
      return await foreign(url);
    } catch (error) {
      // The loader's own message names only the URL; the cause says what went wrong with it.
      if (error instanceof DocumentLoadError && error.cause) {
        throw new DocumentLoadError(error.code, error.url, messageOf(error), { cause: error.cause });
      }
      throw error;
    }
  };
  return { documentLoader, refusedContexts };
}

// ---------------------------------------------------------------------------------------------
// Judging the verification

type Failure = { ok: false; code: ImportRefusalReason; message: string };
type Judgement = { ok: true; code: ImportCheckPass; message: string } | Failure;

function isSupportedIssuer(issuerId: string | null, options: VerifyImportedCredentialOptions): boolean {
  if (!issuerId) return false;
  if (issuerId.startsWith('did:key:')) return ED25519_DID_KEY.test(issuerId);
  if (issuerId.startsWith('did:web:')) return true;
  return issuerId.startsWith('did:') && options.resolveDid !== undefined;
}

function judgeIssuer(
  { issuerId, checks: { issuer, signature } }: CredentialVerification,
  options: VerifyImportedCredentialOptions,
): Judgement {
  switch (issuer.code) {
    case 'valid':
      return { ok: true, code: 'OK', message: issuer.message };
    case 'issuer_missing':
    case 'issuer_unresolvable':
      return isSupportedIssuer(issuerId, options)
        ? { ok: false, code: 'ISSUER_UNRESOLVABLE', message: issuer.message }
        : {
            ok: false,
            code: 'ISSUER_UNSUPPORTED',
            message: `KMG checks issuers identified by did:web or an Ed25519 did:key, not ${issuerId ?? 'this issuer'}.`,
          };
    case 'key_not_found':
      // Without a proof we can read there is no key to look for: the proof check says why.
      return signature.code === 'proof_unsupported'
        ? { ok: false, code: 'PROOF_UNSUPPORTED', message: issuer.message }
        : { ok: false, code: 'ISSUER_KEY_REJECTED', message: issuer.message };
    default:
      return { ok: false, code: 'ISSUER_KEY_REJECTED', message: issuer.message };
  }
}

function proofTypesOf(credential: JsonObject): string {
  const names = listOf(credential.proof).map((proof) =>
    isObject(proof)
      ? [proof.type, proof.cryptosuite].filter((part) => typeof part === 'string').join(' ')
      : 'unreadable',
  );
  return names.join(', ') || 'none';
}

function judgeProof(
  verification: CredentialVerification,
  issuer: Judgement,
  { credential, refusedContexts }: { credential: JsonObject; refusedContexts: readonly string[] },
): Judgement {
  const { signature } = verification.checks;
  switch (signature.code) {
    case 'valid':
      return { ok: true, code: 'OK', message: signature.message };
    case 'proof_missing':
      return { ok: false, code: 'PROOF_MISSING', message: signature.message };
    case 'proof_unsupported':
      return {
        ok: false,
        code: 'PROOF_UNSUPPORTED',
        message: `KMG verifies DataIntegrityProof eddsa-rdfc-2022 proofs; this credential has ${proofTypesOf(credential)}.`,
      };
    case 'key_unavailable':
      return issuer.ok
        ? { ok: false, code: 'ISSUER_UNRESOLVABLE', message: signature.message }
        : { ...issuer, message: signature.message };
    case 'signature_invalid':
      return { ok: false, code: 'PROOF_INVALID', message: signature.message };
    case 'verification_error':
      return refusedContexts.length > 0
        ? {
            ok: false,
            code: 'CONTEXT_UNSUPPORTED',
            message: `The credential uses JSON-LD contexts KMG does not know: ${[...new Set(refusedContexts)].join(', ')}.`,
          }
        : { ok: false, code: 'PROOF_INVALID', message: signature.message };
  }
}

const statusCodes = {
  active: 'ACTIVE',
  no_status: 'NO_STATUS',
  revoked: 'REVOKED',
  suspended: 'SUSPENDED',
  status_unsupported: 'STATUS_UNSUPPORTED',
  status_list_unavailable: 'STATUS_UNAVAILABLE',
  status_list_invalid: 'STATUS_INVALID',
} as const;

const validityCodes = {
  valid: 'OK',
  not_yet_valid: 'NOT_YET_VALID',
  expired: 'EXPIRED',
  dates_malformed: 'DATES_INVALID',
} as const;

/** A `verifyCredential` check under its import code; the code tables keep pass and fail codes apart. */
function judgement(
  check: { ok: boolean; message: string },
  code: ImportCheckPass | ImportRefusalReason,
): Judgement {
  return { ok: check.ok, code, message: check.message } as Judgement;
}

// ---------------------------------------------------------------------------------------------
// Is it this teacher's?

type IdentityKind = 'email' | 'nuptk' | 'any';

/** Which of the teacher's identifiers an IdentityObject can carry; null for names and other ids. */
function identityKindOf(identityType: unknown): IdentityKind | null {
  if (typeof identityType !== 'string') return null;
  if (identityType === 'emailAddress') return 'email';
  if (identityType.toLowerCase() === NUPTK_IDENTITY_TYPE.toLowerCase()) return 'nuptk';
  if (identityType === 'identifier') return 'any';
  return null;
}

function digest(algorithm: 'sha256' | 'md5', text: string): Buffer {
  return createHash(algorithm).update(text, 'utf8').digest();
}

/**
 * Whether an IdentityObject names one of `values`. Hashed: OB 3.0 IdentityHash, `sha256$` or `md5$`
 * and the hex digest of the value followed by the salt. Plaintext: compared after `normalize`.
 */
function identityMatches(
  identity: JsonObject,
  values: ReadonlyArray<{ hashed: readonly string[]; plain: string }>,
  normalize: (value: string) => string,
): boolean {
  const { identityHash, hashed, salt } = identity;
  if (typeof identityHash !== 'string') return false;
  if (hashed !== true) return values.some(({ plain }) => normalize(identityHash) === plain);
  const match = /^(sha256|md5)\$([0-9a-f]+)$/i.exec(identityHash.trim());
  if (!match) return false;
  const algorithm = (match[1] as string).toLowerCase() as 'sha256' | 'md5';
  const expected = Buffer.from((match[2] as string).toLowerCase(), 'hex');
  const saltText = typeof salt === 'string' ? salt : '';
  return values.some(({ hashed: candidates }) =>
    candidates.some((candidate) => {
      const actual = digest(algorithm, `${candidate}${saltText}`);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    }),
  );
}

const normalizeEmail = (value: string) => value.trim().toLowerCase();
const normalizeNuptk = (value: string) => value.replace(/[\s.-]/g, '');

function checkRecipient(credential: JsonObject, teacher: ImportingTeacher): Judgement {
  const email = teacher.email?.trim() || null;
  const nuptk = teacher.nuptk ? normalizeNuptk(teacher.nuptk) : null;
  // A hash can only be matched by the exact string that was hashed: try the address as the
  // account holds it and in lower case, the spelling most issuers hash.
  const emails = email
    ? [{ hashed: [...new Set([email, email.toLowerCase()])], plain: normalizeEmail(email) }]
    : [];
  const nuptks = nuptk ? [{ hashed: [nuptk], plain: nuptk }] : [];
  let comparable = 0;
  for (const subject of listOf(credential.credentialSubject).filter(isObject)) {
    if (typeof subject.id === 'string' && /^mailto:/i.test(subject.id)) {
      comparable++;
      let address: string;
      try {
        address = decodeURIComponent(subject.id.slice('mailto:'.length));
      } catch {
        address = subject.id.slice('mailto:'.length);
      }
      if (emails.some(({ plain }) => normalizeEmail(address) === plain)) {
        return {
          ok: true,
          code: 'MATCHED_EMAIL',
          message: 'The credential subject is the teacher’s email address.',
        };
      }
    }
    for (const identity of listOf(subject.identifier).filter(isObject)) {
      const kind = identityKindOf(identity.identityType);
      if (!kind) continue;
      comparable++;
      if (kind !== 'email' && identityMatches(identity, nuptks, normalizeNuptk)) {
        return {
          ok: true,
          code: 'MATCHED_NUPTK',
          message: `The credential names the teacher’s NUPTK (${identity.hashed === true ? 'hashed' : 'in plain text'}).`,
        };
      }
      if (kind !== 'nuptk' && identityMatches(identity, emails, normalizeEmail)) {
        return {
          ok: true,
          code: 'MATCHED_EMAIL',
          message: `The credential names the teacher’s email address (${identity.hashed === true ? 'hashed' : 'in plain text'}).`,
        };
      }
    }
  }
  return comparable === 0
    ? {
        ok: false,
        code: 'RECIPIENT_UNVERIFIABLE',
        message:
          'The credential names its holder by no email address or NUPTK, so KMG cannot tell whether it is this teacher’s.',
      }
    : {
        ok: false,
        code: 'RECIPIENT_MISMATCH',
        message:
          'The credential was issued to someone else: neither the email address nor the NUPTK it names is the teacher’s.',
      };
}

// ---------------------------------------------------------------------------------------------
// The summary a wallet shows

function issuerOf(credential: JsonObject): ImportedIssuer {
  const { issuer } = credential;
  if (typeof issuer === 'string') return { id: issuer, name: null, url: null };
  const profile = isObject(issuer) ? issuer : {};
  return { id: stringOf(profile.id) ?? '', name: stringOf(profile.name), url: stringOf(profile.url) };
}

function achievementOf(credential: JsonObject): ImportedAchievement {
  const subject = listOf(credential.credentialSubject).find(isObject) ?? {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  const { criteria, image, creditsAvailable } = achievement;
  return {
    id: stringOf(achievement.id) ?? '',
    name: stringOf(achievement.name) ?? '',
    description: stringOf(achievement.description),
    achievementType: stringOf(achievement.achievementType),
    criteria: isObject(criteria) ? stringOf(criteria.narrative) : null,
    image: isObject(image) ? stringOf(image.id) : stringOf(image),
    humanCode: stringOf(achievement.humanCode),
    fieldOfStudy: stringOf(achievement.fieldOfStudy),
    creditsAvailable: typeof creditsAvailable === 'number' ? creditsAvailable : null,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Verifies an Open Badges 3.0 credential a teacher imports from elsewhere: reads it (file, JSON or
 * URL), then checks the proof (Data Integrity `eddsa-rdfc-2022`), the issuer's key (did:key
 * offline, did:web fetched or injected, KMG's own issuers locally), the 1EdTech schema, the status
 * (Bitstring Status List or StatusList2021; revoked or suspended is refused), the validity window
 * at `now`, that it names this teacher (NUPTK or email, hashed or plain), and that KMG did not issue
 * it. KMG's own credentials are refused as `ISSUED_BY_KMG` once every other check passes: they are
 * already in the teacher's wallet, with live status, so a second, imported copy would only go stale.
 * Never throws for bad input; the checks are plain JSON, to be kept with the import.
 */
export async function verifyImportedCredential(
  source: ImportSource,
  options: VerifyImportedCredentialOptions,
): Promise<ImportVerification> {
  const { now, teacher } = options;
  const checkedAt = now.toISOString();
  const insecureHosts = new Set(options.insecureHosts ?? []);
  const network: Network = {
    fetch: options.fetch ?? createNodeFetch(insecureHosts),
    insecureHosts,
    timeoutMs: options.timeoutMs ?? IMPORT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? IMPORT_MAX_BYTES,
  };
  const checks: ImportCheck[] = [];
  const record = (check: ImportCheckName, outcome: Judgement, issues: SchemaIssue[] = []) => {
    checks.push({ check, ...outcome, checkedAt, ...(issues.length > 0 ? { issues } : {}) });
  };
  const refused = ({ code, message }: Failure, credentialId: string | null): ImportVerification => ({
    kind: 'refused',
    reason: code,
    message,
    credentialId,
    checks,
  });

  const read = await readSource(source, network);
  record('source', read.ok ? { ok: true, code: 'OK', message: read.message } : read);
  if (!read.ok) return refused(read, null);

  const format = checkFormat(read.document);
  const credentialId = isObject(read.document) ? stringOf(read.document.id) : null;
  record(
    'format',
    format.ok ? { ok: true, code: 'OK', message: 'An Open Badges 3.0 credential with a proof.' } : format,
  );
  if (!format.ok) return refused(format, credentialId);
  const { credential } = format;

  const loader = createImportLoader({ credential, options, network });
  const verification = await verifyCredential(credential, { documentLoader: loader.documentLoader, now });
  const { schema, status, validity } = verification.checks;
  const issuer = judgeIssuer(verification, options);
  record('proof', judgeProof(verification, issuer, { credential, refusedContexts: loader.refusedContexts }));
  record('issuer', issuer);
  record(
    'schema',
    judgement(schema, schema.ok ? 'OK' : 'SCHEMA_INVALID'),
    schema.issues.slice(0, MAX_SCHEMA_ISSUES),
  );
  record('status', judgement(status, statusCodes[status.code]));
  record('validity', judgement(validity, validityCodes[validity.code]));
  record('recipient', checkRecipient(credential, teacher));
  const isOurs = platformMatcher(options.platform)(issuerOf(credential).id);
  record(
    'origin',
    isOurs
      ? {
          ok: false,
          code: 'ISSUED_BY_KMG',
          message: 'KMG issued this credential: it is already in the teacher’s wallet (Kredensial Saya).',
        }
      : { ok: true, code: 'EXTERNAL', message: 'Issued outside KMG.' },
  );

  const failed = checks.find((check): check is ImportCheck & Failure => !check.ok);
  if (failed) return refused(failed, credentialId);
  const validUntil = stringOf(credential.validUntil);
  return {
    kind: 'verified',
    credential,
    credentialId,
    achievement: achievementOf(credential),
    issuer: issuerOf(credential),
    validFrom: new Date(String(credential.validFrom)),
    validUntil: validUntil ? new Date(validUntil) : null,
    checks,
  };
}
