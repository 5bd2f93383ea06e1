import { describe, expect, it } from 'vitest';
import { issuerDid, issuerDidDocumentUrl, issuerSlugFromDid, verificationMethodId } from '#did.ts';

describe('issuerDid', () => {
  it.each([
    ['https://kmg.example.id', 'did:web:kmg.example.id:issuers:pt-unggul-semesta'],
    ['https://kmg.example.id/', 'did:web:kmg.example.id:issuers:pt-unggul-semesta'],
    ['http://localhost:4000', 'did:web:localhost%3A4000:issuers:pt-unggul-semesta'],
    ['https://example.go.id/kmg', 'did:web:example.go.id:kmg:issuers:pt-unggul-semesta'],
  ])('derives the did:web of %s', (publicBaseUrl, did) => {
    expect(issuerDid({ publicBaseUrl, slug: 'pt-unggul-semesta' })).toBe(did);
  });

  it.each(['PT Unggul', 'pt--unggul', '-pt', 'pt_unggul', ''])('refuses the slug %j', (slug) => {
    expect(() => issuerDid({ publicBaseUrl: 'https://kmg.example.id', slug })).toThrow(TypeError);
  });

  it('refuses a base URL that is not http(s) or carries a query', () => {
    expect(() => issuerDid({ publicBaseUrl: 'ftp://kmg.example.id', slug: 'a' })).toThrow(TypeError);
    expect(() => issuerDid({ publicBaseUrl: 'https://kmg.example.id/?x=1', slug: 'a' })).toThrow(TypeError);
  });
});

describe('issuerDidDocumentUrl', () => {
  it.each([
    ['https://kmg.example.id', 'https://kmg.example.id/issuers/pt-unggul-semesta/did.json'],
    ['http://localhost:4000', 'http://localhost:4000/issuers/pt-unggul-semesta/did.json'],
    ['https://example.go.id/kmg/', 'https://example.go.id/kmg/issuers/pt-unggul-semesta/did.json'],
  ])('serves the DID document of %s where did:web resolution looks', (publicBaseUrl, url) => {
    expect(issuerDidDocumentUrl({ publicBaseUrl, slug: 'pt-unggul-semesta' })).toBe(url);
  });
});

describe('issuerSlugFromDid', () => {
  it('returns the slug of one of our DIDs', () => {
    const did = issuerDid({ publicBaseUrl: 'http://localhost:4000', slug: 'inlastek' });
    expect(issuerSlugFromDid({ publicBaseUrl: 'http://localhost:4000', did })).toBe('inlastek');
  });

  it.each([
    'did:web:elsewhere.example:issuers:inlastek',
    'did:web:kmg.example.id:issuers:inlastek:extra',
    'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
  ])('returns null for the foreign DID %s', (did) => {
    expect(issuerSlugFromDid({ publicBaseUrl: 'https://kmg.example.id', did })).toBeNull();
  });
});

describe('verificationMethodId', () => {
  it('puts the key id in the fragment of the issuer DID', () => {
    expect(verificationMethodId({ issuerId: 'did:web:kmg.example.id:issuers:a', keyId: 'key-1' })).toBe(
      'did:web:kmg.example.id:issuers:a#key-1',
    );
  });
});
