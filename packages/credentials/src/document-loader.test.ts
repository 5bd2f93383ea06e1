import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledContexts, createDocumentLoader, type DocumentLoadError } from '#document-loader.ts';
import { issuerDidDocument } from '#keys.ts';

const issuerId = 'did:web:kmg.example.id:issuers:pt-unggul-semesta';
const didDocument = issuerDidDocument({
  issuerId,
  keys: [{ keyId: 'key-1', publicKeyMultibase: 'z6MkTest' }],
});
const statusList = { id: 'https://kmg.example.id/issuers/pt-unggul-semesta/status/revocation-1' };

const loader = createDocumentLoader({
  resolveDid: async (did) => (did === issuerId ? didDocument : null),
  resolveStatusListCredential: async (url) => (url === statusList.id ? statusList : null),
});

async function loadError(url: string): Promise<DocumentLoadError> {
  try {
    await loader(url);
  } catch (error) {
    return error as DocumentLoadError;
  }
  throw new Error('expected the loader to refuse');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createDocumentLoader', () => {
  it.each([
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
    'https://w3id.org/security/data-integrity/v2',
    'https://w3id.org/security/multikey/v1',
    'https://www.w3.org/ns/credentials/status/v1',
    'https://www.w3.org/ns/did/v1',
  ])('serves the bundled context %s', async (url) => {
    const { document, documentUrl } = await loader(url);
    expect(documentUrl).toBe(url);
    expect(document).toHaveProperty('@context');
    expect(bundledContexts.get(url)).toBe(document);
  });

  it('resolves our DID and one of its verification methods through resolveDid', async () => {
    expect((await loader(issuerId)).document).toBe(didDocument);
    expect((await loader(`${issuerId}#key-1`)).document).toEqual({
      '@context': 'https://w3id.org/security/multikey/v1',
      id: `${issuerId}#key-1`,
      type: 'Multikey',
      controller: issuerId,
      publicKeyMultibase: 'z6MkTest',
    });
  });

  it('resolves status list credentials through resolveStatusListCredential', async () => {
    expect((await loader(statusList.id)).document).toBe(statusList);
  });

  it.each([
    ['an unknown DID', 'did:web:elsewhere.example', 'NOT_FOUND'],
    ['an unknown key of our DID', `${issuerId}#key-9`, 'NOT_FOUND'],
    ['an unknown status list', 'https://kmg.example.id/issuers/pt-unggul-semesta/status/nope', 'NOT_FOUND'],
    ['an unbundled context', 'https://w3id.org/security/suites/ed25519-2020/v1', 'NOT_FOUND'],
    ['a non-http URL', 'ftp://example.org/context.json', 'NOT_BUNDLED'],
  ])('refuses %s', async (_name, url, code) => {
    expect((await loadError(url)).code).toBe(code);
  });

  it('refuses everything but bundled contexts when no status resolver is given, without calling fetch', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const strict = createDocumentLoader({ resolveDid: async () => null });
    await expect(strict('https://example.org/credential')).rejects.toMatchObject({ code: 'NOT_BUNDLED' });
    await expect(strict('https://www.w3.org/ns/credentials/v2')).resolves.toBeDefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reports a resolver that throws as RESOLVER_FAILED', async () => {
    const failing = createDocumentLoader({
      resolveDid: async () => {
        throw new Error('database down');
      },
    });
    await expect(failing(issuerId)).rejects.toMatchObject({ code: 'RESOLVER_FAILED' });
  });
});
