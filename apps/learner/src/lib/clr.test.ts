import { describe, expect, it } from 'vitest';
import { readClrBundle } from '#lib/clr.ts';
import { weldingDocument } from '#lib/credential-fixtures.ts';

const bundle = {
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:6a1c2f0e-0b7e-4c55-9b0d-3f1f6c1d2e11',
  type: ['VerifiableCredential', 'ClrCredential'],
  name: 'Teknologi Pengelasan Industri',
  issuer: { id: 'did:web:kmg.example:issuers:dit-smk', type: ['Profile'], name: 'Direktorat SMK' },
  validFrom: '2026-12-02T10:06:13Z',
  credentialSubject: {
    type: ['ClrSubject'],
    name: 'Sri Wahyuni',
    verifiableCredential: [weldingDocument, 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln'],
    achievement: [],
  },
};

describe('readClrBundle', () => {
  it('reads who the bundle is for, from whom, and the credentials it embeds', () => {
    expect(readClrBundle(bundle)).toEqual({
      name: 'Teknologi Pengelasan Industri',
      issuerName: 'Direktorat SMK',
      learnerName: 'Sri Wahyuni',
      validFrom: '2026-12-02T10:06:13Z',
      embedded: [weldingDocument, 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln'],
    });
  });

  it.each([
    ['an Open Badges credential', weldingDocument],
    ['a JSON array', [bundle]],
    ['text', 'ClrCredential'],
    ['null', null],
  ])('answers null for %s', (_case, document) => {
    expect(readClrBundle(document)).toBeNull();
  });

  it('takes a bundle without embedded credentials as one holding none', () => {
    const { verifiableCredential: _embedded, ...subject } = bundle.credentialSubject;
    expect(readClrBundle({ ...bundle, credentialSubject: subject })?.embedded).toEqual([]);
  });
});
