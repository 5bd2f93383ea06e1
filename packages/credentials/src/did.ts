/** Issuer slug as it appears in URLs and DIDs: lowercase words joined by single hyphens (`pt-unggul-semesta`). */
export function isIssuerSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

function parseBaseUrl(publicBaseUrl: string): URL {
  const url = new URL(publicBaseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`Public base URL must be http(s): ${publicBaseUrl}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new TypeError(`Public base URL must not carry a query, fragment or credentials: ${publicBaseUrl}`);
  }
  return url;
}

function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '');
}

function assertSlug(slug: string): void {
  if (!isIssuerSlug(slug)) throw new TypeError(`Not an issuer slug: ${slug}`);
}

/**
 * The issuer's `did:web` identifier under the platform's public base URL: the host (with a port
 * percent-encoded, `localhost%3A4000`), any base path, then `issuers:<slug>`, as the did:web method
 * maps `https://<host>/<path>/did.json` to a DID.
 */
export function issuerDid({ publicBaseUrl, slug }: { publicBaseUrl: string; slug: string }): string {
  assertSlug(slug);
  const url = parseBaseUrl(publicBaseUrl);
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  return ['did:web', host, ...pathSegments(url).map(encodeURIComponent), 'issuers', slug].join(':');
}

/**
 * Where the issuer's DID document is served: `<base>/issuers/<slug>/did.json`. Keeps the base URL's
 * scheme, so a local `http://localhost:4000` works in development even though did:web resolvers
 * elsewhere only fetch over HTTPS.
 */
export function issuerDidDocumentUrl({
  publicBaseUrl,
  slug,
}: {
  publicBaseUrl: string;
  slug: string;
}): string {
  assertSlug(slug);
  const url = parseBaseUrl(publicBaseUrl);
  return `${url.origin}/${[...pathSegments(url), 'issuers', slug, 'did.json'].join('/')}`;
}

/**
 * The issuer slug a DID names when it is one of ours (minted by `issuerDid` for this base URL), else
 * null. A document loader's `resolveDid` uses it to refuse foreign DIDs without a network call.
 */
export function issuerSlugFromDid({
  publicBaseUrl,
  did,
}: {
  publicBaseUrl: string;
  did: string;
}): string | null {
  const prefix = issuerDid({ publicBaseUrl, slug: 'x' }).slice(0, -1);
  if (!did.startsWith(prefix)) return null;
  const slug = did.slice(prefix.length);
  return isIssuerSlug(slug) ? slug : null;
}

/** A verification method id: the issuer DID with the key id as fragment (`<issuerId>#<keyId>`). */
export function verificationMethodId({ issuerId, keyId }: { issuerId: string; keyId: string }): string {
  return `${issuerId}#${keyId}`;
}
